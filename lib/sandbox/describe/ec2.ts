import type {
  Address,
  AttachmentStatus,
  Instance,
  InternetGateway,
  IpPermission,
  NatGateway,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
} from '@aws-sdk/client-ec2';
import { asDate, type CallContext, type Handlers } from '../context';
import { awsError } from '../errors';
import { filtersOf, matchesFilters } from '../filters';
import { page } from '../pagination';
import { availabilityZones, publicDnsName, zoneId } from '../regions';
import { type ResourceRecord, regionOf, type Tag } from '../state';
import { instanceState } from './ec2-actions';

const of = (ctx: CallContext, type: string): ResourceRecord[] =>
  Object.values(regionOf(ctx.state, ctx.region).resources).filter((r) => r.type === type);

/** Tags as EC2 shows them (the `aws:cloudformation:*` ones included, as AWS does). */
const tagsOf = (r: ResourceRecord): Tag[] => r.tags;

/** Ids asked for that do not exist fail the whole call, as EC2 does. */
function byIds<T extends ResourceRecord>(items: T[], ids: unknown, code: string, noun: string): T[] {
  if (!Array.isArray(ids) || !ids.length) return items;
  const missing = ids.filter((id) => !items.some((i) => i.physicalId === id));
  if (missing.length) throw awsError(code, `The ${noun} ID '${missing.join("', '")}' does not exist`);
  return items.filter((i) => ids.includes(i.physicalId));
}

function paged<T>(ctx: CallContext, items: T[], key: string) {
  const p = page(items, ctx.input, { sizeKey: 'MaxResults', tokenKey: 'NextToken', maxSize: 1000 });
  return { [key]: p.items, ...p.token };
}

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
    Tags: tagsOf(r),
  };
}

function ruleShape(rule: Record<string, unknown>, ownerId: string, isDefaultSelf = false): IpPermission {
  const protocol = String(rule.IpProtocol) === 'all' ? '-1' : String(rule.IpProtocol);
  const peer = rule.SourceSecurityGroupId ?? rule.DestinationSecurityGroupId;
  return {
    IpProtocol: protocol,
    ...(protocol === '-1' ? {} : { FromPort: Number(rule.FromPort), ToPort: Number(rule.ToPort) }),
    IpRanges: rule.CidrIp ? [{ CidrIp: String(rule.CidrIp), Description: rule.Description as string | undefined }] : [],
    Ipv6Ranges: rule.CidrIpv6
      ? [{ CidrIpv6: String(rule.CidrIpv6), Description: rule.Description as string | undefined }]
      : [],
    PrefixListIds:
      rule.SourcePrefixListId || rule.DestinationPrefixListId
        ? [{ PrefixListId: String(rule.SourcePrefixListId ?? rule.DestinationPrefixListId) }]
        : [],
    UserIdGroupPairs:
      peer || isDefaultSelf
        ? [{ GroupId: String(peer), UserId: ownerId, Description: rule.Description as string | undefined }]
        : [],
  };
}

export function securityGroupShape(ctx: CallContext, r: ResourceRecord): SecurityGroup {
  const extra = (type: string) =>
    of(ctx, type)
      .filter((x) => x.props.GroupId === r.physicalId)
      .map((x) => x.props);
  const ingress = [
    ...((r.props.SecurityGroupIngress as Record<string, unknown>[] | undefined) ?? []),
    ...extra('AWS::EC2::SecurityGroupIngress'),
  ];
  const declaredEgress = (r.props.SecurityGroupEgress as Record<string, unknown>[] | undefined) ?? [];
  const egress = [
    ...(declaredEgress.length ? declaredEgress : [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }]),
    ...extra('AWS::EC2::SecurityGroupEgress'),
  ];
  const owner = ctx.state.accountId;
  return {
    GroupId: r.physicalId,
    GroupName: String(r.attrs.GroupName ?? r.props.GroupName),
    Description: String(r.props.GroupDescription),
    VpcId: String(r.props.VpcId),
    OwnerId: owner,
    SecurityGroupArn: `arn:aws:ec2:${ctx.region}:${owner}:security-group/${r.physicalId}`,
    IpPermissions: ingress.map((x) => ruleShape(x, owner)),
    IpPermissionsEgress: egress.map((x) => ruleShape(x, owner)),
    Tags: tagsOf(r),
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
    Tags: tagsOf(r),
  };
}

export function routeTableShape(ctx: CallContext, r: ResourceRecord): RouteTable {
  const vpcId = String(r.attrs.VpcId ?? r.props.VpcId);
  const vpc = of(ctx, 'AWS::EC2::VPC').find((v) => v.physicalId === vpcId);
  const routes = of(ctx, 'AWS::EC2::Route').filter((x) => x.props.RouteTableId === r.physicalId);
  const associations = of(ctx, 'AWS::EC2::SubnetRouteTableAssociation').filter(
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
    Tags: tagsOf(r),
  };
}

