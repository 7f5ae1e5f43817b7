/** VPCs, subnets, route tables, internet and NAT gateways, Availability Zones: the network as EC2 describes it. */
import type { AttachmentStatus, InternetGateway, NatGateway, RouteTable, Subnet, Vpc } from '@aws-sdk/client-ec2';
import type { CallContext, Handlers } from '../context';
import { filtersOf, matchesFilters } from '../filters';
import { availabilityZones, zoneId } from '../regions';
import type { ResourceRecord, Tag } from '../state';
import { byPhysicalId, inRegion } from './common';
import { byIds, ec2Tags, paged } from './ec2-query';
import { endpointRoutes } from './ec2-vpc-endpoints';

export function vpcShape(r: ResourceRecord): Vpc {
  return {
    VpcId: r.physicalId,
    CidrBlock: String(r.props.CidrBlock),
    State: 'available',
    DhcpOptionsId: 'dopt-0sandbox',
    InstanceTenancy: String(r.props.InstanceTenancy ?? 'default') as Vpc['InstanceTenancy'],
    IsDefault: false,
    OwnerId: undefined,
    CidrBlockAssociationSet: [
      {
        AssociationId: (r.attrs.CidrBlockAssociations as string[])[0],
        CidrBlock: String(r.props.CidrBlock),
        CidrBlockState: { State: 'associated' },
      },
    ],
    Tags: ec2Tags(r),
  };
}

function subnetShape(ctx: CallContext, r: ResourceRecord): Subnet {
  return {
    SubnetId: r.physicalId,
    SubnetArn: `arn:aws:ec2:${ctx.region}:${ctx.state.accountId}:subnet/${r.physicalId}`,
    VpcId: String(r.attrs.VpcId),
    CidrBlock: String(r.attrs.CidrBlock),
    AvailabilityZone: String(r.attrs.AvailabilityZone),
    AvailabilityZoneId: String(r.attrs.AvailabilityZoneId),
    AvailableIpAddressCount: 2 ** (32 - Number(String(r.attrs.CidrBlock).split('/')[1])) - 5,
    DefaultForAz: false,
    MapPublicIpOnLaunch: r.props.MapPublicIpOnLaunch === true || r.props.MapPublicIpOnLaunch === 'true',
    State: 'available',
    OwnerId: ctx.state.accountId,
    Ipv6CidrBlockAssociationSet: [],
    Tags: ec2Tags(r),
  };
}

export function routeTableShape(ctx: CallContext, r: ResourceRecord): RouteTable {
  const vpcId = String(r.attrs.VpcId ?? r.props.VpcId);
  const vpc = byPhysicalId(ctx, 'AWS::EC2::VPC', vpcId);
  const routes = inRegion(ctx, 'AWS::EC2::Route').filter((x) => x.props.RouteTableId === r.physicalId);
  const associations = inRegion(ctx, 'AWS::EC2::SubnetRouteTableAssociation').filter(
    (a) => a.props.RouteTableId === r.physicalId,
  );
  const main = r.attrs.Main === true;
  return {
    RouteTableId: r.physicalId,
    VpcId: vpcId,
    OwnerId: ctx.state.accountId,
    Routes: [
      {
        DestinationCidrBlock: String(vpc?.props.CidrBlock ?? ''),
        GatewayId: 'local',
        Origin: 'CreateRouteTable',
        State: 'active',
      },
      ...routes.map((x) => ({
        DestinationCidrBlock: x.props.DestinationCidrBlock as string | undefined,
        DestinationIpv6CidrBlock: x.props.DestinationIpv6CidrBlock as string | undefined,
        GatewayId: x.props.GatewayId as string | undefined,
        NatGatewayId: x.props.NatGatewayId as string | undefined,
        InstanceId: x.props.InstanceId as string | undefined,
        VpcEndpointId: x.props.VpcEndpointId as string | undefined,
        Origin: 'CreateRoute' as const,
        State: 'active' as const,
      })),
      ...endpointRoutes(ctx, r.physicalId),
    ],
    Associations: [
      ...(main
        ? [
            {
              Main: true,
              RouteTableAssociationId: `rtbassoc-main${r.physicalId.slice(4, 13)}`,
              RouteTableId: r.physicalId,
              AssociationState: { State: 'associated' as const },
            },
          ]
        : []),
      ...associations.map((a) => ({
        Main: false,
        RouteTableAssociationId: a.physicalId,
        RouteTableId: r.physicalId,
        SubnetId: String(a.props.SubnetId),
        AssociationState: { State: 'associated' as const },
      })),
    ],
    PropagatingVgws: [],
    Tags: ec2Tags(r),
  };
}

