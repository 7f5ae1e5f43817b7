import { hostCount, ipAt, parseCidr } from '../cidr';
import { generatedName, resourceId, stableHex } from '../ids';
import { internalDomain, isWellFormedAmi, publicDnsName, publicIp } from '../regions';
import type { ResourceRecord } from '../state';
import { needSubnet, needVpc } from './ec2-network';
import { bool, type Child, fail, list, type ModelContext, type Models, need, obj, str, tagsOf } from './model';

const SG = 'AWS::EC2::SecurityGroup';
const INSTANCE_FAMILIES =
  /^(t2|t3|t3a|t4g|m5|m5a|m6i|m6g|m7i|m7g|c5|c6i|c6g|c7g|r5|r6i|r6g|r7g)\.(nano|micro|small|medium|large|xlarge|[0-9]+xlarge)$/;

export const sgNotFound = (id: string): [string, string] => [
  `The security group '${id}' does not exist`,
  'InvalidGroup.NotFound',
];

export const needSecurityGroup = (ctx: ModelContext, id: unknown) => need(ctx, SG, id, sgNotFound);

const PROTOCOLS = new Set(['tcp', 'udp', 'icmp', 'icmpv6', '-1', 'all', '6', '17', '1', '58']);

function checkRule(ctx: ModelContext, rule: Record<string, unknown>, direction: 'ingress' | 'egress') {
  const protocol = String(rule.IpProtocol ?? '');
  if (!PROTOCOLS.has(protocol))
    fail(`Invalid value '${protocol}' for IP protocol. Unknown protocol.`, 'InvalidParameterValue');
  if (['tcp', 'udp', '6', '17'].includes(protocol)) {
    const from = Number(rule.FromPort);
    const to = Number(rule.ToPort);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > 65535 || from > to)
      fail(`Invalid value for portRange. Must specify both from and to ports with TCP/UDP.`, 'InvalidParameterValue');
  }
  const peer = direction === 'ingress' ? rule.SourceSecurityGroupId : rule.DestinationSecurityGroupId;
  const sources = [
    rule.CidrIp,
    rule.CidrIpv6,
    peer,
    rule.SourcePrefixListId,
    rule.DestinationPrefixListId,
    rule.SourceSecurityGroupName,
  ].filter((x) => x !== undefined);
  if (sources.length !== 1)
    fail(
      'Either CidrIp, CidrIpv6, a security group or a prefix list must be specified (exactly one).',
      'InvalidParameterCombination',
    );
  if (rule.CidrIp !== undefined && !parseCidr(String(rule.CidrIp)))
    fail(`CIDR block ${String(rule.CidrIp)} is malformed`, 'InvalidParameterValue');
  if (peer !== undefined && peer !== ctx.existing?.physicalId) needSecurityGroup(ctx, peer);
}

/** Where a new instance goes in its subnet: a stable private address for a given id. */
function privateIp(subnet: ResourceRecord, seed: string): string {
  const cidr = parseCidr(String(subnet.attrs.CidrBlock))!;
  const span = Math.max(1, hostCount(cidr) - 5);
  return ipAt(cidr, 4 + (Number.parseInt(stableHex(seed, 6), 16) % span));
}

export interface LaunchSpec {
  ImageId?: unknown;
  InstanceType?: unknown;
  SubnetId?: unknown;
  SecurityGroupIds?: unknown;
  IamInstanceProfile?: unknown;
  MetadataOptions?: unknown;
  KeyName?: unknown;
  Monitoring?: unknown;
  UserData?: unknown;
}

