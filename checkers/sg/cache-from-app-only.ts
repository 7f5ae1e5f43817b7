import { describeSources, ingressSources, tag } from '@/lib/inventory';
import { defineCheck, fail, noLabYet, pass } from '../define';
import { cacheEvidence, noCache } from '../elasticache/evidence';

/** The tiers whose instances may talk to the cache: the web servers, and an app tier where there is one. */
const APP_ROLES = ['web', 'app'];

export default defineCheck({
  id: 'sg.cache-from-app-only',
  stage: '04-cache-automate-secure',
  severity: 'required',
  reads: ['caches', 'instances', 'securityGroups'],
  title: {
    en: 'The cache admits its port only from the web/app security group',
    ko: '캐시가 자기 포트를 웹/앱 보안 그룹에만 연다',
  },
  why: {
    en: 'The security chain grows a branch: the cache holds sessions and copies of data, and Redis/Valkey trusts whoever reaches port 6379. Only the tier that uses it may reach it, by security group, never by an IP range.',
    ko: '보안 체인에 가지가 하나 늘어납니다. 캐시에는 세션과 데이터 사본이 있고, Redis/Valkey는 6379번 포트에 닿는 누구든 믿습니다. 캐시를 쓰는 계층만 IP 대역이 아니라 보안 그룹으로 접근하게 하세요.',
  },
  hint: {
    en: 'Give the replication group its own security group that allows 6379 with SourceSecurityGroupId = the web SG, and no CIDR rule.',
    ko: '복제 그룹에 전용 보안 그룹을 주고, 6379번을 SourceSecurityGroupId = 웹 SG로만 허용하세요. CIDR 규칙은 두지 않습니다.',
  },
  step: 'cache-security',
  remediation: {
    template:
      'CacheSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: cache - 6379 from the web servers only\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 6379\n        ToPort: 6379\n        SourceSecurityGroupId: !Ref WebSecurityGroup',
    console: {
      en: 'VPC → Security groups → the cache SG → Inbound rules → Edit → Custom TCP 6379, source: the web SG; delete every CIDR rule.',
      ko: 'VPC → 보안 그룹 → 캐시 SG → 인바운드 규칙 → 편집 → 사용자 지정 TCP 6379, 소스: 웹 SG로 두고 CIDR 규칙은 모두 삭제.',
    },
    cli: 'aws ec2 authorize-security-group-ingress --group-id <cache-sg> --protocol tcp --port 6379 --source-group <web-sg> && aws ec2 revoke-security-group-ingress --group-id <cache-sg> --protocol tcp --port 6379 --cidr <cidr>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [caches, instances] = await Promise.all([inv.caches(), inv.instances()]);
    if (caches.length === 0) return fail(noCache);
    const app = instances.filter((i) => APP_ROLES.includes(tag(i.Tags, 'scalelab:role') ?? ''));
    const appSgs = new Set(app.flatMap((i) => (i.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : []))));
    const judged = await Promise.all(
      caches.map(async (c) => {
        const groups = (await Promise.all(c.securityGroupIds.map((id) => inv.securityGroup(id)))).filter(
          (g) => g !== undefined,
        );
        const sources = groups.flatMap((g) => ingressSources(g, c.port));
        const ok = sources.length > 0 && sources.every((s) => s.kind === 'group' && appSgs.has(s.groupId));
        return { c, sources, ok };
      }),
    );
    const evidence = judged.map(({ c, sources, ok }) =>
      cacheEvidence(c, {
        securityGroups: c.securityGroupIds.join(', ') || null,
        port: c.port,
        sources: describeSources(sources),
        appSecurityGroups: [...appSgs].join(', ') || null,
        ok,
      }),
    );
    const bad = judged.filter((j) => !j.ok);
    if (bad.length === 0) {
      const list = judged.map(({ c, sources }) => `${c.group.ReplicationGroupId} (${describeSources(sources)})`);
      return pass(
        {
          en: `ElastiCache replication group ${list.join(', ')} admits port ${judged[0]?.c.port} only from the web/app SG.`,
          ko: `ElastiCache 복제 그룹 ${list.join(', ')}가 ${judged[0]?.c.port}번 포트를 웹/앱 SG에만 엽니다.`,
        },
        evidence,
      );
    }
    const list = bad
      .map(({ c, sources }) => `${c.group.ReplicationGroupId} admits ${c.port} from ${describeSources(sources)}`)
      .join('; ');
    return fail(
      {
        en: `ElastiCache replication group ${list}, not only from the web/app SG (${[...appSgs].join(', ') || 'no web instance found'}).`,
        ko: `ElastiCache 복제 그룹이 웹/앱 SG(${[...appSgs].join(', ') || '웹 인스턴스 없음'})만이 아니라 다른 곳에도 열려 있습니다: ${list}.`,
      },
      evidence,
    );
  },
});