export const ec2NetworkHandlers: Handlers = {
  'EC2.DescribeVpcs': (ctx) => {
    const items = byIds(inRegion(ctx, 'AWS::EC2::VPC'), ctx.input.VpcIds, 'InvalidVpcID.NotFound', 'vpc')
      .map(vpcShape)
      .filter((v) =>
        matchesFilters(
          filtersOf(ctx.input),
          {
            'vpc-id': v.VpcId,
            'cidr-block': v.CidrBlock,
            cidr: v.CidrBlock,
            state: v.State,
            'is-default': v.IsDefault,
          },
          v.Tags as Tag[],
        ),
      );
    return paged(ctx, items, 'Vpcs');
  },
  'EC2.DescribeSubnets': (ctx) => {
    const items = byIds(inRegion(ctx, 'AWS::EC2::Subnet'), ctx.input.SubnetIds, 'InvalidSubnetID.NotFound', 'subnet')
      .map((r) => subnetShape(ctx, r))
      .filter((s) =>
        matchesFilters(
          filtersOf(ctx.input),
          {
            'vpc-id': s.VpcId,
            'subnet-id': s.SubnetId,
            'availability-zone': s.AvailabilityZone,
            'cidr-block': s.CidrBlock,
            'map-public-ip-on-launch': s.MapPublicIpOnLaunch,
            state: s.State,
          },
          s.Tags as Tag[],
        ),
      );
    return paged(ctx, items, 'Subnets');
  },
  'EC2.DescribeRouteTables': (ctx) => {
    const items = byIds(
      inRegion(ctx, 'AWS::EC2::RouteTable'),
      ctx.input.RouteTableIds,
      'InvalidRouteTableID.NotFound',
      'route table',
    )
      .map((r) => routeTableShape(ctx, r))
      .filter((t) =>
        matchesFilters(
          filtersOf(ctx.input),
          {
            'vpc-id': t.VpcId,
            'route-table-id': t.RouteTableId,
            'association.subnet-id': t.Associations?.map((x) => x.SubnetId),
            'association.main': t.Associations?.map((x) => x.Main),
            'route.gateway-id': t.Routes?.map((x) => x.GatewayId),
            'route.nat-gateway-id': t.Routes?.map((x) => x.NatGatewayId),
            'route.destination-prefix-list-id': t.Routes?.map((x) => x.DestinationPrefixListId),
          },
          t.Tags as Tag[],
        ),
      );
    return paged(ctx, items, 'RouteTables');
  },
  'EC2.DescribeInternetGateways': (ctx) => {
    const attachments = inRegion(ctx, 'AWS::EC2::VPCGatewayAttachment');
    const items: InternetGateway[] = byIds(
      inRegion(ctx, 'AWS::EC2::InternetGateway'),
      ctx.input.InternetGatewayIds,
      'InvalidInternetGatewayID.NotFound',
      'internet gateway',
    )
      .map((r) => ({
        InternetGatewayId: r.physicalId,
        OwnerId: ctx.state.accountId,
        Attachments: attachments
          .filter((a) => a.props.InternetGatewayId === r.physicalId)
          .map((a) => ({ VpcId: String(a.props.VpcId), State: 'available' as AttachmentStatus })), // AWS really answers 'available' for internet gateways
        Tags: r.tags,
      }))
      .filter((g) =>
        matchesFilters(
          filtersOf(ctx.input),
          {
            'internet-gateway-id': g.InternetGatewayId,
            'attachment.vpc-id': g.Attachments?.map((a) => a.VpcId),
            'attachment.state': g.Attachments?.map((a) => a.State),
          },
          g.Tags as Tag[],
        ),
      );
    return paged(ctx, items, 'InternetGateways');
  },
  'EC2.DescribeNatGateways': (ctx) => {
    const items: NatGateway[] = inRegion(ctx, 'AWS::EC2::NatGateway')
      .map((r) => ({
        NatGatewayId: r.physicalId,
        SubnetId: String(r.attrs.SubnetId),
        VpcId: String(r.attrs.VpcId),
        State: 'available' as const,
        ConnectivityType: (r.props.ConnectivityType as 'public' | 'private' | undefined) ?? 'public',
        CreateTime: new Date(r.createdAt),
        NatGatewayAddresses: [
          {
            AllocationId: r.props.AllocationId as string | undefined,
            PublicIp: r.attrs.PublicIp as string | undefined,
            PrivateIp: String(r.attrs.PrivateIp),
            NetworkInterfaceId: String(r.attrs.NetworkInterfaceId),
            IsPrimary: true,
            Status: 'succeeded' as const,
          },
        ],
        Tags: r.tags,
      }))
      .filter(
        (n) =>
          !(ctx.input.NatGatewayIds as string[] | undefined)?.length ||
          (ctx.input.NatGatewayIds as string[]).includes(n.NatGatewayId!),
      )
      .filter((n) =>
        matchesFilters(
          ctx.input.Filter ?? ctx.input.Filters,
          { 'vpc-id': n.VpcId, 'subnet-id': n.SubnetId, 'nat-gateway-id': n.NatGatewayId, state: n.State },
          n.Tags as Tag[],
        ),
      );
    return paged(ctx, items, 'NatGateways');
  },
  'EC2.DescribeAvailabilityZones': (ctx) => ({
    AvailabilityZones: availabilityZones(ctx.region).map((name) => ({
      ZoneName: name,
      ZoneId: zoneId(name),
      State: 'available' as const,
      RegionName: ctx.region,
      ZoneType: 'availability-zone',
      OptInStatus: 'opt-in-not-required' as const,
      GroupName: ctx.region,
      NetworkBorderGroup: ctx.region,
      Messages: [],
    })),
  }),
};