/** One EC2 instance as `RunInstances` would make it (the Instance resource and an Auto Scaling group share this). */
export function launchInstance(ctx: ModelContext, spec: LaunchSpec, existingId?: string): Child {
  const image = String(spec.ImageId ?? '');
  if (!image) fail('The request must contain the parameter ImageId', 'MissingParameter');
  if (!isWellFormedAmi(image)) fail(`Invalid id: "${image}" (expecting "ami-...")`, 'InvalidAMIID.Malformed');
  const type = String(spec.InstanceType ?? 'm1.small');
  if (!INSTANCE_FAMILIES.test(type))
    fail(`The instance type '${type}' does not exist in this region.`, 'InvalidInstanceType');
  const subnet = needSubnet(ctx, spec.SubnetId);
  const groups = (Array.isArray(spec.SecurityGroupIds) ? spec.SecurityGroupIds : []).map(String);
  for (const g of groups) {
    const sg = needSecurityGroup(ctx, g);
    if (sg.attrs.VpcId !== subnet.attrs.VpcId)
      fail(`Security group ${g} and subnet ${subnet.physicalId} belong to different networks.`, 'InvalidParameter');
  }
  const vpc = needVpc(ctx, subnet.attrs.VpcId);
  const defaultSg = String(vpc.attrs.DefaultSecurityGroup);
  if (spec.IamInstanceProfile !== undefined) {
    const name = String(spec.IamInstanceProfile);
    const profile = ctx.world
      .all('AWS::IAM::InstanceProfile', true)
      .find((p) => p.ref === name || p.attrs.Arn === name);
    if (!profile)
      fail(
        `Value (${name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`,
        'InvalidParameterValue',
      );
  }
  const id = existingId ?? resourceId('i');
  const ip = privateIp(subnet, id);
  const region = ctx.region;
  const mapPublic = bool(subnet.props, 'MapPublicIpOnLaunch') ?? false;
  const pub = mapPublic ? publicIp(id) : undefined;
  return {
    type: 'AWS::EC2::Instance',
    physicalId: id,
    props: {
      ...spec,
      ImageId: image,
      InstanceType: type,
      SubnetId: subnet.physicalId,
      SecurityGroupIds: groups.length ? groups : [defaultSg],
    },
    attrs: {
      InstanceId: id,
      AvailabilityZone: subnet.attrs.AvailabilityZone,
      VpcId: subnet.attrs.VpcId,
      PrivateIp: ip,
      PrivateDnsName: `ip-${ip.replaceAll('.', '-')}.${internalDomain(region)}`,
      PublicIp: pub,
      PublicDnsName: pub ? publicDnsName(pub, region) : '',
      State: 'running',
      NetworkInterfaceId: resourceId('eni'),
      VolumeId: resourceId('vol'),
      LaunchTime: new Date().toISOString(),
      SubnetId: subnet.physicalId,
      SecurityGroupIds: groups.length ? groups : [defaultSg],
      ImageId: image,
      InstanceType: type,
      IamInstanceProfile: spec.IamInstanceProfile,
      MetadataOptions: spec.MetadataOptions,
    },
    tags: [],
  };
}

