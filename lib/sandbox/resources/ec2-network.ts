import { ipAt, parseCidr } from '../cidr';
import { resourceId } from '../ids';
import { availabilityZones, publicIp, zoneId } from '../regions';
import { bool, fail, list, type ModelContext, type Models, need, str } from './model';

const VPC = 'AWS::EC2::VPC';
const SUBNET = 'AWS::EC2::Subnet';
const IGW = 'AWS::EC2::InternetGateway';
const RTB = 'AWS::EC2::RouteTable';

export const vpcNotFound = (id: string): [string, string] => [
  `The vpc ID '${id}' does not exist`,
  'InvalidVpcID.NotFound',
];
export const subnetNotFound = (id: string): [string, string] => [
  `The subnet ID '${id}' does not exist`,
  'InvalidSubnetID.NotFound',
];
const rtbNotFound = (id: string): [string, string] => [
  `The routeTable ID '${id}' does not exist`,
  'InvalidRouteTableID.NotFound',
];

export const needVpc = (ctx: ModelContext, id: unknown) => need(ctx, VPC, id, vpcNotFound);
export const needSubnet = (ctx: ModelContext, id: unknown) => need(ctx, SUBNET, id, subnetNotFound);

export const networkModels: Models = {
  [VPC]: {
    seconds: 3,
    make({ props, existing }) {
      const cidrText = str(props, 'CidrBlock');
      if (!cidrText) fail('Either CidrBlock or Ipv4IpamPoolId must be specified.', 'MissingParameter');
      const cidr = parseCidr(cidrText);
      if (!cidr || cidr.bits < 16 || cidr.bits > 28) fail(`The CIDR '${cidrText}' is invalid.`, 'InvalidVpc.Range');
      const id = existing?.physicalId ?? resourceId('vpc');
      const prior = existing?.attrs;
      const defaultSg = (prior?.DefaultSecurityGroup as string) ?? resourceId('sg');
      const mainTable = (prior?.MainRouteTable as string) ?? resourceId('rtb');
      return {
        physicalId: id,
        attrs: {
          VpcId: id,
          CidrBlock: cidrText,
          CidrBlockAssociations: [(prior?.CidrBlockAssociations as string[])?.[0] ?? resourceId('vpc-cidr-assoc')],
          DefaultSecurityGroup: defaultSg,
          DefaultNetworkAcl: (prior?.DefaultNetworkAcl as string) ?? resourceId('acl'),
          MainRouteTable: mainTable,
          Ipv6CidrBlocks: [],
        },
        // Every VPC comes with a main route table and a default security group.
        children: [
          {
            type: RTB,
            physicalId: mainTable,
            props: { VpcId: id },
            attrs: { RouteTableId: mainTable, Main: true },
            tags: [],
          },
          {
            type: 'AWS::EC2::SecurityGroup',
            physicalId: defaultSg,
            props: {
              VpcId: id,
              GroupName: 'default',
              GroupDescription: 'default VPC security group',
              SecurityGroupIngress: [{ IpProtocol: '-1', SourceSecurityGroupId: defaultSg }],
            },
            attrs: { GroupId: defaultSg, VpcId: id },
            tags: [],
          },
        ],
      };
    },
  },

  [SUBNET]: {
    seconds: 2,
    make(ctx) {
      const { props, region, existing } = ctx;
      const vpc = needVpc(ctx, props.VpcId);
      const cidrText = str(props, 'CidrBlock') ?? '';
      const cidr = parseCidr(cidrText);
      const vpcCidr = parseCidr(String(vpc.attrs.CidrBlock));
      // Inside the VPC's range and clear of its other subnets: lib/sandbox/rules/ec2.ts.
      if (!cidr || !vpcCidr || cidr.bits > 28) fail(`The CIDR '${cidrText}' is invalid.`, 'InvalidSubnet.Range');
      const zones = availabilityZones(region);
      const az = str(props, 'AvailabilityZone') ?? zones[0]!;
      if (!zones.includes(az))
        fail(
          `Value (${az}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${zones.join(', ')}.`,
        );
      const id = existing?.physicalId ?? resourceId('subnet');
      return {
        physicalId: id,
        attrs: {
          SubnetId: id,
          VpcId: vpc.physicalId,
          CidrBlock: cidrText,
          AvailabilityZone: az,
          AvailabilityZoneId: zoneId(az),
          NetworkAclAssociationId: (existing?.attrs.NetworkAclAssociationId as string) ?? resourceId('aclassoc'),
          Ipv6CidrBlocks: [],
        },
      };
    },
  },

  [IGW]: {
    seconds: 2,
    make({ existing }) {
      const id = existing?.physicalId ?? resourceId('igw');
      return { physicalId: id, attrs: { InternetGatewayId: id } };
    },
  },

  'AWS::EC2::VPCGatewayAttachment': {
    seconds: 15,
    make(ctx) {
      const vpc = needVpc(ctx, ctx.props.VpcId);
      if (ctx.props.InternetGatewayId) {
        const igw = need(ctx, IGW, ctx.props.InternetGatewayId, (id) => [
          `The internetGateway ID '${id}' does not exist`,
          'InvalidInternetGatewayID.NotFound',
        ]);
        const other = ctx.world
          .all('AWS::EC2::VPCGatewayAttachment')
          .find((a) => a.props.InternetGatewayId === igw.physicalId && a.physicalId !== ctx.existing?.physicalId);
        if (other)
          fail(
            `resource ${igw.physicalId} is already attached to network ${other.props.VpcId}`,
            'Resource.AlreadyAssociated',
          );
      } else if (!ctx.props.VpnGatewayId) fail('Either InternetGatewayId or VpnGatewayId must be specified.');
      const id = ctx.existing?.physicalId ?? `IGW|${vpc.physicalId}`;
      return { physicalId: id };
    },
  },

  [RTB]: {
    seconds: 2,
    make(ctx) {
      const vpc = needVpc(ctx, ctx.props.VpcId);
      const id = ctx.existing?.physicalId ?? resourceId('rtb');
      return { physicalId: id, attrs: { RouteTableId: id, VpcId: vpc.physicalId } };
    },
  },

  'AWS::EC2::Route': {
    seconds: 2,
    make(ctx) {
      const { props, world } = ctx;
      const table = need(ctx, RTB, props.RouteTableId, rtbNotFound);
      const destination = str(props, 'DestinationCidrBlock') ?? str(props, 'DestinationIpv6CidrBlock');
      if (!destination)
        fail(
          'The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock',
          'MissingParameter',
        );
      const targets = [
        'GatewayId',
        'NatGatewayId',
        'InstanceId',
        'NetworkInterfaceId',
        'VpcPeeringConnectionId',
        'TransitGatewayId',
        'VpcEndpointId',
      ].filter((k) => props[k]);
      if (targets.length !== 1)
        fail(
          'The request must contain exactly one of gatewayId, natGatewayId, networkInterfaceId, vpcPeeringConnectionId, transitGatewayId or instanceId',
          'InvalidParameterCombination',
        );
      const gateway = str(props, 'GatewayId');
      if (gateway?.startsWith('igw-')) {
        need(ctx, IGW, gateway, (id) => [`The gateway ID '${id}' does not exist`, 'InvalidGatewayID.NotFound']);
        const attached = world
          .all('AWS::EC2::VPCGatewayAttachment')
          .some((a) => a.props.InternetGatewayId === gateway && a.props.VpcId === table.props.VpcId);
        if (!attached)
          fail(
            `route table ${table.physicalId} and network gateway ${gateway} belong to different networks`,
            'InvalidParameterValue',
          );
      }
      if (props.NatGatewayId)
        need(ctx, 'AWS::EC2::NatGateway', props.NatGatewayId, (id) => [
          `The natGateway ID '${id}' does not exist`,
          'InvalidNatGatewayID.NotFound',
        ]);
      const clash = world
        .all('AWS::EC2::Route')
        .find(
          (r) =>
            r.props.RouteTableId === table.physicalId &&
            (r.props.DestinationCidrBlock ?? r.props.DestinationIpv6CidrBlock) === destination &&
            r.physicalId !== ctx.existing?.physicalId,
        );
      if (clash) fail(`The route identified by ${destination} already exists.`, 'RouteAlreadyExists');
      return { physicalId: ctx.existing?.physicalId ?? `${table.physicalId}|${destination}` };
    },
  },

  'AWS::EC2::SubnetRouteTableAssociation': {
    seconds: 2,
    make(ctx) {
      const subnet = needSubnet(ctx, ctx.props.SubnetId);
      const table = need(ctx, RTB, ctx.props.RouteTableId, rtbNotFound);
      if (subnet.attrs.VpcId !== table.attrs.VpcId && subnet.attrs.VpcId !== table.props.VpcId)
        fail(`Route table ${table.physicalId} and subnet ${subnet.physicalId} belong to different networks`);
      const taken = ctx.world
        .all('AWS::EC2::SubnetRouteTableAssociation')
        .find((a) => a.props.SubnetId === subnet.physicalId && a.physicalId !== ctx.existing?.physicalId);
      if (taken)
        fail(
          `the specified association for route table ${table.physicalId} conflicts with an existing association`,
          'Resource.AlreadyAssociated',
        );
      const id = ctx.existing?.physicalId ?? resourceId('rtbassoc');
      return { physicalId: id, attrs: { Id: id } };
    },
  },

  'AWS::EC2::NatGateway': {
    seconds: 90,
    make(ctx) {
      const subnet = needSubnet(ctx, ctx.props.SubnetId);
      const isPublic = (str(ctx.props, 'ConnectivityType') ?? 'public') === 'public';
      let ip: string | undefined;
      if (isPublic) {
        if (!ctx.props.AllocationId) fail('AllocationId is required for a public NAT gateway.', 'MissingParameter');
        const eip = ctx.world.all('AWS::EC2::EIP').find((e) => e.attrs.AllocationId === ctx.props.AllocationId);
        if (!eip)
          fail(`The allocation ID '${String(ctx.props.AllocationId)}' does not exist`, 'InvalidAllocationID.NotFound');
        ip = eip.physicalId;
      }
      const id = ctx.existing?.physicalId ?? resourceId('nat');
      return {
        physicalId: id,
        attrs: {
          NatGatewayId: id,
          SubnetId: subnet.physicalId,
          VpcId: subnet.attrs.VpcId,
          PublicIp: ip,
          PrivateIp: ipAt(parseCidr(String(subnet.attrs.CidrBlock))!, 5 + (Number.parseInt(id.slice(-2), 16) % 200)),
          NetworkInterfaceId: (ctx.existing?.attrs.NetworkInterfaceId as string) ?? resourceId('eni'),
        },
      };
    },
  },

  'AWS::EC2::EIP': {
    seconds: 2,
    make(ctx) {
      const allocation = (ctx.existing?.attrs.AllocationId as string) ?? resourceId('eipalloc');
      const ip = ctx.existing?.physicalId ?? publicIp(allocation);
      if (ctx.props.InstanceId) need(ctx, 'AWS::EC2::Instance', ctx.props.InstanceId, instanceNotFound);
      return { physicalId: ip, attrs: { AllocationId: allocation, PublicIp: ip } };
    },
  },

  'AWS::EC2::EIPAssociation': {
    seconds: 2,
    make(ctx) {
      const { props, world } = ctx;
      const eip = props.AllocationId
        ? world.all('AWS::EC2::EIP').find((e) => e.attrs.AllocationId === props.AllocationId)
        : world.find('AWS::EC2::EIP', props.EIP);
      if (!eip)
        fail(
          `The allocation ID '${String(props.AllocationId ?? props.EIP)}' does not exist`,
          'InvalidAllocationID.NotFound',
        );
      if (!props.InstanceId && !props.NetworkInterfaceId)
        fail('Either an instance ID or a network interface ID must be specified.', 'MissingParameter');
      if (props.InstanceId) need(ctx, 'AWS::EC2::Instance', props.InstanceId, instanceNotFound);
      const id = ctx.existing?.physicalId ?? resourceId('eipassoc');
      return { physicalId: id, attrs: { Id: id, AllocationId: eip.attrs.AllocationId, PublicIp: eip.physicalId } };
    },
  },

  'AWS::EC2::VPCEndpoint': {
    seconds: 60,
    make(ctx) {
      const vpc = needVpc(ctx, ctx.props.VpcId);
      const service = str(ctx.props, 'ServiceName') ?? fail('ServiceName is required.', 'MissingParameter');
      if (!/^com\.amazonaws\.[a-z0-9-]+\.[a-z0-9.-]+$/.test(service))
        fail(`The Vpc Endpoint Service '${service}' does not exist`, 'InvalidServiceName');
      for (const s of list(ctx.props, 'SubnetIds')) needSubnet(ctx, s);
      // A gateway endpoint adds a route to each route table it names (DescribeRouteTables shows it, with the prefix list).
      for (const t of list(ctx.props, 'RouteTableIds')) need(ctx, RTB, t, rtbNotFound);
      const id = ctx.existing?.physicalId ?? resourceId('vpce');
      const type = str(ctx.props, 'VpcEndpointType') ?? 'Gateway';
      return {
        physicalId: id,
        attrs: {
          Id: id,
          VpcId: vpc.physicalId,
          CreationTimestamp: new Date().toISOString(),
          NetworkInterfaceIds: type === 'Interface' ? list(ctx.props, 'SubnetIds').map(() => resourceId('eni')) : [],
          DnsEntries:
            type === 'Interface' ? [`${id}.${service.split('.').pop()}.${ctx.region}.vpce.amazonaws.com`] : [],
          PrivateDnsEnabled: bool(ctx.props, 'PrivateDnsEnabled') ?? false,
        },
      };
    },
  },
};

export const instanceNotFound = (id: string): [string, string] => [
  `The instance ID '${id}' does not exist`,
  'InvalidInstanceID.NotFound',
];
