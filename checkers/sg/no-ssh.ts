import type { SecurityGroup } from '@aws-sdk/client-ec2';
import { coversPort, describeSources, type IngressSource, ingressSources } from '@/lib/inventory';
import { defineCheck, fail, noLabYet, pass } from '../define';

const SSH = 22;

/**
 * Every source a group admits on port 22: any CIDR, group or prefix list, not only the internet. The one rule left
 * out is "all traffic from this same group", which every VPC's default security group carries and which
 * CloudFormation cannot remove.
 */
export function sshSources(group: SecurityGroup): IngressSource[] {
  return (group.IpPermissions ?? [])
    .filter((rule) => coversPort(rule, SSH))
    .flatMap((rule) =>
      ingressSources({ IpPermissions: [rule] }, SSH).filter(
        (s) => !(rule.IpProtocol === '-1' && s.kind === 'group' && s.groupId === group.GroupId),
      ),
    );
}

export default defineCheck({
  id: 'sg.no-ssh',
  stage: '04-cache-automate-secure',
  severity: 'required',
  reads: ['securityGroups'],
  title: {
    en: 'No security group in the lab VPC admits port 22 from anywhere',
    ko: '실습 VPC의 어떤 보안 그룹도 22번 포트를 어디에도 열지 않는다',
  },
  why: {
    en: 'With Session Manager there is no reason left to open SSH, not to the world (stage 00 closed that), not to an office range, not to a bastion host. A closed port cannot be brute-forced, and keys cannot leak when there are none.',
    ko: 'Session Manager가 있으면 SSH를 열 이유가 남지 않습니다. 전 세계에도(00 스테이지에서 닫았습니다), 사무실 대역에도, 배스천 호스트에도 열 필요가 없습니다. 닫힌 포트는 무차별 대입 공격을 받을 수 없고, 키가 없으면 유출될 키도 없습니다.',
  },
  hint: {
    en: 'Delete every inbound rule that covers port 22 (a CIDR, a bastion SG or an all-traffic rule) and use Session Manager for shell access.',
    ko: '22번 포트를 포함하는 인바운드 규칙(CIDR, 배스천 SG, 모든 트래픽 규칙)을 모두 지우고, 셸 접속은 Session Manager로 하세요.',
  },
  step: 'no-ssh',
  remediation: {
    template: '# SecurityGroupIngress: no rule with FromPort ≤ 22 ≤ ToPort; shell access goes through Session Manager.',
    console: {
      en: 'VPC → Security groups → each group of the lab VPC → Inbound rules → Edit → delete the SSH (22) rules.',
      ko: 'VPC → 보안 그룹 → 실습 VPC의 각 그룹 → 인바운드 규칙 → 편집 → SSH(22) 규칙 삭제.',
    },
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port 22 --cidr <cidr>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const groups = await inv.securityGroups();
    const open = groups.flatMap((g) => {
      const sources = sshSources(g);
      return sources.length ? [{ g, sources }] : [];
    });
    if (open.length === 0) {
      return pass(
        {
          en: `None of the ${groups.length} security groups in the lab VPC admits port 22.`,
          ko: `실습 VPC의 보안 그룹 ${groups.length}개 중 어느 것도 22번 포트를 열지 않습니다.`,
        },
        groups.map((g) => ({
          id: g.GroupId ?? '?',
          type: 'AWS::EC2::SecurityGroup',
          values: { GroupName: g.GroupName ?? null },
        })),
      );
    }
    const list = open.map(({ g, sources }) => `${g.GroupId} from ${describeSources(sources)}`).join('; ');
    return fail(
      {
        en: `Security groups admit SSH (port 22): ${list}.`,
        ko: `SSH(22번 포트)를 여는 보안 그룹이 있습니다: ${list}.`,
      },
      open.map(({ g, sources }) => ({
        id: g.GroupId ?? '?',
        type: 'AWS::EC2::SecurityGroup',
        values: { port: SSH, sources: describeSources(sources) },
      })),
    );
  },
});