export function instanceShape(ctx: CallContext, r: ResourceRecord): Instance {
  const a = r.attrs;
  const eip = of(ctx, 'AWS::EC2::EIPAssociation').find((x) => x.props.InstanceId === r.physicalId);
  const direct = of(ctx, 'AWS::EC2::EIP').find((x) => x.props.InstanceId === r.physicalId);
  const publicIp =
    (eip?.attrs.PublicIp as string | undefined) ?? direct?.physicalId ?? (a.PublicIp as string | undefined);
  const groups = (a.SecurityGroupIds as string[]).map((g) => ({
    GroupId: g,
    GroupName: String(of(ctx, 'AWS::EC2::SecurityGroup').find((s) => s.physicalId === g)?.attrs.GroupName ?? g),
  }));
  const profile = a.IamInstanceProfile
    ? Object.values(ctx.state.regions)
        .flatMap((x) => Object.values(x.resources))
        .find(
          (p) =>
            p.type === 'AWS::IAM::InstanceProfile' &&
            (p.physicalId === a.IamInstanceProfile || p.attrs.Arn === a.IamInstanceProfile),
        )
    : undefined;
  const metadata = (a.MetadataOptions as Record<string, unknown> | undefined) ?? {};
  return {
    InstanceId: r.physicalId,
    ImageId: String(a.ImageId),
    InstanceType: String(a.InstanceType) as Instance['InstanceType'],
    State: instanceState(a),
    LaunchTime: asDate(String(a.LaunchTime ?? r.createdAt)),
    Placement: { AvailabilityZone: String(a.AvailabilityZone), Tenancy: 'default', GroupName: '' },
    SubnetId: String(a.SubnetId),
    VpcId: String(a.VpcId),
    PrivateIpAddress: String(a.PrivateIp),
    PrivateDnsName: String(a.PrivateDnsName),
    PublicIpAddress: publicIp,
    PublicDnsName: publicIp ? publicDnsName(publicIp, ctx.region) : '',
    SecurityGroups: groups,
    IamInstanceProfile: profile
      ? { Arn: String(profile.attrs.Arn), Id: String(profile.attrs.InstanceProfileId) }
      : undefined,
    MetadataOptions: {
      State: 'applied',
      HttpTokens: (metadata.HttpTokens as 'required' | 'optional' | undefined) ?? 'optional',
      HttpPutResponseHopLimit: Number(metadata.HttpPutResponseHopLimit ?? 1),
      HttpEndpoint: (metadata.HttpEndpoint as 'enabled' | 'disabled' | undefined) ?? 'enabled',
      InstanceMetadataTags: 'disabled',
    },
    Architecture: 'x86_64',
    RootDeviceType: 'ebs',
    RootDeviceName: '/dev/xvda',
    Hypervisor: 'xen',
    VirtualizationType: 'hvm',
    Monitoring: { State: 'disabled' },
    NetworkInterfaces: [
      {
        NetworkInterfaceId: String(a.NetworkInterfaceId),
        SubnetId: String(a.SubnetId),
        VpcId: String(a.VpcId),
        PrivateIpAddress: String(a.PrivateIp),
        Groups: groups,
        Status: 'in-use',
        Association: publicIp
          ? { PublicIp: publicIp, IpOwnerId: eip || direct ? ctx.state.accountId : 'amazon' }
          : undefined,
      },
    ],
    Tags: tagsOf(r),
  };
}

function instanceFields(i: Instance) {
  return {
    'vpc-id': i.VpcId,
    'subnet-id': i.SubnetId,
    'instance-id': i.InstanceId,
    'instance-state-name': i.State?.Name,
    'instance-type': i.InstanceType,
    'availability-zone': i.Placement?.AvailabilityZone,
    'image-id': i.ImageId,
    'private-ip-address': i.PrivateIpAddress,
    'ip-address': i.PublicIpAddress,
    'instance.group-id': i.SecurityGroups?.map((g) => g.GroupId),
    'group-id': i.SecurityGroups?.map((g) => g.GroupId),
    'iam-instance-profile.arn': i.IamInstanceProfile?.Arn,
    'metadata-options.http-tokens': i.MetadataOptions?.HttpTokens,
  };
}

