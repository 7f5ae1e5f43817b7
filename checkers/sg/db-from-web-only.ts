import { describeSources, ingressSources } from '@/lib/inventory';
import { defineCheck, fail, noLabYet, pass } from '../define';
import { noDatabase } from '../rds/evidence';

export default defineCheck({
  id: 'sg.db-from-web-only',
  stage: '01-split-database',
  severity: 'required',
  reads: ['dbInstances', 'instances', 'securityGroups'],
  title: {
    en: 'The database admits its port only from the web security group',
    ko: '데이터베이스가 자기 포트를 웹 보안 그룹에만 연다',
  },
  why: {
    en: 'The security chain starts here: the DB trusts the web tier by its security group, not by IP ranges that change as instances come and go.',
    ko: '보안 체인은 여기서 시작합니다. DB는 인스턴스가 바뀔 때마다 달라지는 IP 대역이 아니라 웹 계층의 보안 그룹을 믿습니다.',
  },
  hint: {
    en: 'In the DB security group, allow the DB port with SourceSecurityGroupId = the web SG, and remove every CIDR rule.',
    ko: 'DB 보안 그룹에서 DB 포트를 SourceSecurityGroupId = 웹 SG로만 허용하고, CIDR 규칙은 모두 지우세요.',
  },
  step: 'db-security-group',
  remediation: {
    template:
      'SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 3306\n    ToPort: 3306\n    SourceSecurityGroupId: !Ref WebSecurityGroup',
    console: {
      en: 'VPC → Security groups → DB SG → Inbound rules → MySQL/Aurora, source: the web SG.',
      ko: 'VPC → 보안 그룹 → DB SG → 인바운드 규칙 → MySQL/Aurora, 소스: 웹 SG.',
    },
    cli: 'aws ec2 authorize-security-group-ingress --group-id <db-sg> --protocol tcp --port 3306 --source-group <web-sg>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [db, web] = await Promise.all([inv.primaryDatabase(), inv.webInstances()]);
    if (!db) return fail(noDatabase);
    const port = db.Endpoint?.Port ?? db.DbInstancePort ?? 3306;
    const webSgs = new Set(web.flatMap((i) => (i.SecurityGroups ?? []).map((g) => g.GroupId)));
    const dbSgIds = (db.VpcSecurityGroups ?? []).flatMap((g) => (g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : []));
    const groups = (await Promise.all(dbSgIds.map((id) => inv.securityGroup(id)))).filter((g) => g !== undefined);
    const sources = groups.flatMap((g) => ingressSources(g, port));
    const evidence = groups.map((g) => ({
      id: g.GroupId ?? '?',
      type: 'AWS::EC2::SecurityGroup',
      values: {
        port,
        sources: describeSources(ingressSources(g, port)),
        webSecurityGroups: [...webSgs].join(', ') || null,
      },
    }));
    const ok = sources.length > 0 && sources.every((s) => s.kind === 'group' && webSgs.has(s.groupId));
    const from = describeSources(sources);
    return ok
      ? pass(
          {
            en: `DB security groups admit port ${port} only from the web SG (${from}).`,
            ko: `DB 보안 그룹이 ${port}번 포트를 웹 SG(${from})에만 엽니다.`,
          },
          evidence,
        )
      : fail(
          {
            en: `DB security groups admit port ${port} from ${from}, not only from the web SG.`,
            ko: `DB 보안 그룹이 ${port}번 포트를 웹 SG만이 아니라 ${from}에 엽니다.`,
          },
          evidence,
        );
  },
});
