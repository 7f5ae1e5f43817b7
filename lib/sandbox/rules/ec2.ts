/** Amazon EC2 and VPC: subnet ranges, security-group references, a new account's quotas, user data size. */
import { contains, overlaps, parseCidr } from '../cidr';
import type { ModelContext } from '../resources';
import { obj, str } from '../resources/model';
import { isSelf, records, refuse, rule } from './rule';

const VPC = 'AWS::EC2::VPC';
const SUBNET = 'AWS::EC2::Subnet';
const SG = 'AWS::EC2::SecurityGroup';

const VPC_GUIDE = 'Amazon VPC User Guide: Subnet CIDR blocks';
const VPC_GUIDE_URL = 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html';

/** The subnet's range and its VPC's, when both are known and well-formed (the model reports the rest). */
function subnetRanges(ctx: ModelContext) {
  const vpc = ctx.world.find(VPC, ctx.props.VpcId);
  const cidr = parseCidr(str(ctx.props, 'CidrBlock') ?? '');
  const vpcCidr = vpc ? parseCidr(String(vpc.attrs.CidrBlock)) : undefined;
  return vpc && cidr && vpcCidr ? { vpc, cidr, vpcCidr } : undefined;
}

// VPC User Guide › Subnet CIDR blocks: "The CIDR block of a subnet can be the same as the CIDR block for the VPC
// (…), or a subset of the CIDR block for the VPC"; "the CIDR blocks of the subnets cannot overlap".
export const subnetInsideVpc = rule({
  id: 'ec2.subnet-cidr-inside-vpc',
  types: [SUBNET],
  says: "A subnet's CIDR block lies inside its VPC's CIDR block.",
  source: { title: VPC_GUIDE, url: VPC_GUIDE_URL },
  check(ctx) {
    const r = subnetRanges(ctx);
    if (r && !contains(r.vpcCidr, r.cidr))
      refuse(`The CIDR '${str(ctx.props, 'CidrBlock')}' is invalid.`, 'InvalidSubnet.Range');
  },
});

export const subnetNoOverlap = rule({
  id: 'ec2.subnet-cidr-no-overlap',
  types: [SUBNET],
  says: "A subnet's CIDR block overlaps no other subnet of its VPC.",
  source: { title: VPC_GUIDE, url: VPC_GUIDE_URL },
  check(ctx) {
    const r = subnetRanges(ctx);
    if (!r) return;
    const clash = ctx.world
      .all(SUBNET)
      .find(
        (s) =>
          s.props.VpcId === r.vpc.physicalId &&
          !isSelf(ctx, s) &&
          overlaps(parseCidr(String(s.props.CidrBlock)) ?? { base: -1, bits: 32 }, r.cidr),
      );
    if (clash)
      refuse(`The CIDR '${str(ctx.props, 'CidrBlock')}' conflicts with another subnet`, 'InvalidSubnet.Conflict');
  },
});

/** The VPC of the group a rule belongs to, and the groups its rules reference. */
function groupReferences(ctx: ModelContext, type: string): { vpcId?: unknown; peers: unknown[] } {
  if (type === SG)
    return {
      vpcId: ctx.props.VpcId,
      peers: [
        ...records(ctx.props.SecurityGroupIngress).map((r) => r.SourceSecurityGroupId),
        ...records(ctx.props.SecurityGroupEgress).map((r) => r.DestinationSecurityGroupId),
      ],
    };
  const group = ctx.world.find(SG, ctx.props.GroupId);
  return {
    vpcId: group?.attrs.VpcId,
    peers: [ctx.props.SourceSecurityGroupId, ctx.props.DestinationSecurityGroupId],
  };
}

// VPC User Guide › Security group rules › "Security group referencing": a rule can reference a security group in the
// same VPC, or in a peer VPC of a VPC peering connection (the sandbox models no peering: same VPC only).
export const groupReferenceSameVpc = rule({
  id: 'ec2.security-group-reference-same-vpc',
  types: [SG, 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
  says: 'A security-group rule references groups of its own VPC (or of a peered VPC).',
  source: {
    title: 'Amazon VPC User Guide: Security group rules › Security group referencing',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-referencing',
  },
  check(ctx, type) {
    const { vpcId, peers } = groupReferences(ctx, type);
    if (vpcId === undefined) return;
    for (const peer of peers) {
      if (peer === undefined || peer === ctx.existing?.physicalId) continue;
      const group = ctx.world.find(SG, peer);
      if (group && group.attrs.VpcId !== vpcId)
        refuse('You have specified two resources that belong to different networks.', 'InvalidGroup.NotFound');
    }
  },
});

// Amazon VPC User Guide › Amazon VPC quotas: "VPCs per Region: 5" (adjustable; the default of a new account).
export const vpcQuota = rule({
  id: 'ec2.vpc-quota',
  types: [VPC],
  says: 'A new account has at most 5 VPCs per Region.',
  source: {
    title: 'Amazon VPC User Guide: Amazon VPC quotas › VPC and subnets',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html',
  },
  check(ctx) {
    if (ctx.existing) return;
    if (ctx.world.all(VPC).filter((v) => !isSelf(ctx, v)).length >= 5)
      refuse('The maximum number of VPCs has been reached.', 'VpcLimitExceeded');
  },
});

// Amazon EC2 User Guide › Elastic IP addresses › "Elastic IP address quota": 5 Elastic IP addresses per Region.
export const elasticIpQuota = rule({
  id: 'ec2.elastic-ip-quota',
  types: ['AWS::EC2::EIP'],
  says: 'A new account has at most 5 Elastic IP addresses per Region.',
  source: {
    title: 'Amazon EC2 User Guide: Elastic IP addresses › Elastic IP address quota',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html#using-instance-addressing-limit',
  },
  check(ctx) {
    if (ctx.existing) return;
    if (ctx.world.all('AWS::EC2::EIP').filter((e) => !isSelf(ctx, e)).length >= 5)
      refuse('The maximum number of addresses has been reached.', 'AddressLimitExceeded');
  },
});

const MAX_USER_DATA = 16_384;

// Amazon EC2 User Guide › Run commands when you launch an EC2 instance with user data input › Considerations:
// "User data is limited to 16 KB, in raw form, before it is base64-encoded."
export const userDataSize = rule({
  id: 'ec2.user-data-16kb',
  types: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  says: 'User data is at most 16 KB (16,384 bytes) once base64-decoded.',
  source: {
    title: 'Amazon EC2 User Guide: Run commands when you launch an EC2 instance with user data input › Considerations',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
  },
  check(ctx) {
    const encoded = ctx.props.UserData ?? obj(ctx.props, 'LaunchTemplateData').UserData;
    if (typeof encoded !== 'string') return;
    if (Buffer.from(encoded, 'base64').length > MAX_USER_DATA)
      refuse(`User data is limited to ${MAX_USER_DATA} bytes`, 'InvalidParameterValue');
  },
});

export const ec2Rules = [
  subnetInsideVpc,
  subnetNoOverlap,
  groupReferenceSameVpc,
  vpcQuota,
  elasticIpQuota,
  userDataSize,
];