export const ec2Handlers: Handlers = {
  'EC2.DescribeVpcs': (ctx) => {
    const items = byIds(of(ctx, 'AWS::EC2::VPC'), ctx.input.VpcIds, 'InvalidVpcID.NotFound', 'vpc')
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
    const items = byIds(of(ctx, 'AWS::EC2::Subnet'), ctx.input.SubnetIds, 'InvalidSubnetID.NotFound', 'subnet')
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
  'EC2.DescribeSecurityGroups': (ctx) => {
    const byName = (ctx.input.GroupNames as string[] | undefined) ?? [];
    const items = byIds(
      of(ctx, 'AWS::EC2::SecurityGroup'),
      ctx.input.GroupIds,
      'InvalidGroup.NotFound',
      'security group',
    )
      .map((r) => securityGroupShape(ctx, r))
      .filter((g) => !byName.length || byName.includes(g.GroupName ?? ''))
      .filter((g) =>
        matchesFilters(
          filtersOf(ctx.input),
          {
            'vpc-id': g.VpcId,
            'group-id': g.GroupId,
            'group-name': g.GroupName,
            description: g.Description,
            'ip-permission.cidr': g.IpPermissions?.flatMap((p) => p.IpRanges?.map((x) => x.CidrIp) ?? []),
            'ip-permission.from-port': g.IpPermissions?.map((p) => p.FromPort),
            'ip-permission.group-id': g.IpPermissions?.flatMap((p) => p.UserIdGroupPairs?.map((x) => x.GroupId) ?? []),
          },
          g.Tags as Tag[],
        ),
      );
    return paged(ctx, items, 'SecurityGroups');
  },
  'EC2.DescribeRouteTables': (ctx) => {
    const items = byIds(
      of(ctx, 'AWS::EC2::RouteTable'),
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
          },
          t.Tags as Tag[],
        ),
      );
    return paged(ctx, items, 'RouteTables');
  },
  'EC2.DescribeInstances': (ctx) => {
    const items = byIds(of(ctx, 'AWS::EC2::Instance'), ctx.input.InstanceIds, 'InvalidInstanceID.NotFound', 'instance')
      .map((r) => instanceShape(ctx, r))
      .filter((i) => matchesFilters(filtersOf(ctx.input), instanceFields(i), i.Tags as Tag[]));
    // One reservation per instance, as separate RunInstances calls (and Auto Scaling launches) make.
    const p = page(items, ctx.input, { sizeKey: 'MaxResults', maxSize: 1000 });
    return {
      Reservations: p.items.map((i) => ({
        ReservationId: `r-${i.InstanceId?.slice(2)}`,
        OwnerId: ctx.state.accountId,
        Groups: [],
        Instances: [i],
      })),
      ...p.token,
    };
  },
  'EC2.DescribeAddresses': (ctx) => {
    const assocs = of(ctx, 'AWS::EC2::EIPAssociation');
    const items: Address[] = of(ctx, 'AWS::EC2::EIP').map((r) => {
      const assoc = assocs.find((a) => a.attrs.AllocationId === r.attrs.AllocationId);
      const instanceId = (assoc?.props.InstanceId ?? r.props.InstanceId) as string | undefined;
      const instance = instanceId ? of(ctx, 'AWS::EC2::Instance').find((i) => i.physicalId === instanceId) : undefined;
      return {
        PublicIp: r.physicalId,
        AllocationId: String(r.attrs.AllocationId),
        Domain: 'vpc',
        InstanceId: instanceId,
        AssociationId: instanceId ? (assoc?.physicalId ?? `eipassoc-${r.physicalId.replaceAll('.', '')}`) : undefined,
        NetworkInterfaceId: instance ? String(instance.attrs.NetworkInterfaceId) : undefined,
        PrivateIpAddress: instance ? String(instance.attrs.PrivateIp) : undefined,
        NetworkInterfaceOwnerId: instance ? ctx.state.accountId : undefined,
        PublicIpv4Pool: 'amazon',
        NetworkBorderGroup: ctx.region,
        Tags: r.tags,
      };
    });
    const ids = (ctx.input.AllocationIds as string[] | undefined) ?? [];
    const ips = (ctx.input.PublicIps as string[] | undefined) ?? [];
    return {
      Addresses: items
        .filter((a) => (!ids.length || ids.includes(a.AllocationId!)) && (!ips.length || ips.includes(a.PublicIp!)))
        .filter((a) =>
          matchesFilters(
            filtersOf(ctx.input),
            {
              'allocation-id': a.AllocationId,
              'instance-id': a.InstanceId,
              'public-ip': a.PublicIp,
              'association-id': a.AssociationId,
              domain: a.Domain,
            },
            a.Tags as Tag[],
          ),
        ),
    };
  },
  'EC2.DescribeInternetGateways': (ctx) => {
    const attachments = of(ctx, 'AWS::EC2::VPCGatewayAttachment');
    const items: InternetGateway[] = byIds(
      of(ctx, 'AWS::EC2::InternetGateway'),
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
    const items: NatGateway[] = of(ctx, 'AWS::EC2::NatGateway')
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
