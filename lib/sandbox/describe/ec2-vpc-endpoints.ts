/**
 * VPC endpoints as EC2 describes them (EC2 API Reference › DescribeVpcEndpoints, VpcEndpoint), and the routes a
 * gateway endpoint adds to its route tables (AWS PrivateLink guide › Gateway endpoints › Routing: the destination is
 * the service's prefix list, the target the endpoint).
 */
import type { Route, SecurityGroupIdentifier, VpcEndpoint } from '@aws-sdk/client-ec2';
import type { CallContext, Handlers } from '../context';
import { filtersOf, matchesFilters } from '../filters';
import { stableHex } from '../ids';
import type { ResourceRecord, Tag } from '../state';
import { byPhysicalId, inRegion } from './common';
import { byIds, ec2Tags, paged } from './ec2-query';

const ENDPOINT = 'AWS::EC2::VPCEndpoint';

/** The policy an endpoint gets when none is given: full access (PrivateLink guide › Control access using endpoint policies). */
const FULL_ACCESS = JSON.stringify({
  Version: '2008-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
});

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

/** The AWS-managed prefix list of a gateway service in a region (an id of the sandbox's own: AWS's differ per region). */
export const servicePrefixList = (serviceName: string): string => `pl-${stableHex(serviceName, 8)}`;

export function vpcEndpointShape(ctx: CallContext, r: ResourceRecord): VpcEndpoint {
  const p = r.props;
  const type = String(p.VpcEndpointType ?? 'Gateway') as VpcEndpoint['VpcEndpointType'];
  const policy = p.PolicyDocument;
  const groups: SecurityGroupIdentifier[] = list(p.SecurityGroupIds).map((id) => ({
    GroupId: id,
    GroupName: String(byPhysicalId(ctx, 'AWS::EC2::SecurityGroup', id)?.attrs.GroupName ?? id),
  }));
  return {
    VpcEndpointId: r.physicalId,
    VpcEndpointType: type,
    VpcId: String(r.attrs.VpcId),
    ServiceName: String(p.ServiceName),
    // The wire says `available` in lower case (the SDK's State enum capitalises it).
    State: 'available' as VpcEndpoint['State'],
    PolicyDocument: policy === undefined ? FULL_ACCESS : typeof policy === 'string' ? policy : JSON.stringify(policy),
    RouteTableIds: type === 'Gateway' ? list(p.RouteTableIds) : [],
    SubnetIds: type === 'Gateway' ? [] : list(p.SubnetIds),
    Groups: type === 'Gateway' ? [] : groups,
    IpAddressType: String(p.IpAddressType ?? 'ipv4') as VpcEndpoint['IpAddressType'],
    DnsOptions: type === 'Gateway' ? undefined : { DnsRecordIpType: 'ipv4' },
    PrivateDnsEnabled: r.attrs.PrivateDnsEnabled === true,
    RequesterManaged: false,
    NetworkInterfaceIds: (r.attrs.NetworkInterfaceIds as string[] | undefined) ?? [],
    DnsEntries: ((r.attrs.DnsEntries as string[] | undefined) ?? []).map((name) => ({
      DnsName: name,
      HostedZoneId: `Z${stableHex(`${ctx.region}:vpce`, 12).toUpperCase()}`,
    })),
    CreationTimestamp: new Date(String(r.attrs.CreationTimestamp ?? r.createdAt)),
    Tags: ec2Tags(r),
    OwnerId: ctx.state.accountId,
  };
}

/** The routes the gateway endpoints of the region add to this route table. */
export function endpointRoutes(ctx: CallContext, routeTableId: string): Route[] {
  return inRegion(ctx, ENDPOINT)
    .filter((e) => String(e.props.VpcEndpointType ?? 'Gateway') === 'Gateway')
    .filter((e) => list(e.props.RouteTableIds).includes(routeTableId))
    .map((e) => ({
      DestinationPrefixListId: servicePrefixList(String(e.props.ServiceName)),
      GatewayId: e.physicalId,
      Origin: 'CreateRoute' as const,
      State: 'active' as const,
    }));
}

export const ec2VpcEndpointHandlers: Handlers = {
  // Filters: ip-address-type, service-name, tag:<key>, tag-key, vpc-id, vpc-endpoint-id, vpc-endpoint-state,
  // vpc-endpoint-type (EC2 API Reference › DescribeVpcEndpoints › Filter.N).
  'EC2.DescribeVpcEndpoints': (ctx) => {
    const items = byIds(
      inRegion(ctx, ENDPOINT),
      ctx.input.VpcEndpointIds,
      'InvalidVpcEndpointId.NotFound',
      'VpcEndPoint',
    )
      .map((r) => vpcEndpointShape(ctx, r))
      .filter((e) =>
        matchesFilters(
          filtersOf(ctx.input),
          {
            'ip-address-type': e.IpAddressType,
            'service-name': e.ServiceName,
            'vpc-id': e.VpcId,
            'vpc-endpoint-id': e.VpcEndpointId,
            'vpc-endpoint-state': e.State,
            'vpc-endpoint-type': e.VpcEndpointType,
          },
          e.Tags as Tag[],
        ),
      );
    return paged(ctx, items, 'VpcEndpoints');
  },
};
