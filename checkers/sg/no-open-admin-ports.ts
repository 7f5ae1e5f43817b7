import { describeSources, ingressSources, openToWorld } from '@/lib/inventory';
import { defineCheck, fail, noLabYet, pass } from '../define';

const ADMIN_PORTS = [22, 3389];

export default defineCheck({
  id: 'sg.no-open-admin-ports',
  stage: '00-one-user',
  severity: 'required',
  reads: ['securityGroups'],
  title: {
    en: 'No security group opens SSH or RDP to the internet',
    ko: '어떤 보안 그룹도 SSH나 RDP를 인터넷에 열어 두지 않는다',
  },
  why: {
    en: 'Port 22 or 3389 open to 0.0.0.0/0 is scanned within minutes. Shell access goes through Session Manager or a narrow source, never the world.',
    ko: '0.0.0.0/0에 열린 22번, 3389번 포트는 몇 분 안에 스캔당합니다. 셸 접속은 Session Manager나 좁은 출발지를 통해서만 하고, 전 세계에 열지 않습니다.',
  },
  hint: {
    en: 'Remove the 0.0.0.0/0 (and ::/0) rules on ports 22 and 3389.',
    ko: '22번과 3389번 포트의 0.0.0.0/0(및 ::/0) 규칙을 지우세요.',
  },
  step: 'security-group',
  remediation: {
    template:
      'SecurityGroupIngress:\n  - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }   # web only, no 22',
    console: {
      en: 'VPC → Security groups → the group → Inbound rules → Edit → delete the SSH/RDP rule from 0.0.0.0/0.',
      ko: 'VPC → 보안 그룹 → 해당 그룹 → 인바운드 규칙 → 편집 → 0.0.0.0/0에서 오는 SSH/RDP 규칙 삭제.',
    },
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port 22 --cidr 0.0.0.0/0',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const groups = await inv.securityGroups();
    const open = groups.flatMap((g) => ADMIN_PORTS.filter((p) => openToWorld(g, p)).map((port) => ({ g, port })));
    if (open.length === 0) {
      return pass(
        {
          en: `None of the ${groups.length} security groups in the lab VPC opens port 22 or 3389 to the internet.`,
          ko: `실습 VPC의 보안 그룹 ${groups.length}개 중 어느 것도 22번이나 3389번 포트를 인터넷에 열지 않습니다.`,
        },
        groups.map((g) => ({
          id: g.GroupId ?? '?',
          type: 'AWS::EC2::SecurityGroup',
          values: { GroupName: g.GroupName ?? null },
        })),
      );
    }
    const list = open.map(({ g, port }) => `${g.GroupId}:${port}`).join(', ');
    return fail(
      {
        en: `Security group rules open admin ports to the internet: ${list}.`,
        ko: `관리 포트를 인터넷에 여는 보안 그룹 규칙이 있습니다: ${list}.`,
      },
      open.map(({ g, port }) => ({
        id: g.GroupId ?? '?',
        type: 'AWS::EC2::SecurityGroup',
        values: { port, sources: describeSources(ingressSources(g, port)) },
      })),
    );
  },
});