export const computeModels: Models = {
  [SG]: {
    seconds: 3,
    make(ctx) {
      const { props, existing } = ctx;
      if (!str(props, 'GroupDescription')) fail('GroupDescription is required.', 'MissingParameter');
      if (!props.VpcId)
        fail(
          'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.',
          'VPCIdNotSpecified',
        );
      const vpc = needVpc(ctx, props.VpcId);
      for (const r of (props.SecurityGroupIngress as Record<string, unknown>[] | undefined) ?? [])
        checkRule(ctx, r, 'ingress');
      for (const r of (props.SecurityGroupEgress as Record<string, unknown>[] | undefined) ?? [])
        checkRule(ctx, r, 'egress');
      const name =
        str(props, 'GroupName') ??
        (existing?.attrs.GroupName as string) ??
        generatedName(ctx.stackName, ctx.logicalId, 255);
      const taken = ctx.world
        .all(SG)
        .find(
          (g) =>
            g.props.VpcId === vpc.physicalId &&
            (g.attrs.GroupName ?? g.props.GroupName) === name &&
            g.physicalId !== existing?.physicalId,
        );
      if (taken)
        fail(`The security group '${name}' already exists for VPC '${vpc.physicalId}'`, 'InvalidGroup.Duplicate');
      const id = existing?.physicalId ?? resourceId('sg');
      return { physicalId: id, attrs: { GroupId: id, VpcId: vpc.physicalId, GroupName: name } };
    },
  },

  'AWS::EC2::SecurityGroupIngress': {
    seconds: 2,
    make(ctx) {
      needSecurityGroup(ctx, ctx.props.GroupId);
      checkRule(ctx, ctx.props, 'ingress');
      const id = ctx.existing?.physicalId ?? resourceId('sgr');
      return { physicalId: id, attrs: { Id: id } };
    },
  },

  'AWS::EC2::SecurityGroupEgress': {
    seconds: 2,
    make(ctx) {
      needSecurityGroup(ctx, ctx.props.GroupId);
      checkRule(ctx, ctx.props, 'egress');
      const id = ctx.existing?.physicalId ?? resourceId('sgr');
      return { physicalId: id, attrs: { Id: id } };
    },
  },

  'AWS::EC2::Instance': {
    seconds: 30,
    make(ctx) {
      const { props } = ctx;
      const template = launchTemplateData(ctx, props.LaunchTemplate);
      const nic = (props.NetworkInterfaces as Record<string, unknown>[] | undefined)?.[0];
      const profile = props.IamInstanceProfile ?? (obj(template, 'IamInstanceProfile').Name as string | undefined);
      const child = launchInstance(
        ctx,
        {
          ...props,
          ImageId: props.ImageId ?? template.ImageId,
          InstanceType: props.InstanceType ?? template.InstanceType,
          SubnetId: props.SubnetId ?? nic?.SubnetId,
          SecurityGroupIds: props.SecurityGroupIds ?? nic?.GroupSet ?? template.SecurityGroupIds,
          IamInstanceProfile: profile,
          MetadataOptions: props.MetadataOptions ?? template.MetadataOptions,
        },
        ctx.existing?.physicalId,
      );
      if (nic?.AssociatePublicIpAddress === true || nic?.AssociatePublicIpAddress === 'true') {
        const ip = publicIp(child.physicalId);
        child.attrs.PublicIp = ip;
        child.attrs.PublicDnsName = publicDnsName(ip, ctx.region);
      }
      if (ctx.existing) child.attrs.LaunchTime = ctx.existing.attrs.LaunchTime;
      return { physicalId: child.physicalId, attrs: child.attrs };
    },
  },

  'AWS::EC2::LaunchTemplate': {
    seconds: 2,
    make(ctx) {
      const data = obj(ctx.props, 'LaunchTemplateData');
      if (data.ImageId !== undefined && !isWellFormedAmi(String(data.ImageId)))
        fail(`Invalid id: "${String(data.ImageId)}" (expecting "ami-...")`, 'InvalidAMIID.Malformed');
      if (data.InstanceType !== undefined && !INSTANCE_FAMILIES.test(String(data.InstanceType)))
        fail(`The instance type '${String(data.InstanceType)}' does not exist in this region.`, 'InvalidInstanceType');
      for (const g of list(data, 'SecurityGroupIds')) needSecurityGroup(ctx, g);
      const id = ctx.existing?.physicalId ?? resourceId('lt');
      const version = ctx.existing ? Number(ctx.existing.attrs.LatestVersionNumber ?? 1) + 1 : 1;
      const name =
        str(ctx.props, 'LaunchTemplateName') ??
        (ctx.existing?.attrs.LaunchTemplateName as string) ??
        generatedName(ctx.stackName, ctx.logicalId, 128);
      return {
        physicalId: id,
        attrs: {
          LaunchTemplateId: id,
          LaunchTemplateName: name,
          LatestVersionNumber: String(version),
          DefaultVersionNumber: String(ctx.existing ? version : 1),
        },
      };
    },
  },
};

/** The LaunchTemplateData of a `{ LaunchTemplateId | LaunchTemplateName, Version }` reference ({} when none). */
export function launchTemplateData(ctx: ModelContext, reference: unknown): Record<string, unknown> {
  if (!reference || typeof reference !== 'object') return {};
  const r = reference as Record<string, unknown>;
  const lt = ctx.world
    .all('AWS::EC2::LaunchTemplate')
    .find((t) => t.physicalId === r.LaunchTemplateId || t.attrs.LaunchTemplateName === r.LaunchTemplateName);
  if (!lt)
    fail(
      `The specified launch template, with template ID ${String(r.LaunchTemplateId ?? r.LaunchTemplateName)}, does not exist.`,
      'InvalidLaunchTemplateId.NotFound',
    );
  return obj(lt.props, 'LaunchTemplateData');
}

export { tagsOf };
