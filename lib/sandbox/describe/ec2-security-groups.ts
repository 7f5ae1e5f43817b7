import type { IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import type { CallContext, Handlers } from '../context';
import { filtersOf, matchesFilters } from '../filters';
import type { ResourceRecord, Tag } from '../state';
import { inRegion } from './common';
import { byIds, ec2Tags, paged } from './ec2-query';

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

/** A group with its inline rules plus the separate SecurityGroupIngress / Egress resources that target it. */
export function securityGroupShape(ctx: CallContext, r: ResourceRecord): SecurityGroup {
  const extra = (type: string) =>
    inRegion(ctx, type)
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
    Tags: ec2Tags(r),
  };
}

export const ec2SecurityGroupHandlers: Handlers = {
  'EC2.DescribeSecurityGroups': (ctx) => {
    const byName = (ctx.input.GroupNames as string[] | undefined) ?? [];
    const items = byIds(
      inRegion(ctx, 'AWS::EC2::SecurityGroup'),
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
};
