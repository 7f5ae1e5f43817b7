import type { Address, Instance } from '@aws-sdk/client-ec2';
import { asDate, type CallContext, type Handlers } from '../context';
import { filtersOf, matchesFilters } from '../filters';
import { page } from '../pagination';
import { publicDnsName } from '../regions';
import type { ResourceRecord, Tag } from '../state';
import { byPhysicalId, everywhere, inRegion } from './common';
import { instanceState } from './ec2-actions';
import { byIds, ec2Tags } from './ec2-query';

/** An instance as DescribeInstances shows it: its Elastic IP, security group names and instance profile joined in. */
export function instanceShape(ctx: CallContext, r: ResourceRecord): Instance {
  const a = r.attrs;
  const eip = inRegion(ctx, 'AWS::EC2::EIPAssociation').find((x) => x.props.InstanceId === r.physicalId);
  const direct = inRegion(ctx, 'AWS::EC2::EIP').find((x) => x.props.InstanceId === r.physicalId);
  const publicIp =
    (eip?.attrs.PublicIp as string | undefined) ?? direct?.physicalId ?? (a.PublicIp as string | undefined);
  const groups = (a.SecurityGroupIds as string[]).map((g) => ({
    GroupId: g,
    GroupName: String(byPhysicalId(ctx, 'AWS::EC2::SecurityGroup', g)?.attrs.GroupName ?? g),
  }));
  const profile = a.IamInstanceProfile
    ? everywhere(ctx, 'AWS::IAM::InstanceProfile').find(
        (p) => p.physicalId === a.IamInstanceProfile || p.attrs.Arn === a.IamInstanceProfile,
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
    Tags: ec2Tags(r),
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

function addressShape(ctx: CallContext, r: ResourceRecord, assocs: ResourceRecord[]): Address {
  const assoc = assocs.find((a) => a.attrs.AllocationId === r.attrs.AllocationId);
  const instanceId = (assoc?.props.InstanceId ?? r.props.InstanceId) as string | undefined;
  const instance = byPhysicalId(ctx, 'AWS::EC2::Instance', instanceId);
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
}

export const ec2InstanceHandlers: Handlers = {
  'EC2.DescribeInstances': (ctx) => {
    const items = byIds(
      inRegion(ctx, 'AWS::EC2::Instance'),
      ctx.input.InstanceIds,
      'InvalidInstanceID.NotFound',
      'instance',
    )
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
    const assocs = inRegion(ctx, 'AWS::EC2::EIPAssociation');
    const items = inRegion(ctx, 'AWS::EC2::EIP').map((r) => addressShape(ctx, r, assocs));
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
};
