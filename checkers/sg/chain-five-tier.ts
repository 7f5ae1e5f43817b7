import { describeSources } from '@/lib/inventory';
import type { FiveTier } from '@/lib/inventory/five-tier-chain';
import type { ChainLink } from '@/lib/inventory/security-chain';
import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

const tierName: Record<string, { en: string; ko: string }> = {
  alb: { en: 'ALB', ko: 'ALB' },
  web: { en: 'web', ko: '웹' },
  'internal-alb': { en: 'internal-ALB', ko: '내부 ALB' },
  app: { en: 'app', ko: '앱' },
  db: { en: 'DB', ko: 'DB' },
};

/** The internal ALB's link is judged on every port it opens (its listeners); the others on their tier's port. */
const portOf = (link: ChainLink) =>
  link.tier === 'internal-alb'
    ? { en: 'every port', ko: '모든 포트' }
    : { en: `port ${link.port}`, ko: `${link.port}번 포트` };

function sentence(link: ChainLink) {
  const tier = tierName[link.tier] ?? { en: link.tier, ko: link.tier };
  const from = tierName[link.from] ?? { en: link.from, ko: link.from };
  const groups = link.groupIds.join(', ') || '?';
  const allowed = link.allowed.join(', ');
  const port = portOf(link);
  const sources = describeSources(link.sources);
  return link.ok
    ? {
        en: `${tier.en} SG ${groups} admits ${port.en} only from the ${from.en} SG ${allowed}`,
        ko: `${tier.ko} SG ${groups}는 ${port.ko}를 ${from.ko} SG ${allowed}에만 엽니다`,
      }
    : {
        en: `${tier.en} SG ${groups} admits ${port.en} from ${sources}, not only from the ${from.en} SG ${allowed}`,
        ko: `${tier.ko} SG ${groups}가 ${port.ko}를 ${from.ko} SG ${allowed}만이 아니라 ${sources}에 엽니다`,
      };
}

const evidenceOf = (link: ChainLink): Evidence => ({
  id: link.groupIds.join(', ') || '?',
  type: 'AWS::EC2::SecurityGroup',
  values: {
    tier: link.tier,
    port: link.tier === 'internal-alb' ? 'all' : link.port,
    sources: describeSources(link.sources),
    expected: link.allowed.join(', ') || null,
    ok: link.ok,
  },
});

const missing: Record<FiveTier, { en: string; ko: string }> = {
  alb: {
    en: 'No internet-facing ALB in the lab VPC: the five-tier chain starts at its security group.',
    ko: '실습 VPC에 인터넷 경계 ALB가 없습니다. 다섯 고리 체인은 ALB의 보안 그룹에서 시작합니다.',
  },
  web: {
    en: 'No web instance behind the internet-facing ALB (or tagged scalelab:role=web) in the lab VPC.',
    ko: '실습 VPC에 인터넷 경계 ALB 뒤의 웹 인스턴스(또는 scalelab:role=web 태그가 달린 인스턴스)가 없습니다.',
  },
  'internal-alb': {
    en: 'No internal ALB in the lab VPC: the chain runs web → internal ALB → app.',
    ko: '실습 VPC에 내부 ALB가 없습니다. 체인은 웹 → 내부 ALB → 앱으로 이어집니다.',
  },
  app: {
    en: 'No app instance behind the internal ALB (or tagged scalelab:role=app) in the lab VPC.',
    ko: '실습 VPC에 내부 ALB 뒤의 앱 인스턴스(또는 scalelab:role=app 태그가 달린 인스턴스)가 없습니다.',
  },
  db: {
    en: 'No RDS DB instance in the lab VPC yet: the chain ends at its security group.',
    ko: '실습 VPC에 아직 RDS DB 인스턴스가 없습니다. 체인은 DB 보안 그룹에서 끝납니다.',
  },
};

export default defineCheck({
  id: 'sg.chain-five-tier',
  stage: '05-decouple',
  severity: 'required',
  reads: ['fiveTierChain', 'loadBalancers', 'targetGroups', 'instances', 'securityGroups', 'dbInstances'],
  title: {
    en: 'Five-tier security chain: ALB → web → internal ALB → app → database, each tier admitting only the one before it',
    ko: '다섯 고리 보안 체인: ALB → 웹 → 내부 ALB → 앱 → 데이터베이스, 각 계층은 바로 앞 계층만 받는다',
  },
  why: {
    en: 'Five security groups, one per tier (ALB, web, internal ALB, app, database), each trusting only the group in front of it: a compromised web server cannot reach the database directly, and no tier behind the first is reachable by IP address at all.',
    ko: 'ALB, 웹, 내부 ALB, 앱, 데이터베이스마다 보안 그룹을 하나씩 두고 각각 바로 앞 그룹만 믿게 합니다. 웹 서버 하나가 뚫려도 데이터베이스에 바로 닿을 수 없고, 첫 계층 뒤의 어느 계층도 IP 주소로는 닿을 수 없습니다.',
  },
  hint: {
    en: 'Give each tier its own security group and admit only the previous tier by SourceSecurityGroupId: web from the ALB SG, internal ALB from the web SG, app from the internal-ALB SG, DB from the app SG. Remove every CIDR source behind the first ALB.',
    ko: '계층마다 보안 그룹을 따로 두고 바로 앞 계층만 SourceSecurityGroupId로 허용하세요. 웹은 ALB SG, 내부 ALB는 웹 SG, 앱은 내부 ALB SG, DB는 앱 SG에서만 받습니다. 첫 ALB 뒤에서는 CIDR 소스를 모두 지웁니다.',
  },
  step: 'security-chain',
  remediation: {
    template:
      'AppSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    VpcId: !Ref Vpc\n    GroupDescription: app tier, from the internal ALB only\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 8080\n        ToPort: 8080\n        SourceSecurityGroupId: !Ref InternalAlbSecurityGroup',
    console: {
      en: 'VPC → Security groups → for each tier: Inbound rules → Edit → one rule on the tier port whose source is the previous tier’s security group; delete rules with IP ranges.',
      ko: 'VPC → 보안 그룹 → 계층마다 인바운드 규칙 → 편집 → 계층 포트에 소스가 바로 앞 계층의 보안 그룹인 규칙 하나만 두고, IP 대역 규칙은 지웁니다.',
    },
    cli: 'aws ec2 authorize-security-group-ingress --group-id <app-sg> --protocol tcp --port 8080 --source-group <internal-alb-sg> && aws ec2 revoke-security-group-ingress --group-id <app-sg> --protocol tcp --port 8080 --cidr 10.0.0.0/16',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const chain = await inv.decoupled.fiveTierChain();
    if (!chain.complete) return fail(missing[chain.missing]);
    const evidence = chain.links.map(evidenceOf);
    const broken = chain.links.filter((l) => !l.ok);
    const parts = (broken.length ? broken : chain.links).map(sentence);
    return broken.length
      ? fail(
          {
            en: `Five-tier chain broken: ${parts.map((p) => p.en).join('; ')}.`,
            ko: `다섯 고리 체인이 끊어졌습니다: ${parts.map((p) => p.ko).join('. ')}.`,
          },
          evidence,
        )
      : pass(
          {
            en: `Five-tier chain holds: ${parts.map((p) => p.en).join('; ')}.`,
            ko: `다섯 고리 체인이 지켜집니다: ${parts.map((p) => p.ko).join('. ')}.`,
          },
          evidence,
        );
  },
});
