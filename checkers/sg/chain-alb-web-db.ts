import { describeSources } from '@/lib/inventory';
import type { ChainLink } from '@/lib/inventory/security-chain';
import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

const tierName = { alb: 'ALB', web: 'web', db: 'DB' } as Record<string, string>;

function linkEvidence(link: ChainLink): Evidence {
  return {
    id: link.groupIds.join(', ') || '?',
    type: 'AWS::EC2::SecurityGroup',
    values: {
      tier: link.tier,
      port: link.port,
      sources: describeSources(link.sources),
      expected: link.allowed.join(', ') || null,
      ok: link.ok,
    },
  };
}

function sentence(link: ChainLink) {
  const tier = tierName[link.tier] ?? link.tier;
  const from = tierName[link.from] ?? link.from;
  const groups = link.groupIds.join(', ');
  const allowed = link.allowed.join(', ');
  const sources = describeSources(link.sources);
  return link.ok
    ? {
        en: `${tier} SG ${groups} admits port ${link.port} only from the ${from} SG ${allowed}`,
        ko: `${tier} SG ${groups}는 ${link.port}번 포트를 ${from} SG ${allowed}에만 엽니다`,
      }
    : {
        en: `${tier} SG ${groups} admits port ${link.port} from ${sources}, not only from the ${from} SG ${allowed}`,
        ko: `${tier} SG ${groups}가 ${link.port}번 포트를 ${from} SG ${allowed}만이 아니라 ${sources}에 엽니다`,
      };
}

const missingTier = {
  alb: {
    en: 'No internet-facing ALB in the lab VPC: the security chain starts at its security group.',
    ko: '실습 VPC에 인터넷 경계 ALB가 없습니다. 보안 체인은 ALB의 보안 그룹에서 시작합니다.',
  },
  web: {
    en: 'No web instance behind the ALB (or tagged scalelab:role=web) in the lab VPC.',
    ko: '실습 VPC에 ALB 뒤의 웹 인스턴스(또는 scalelab:role=web 태그가 달린 인스턴스)가 없습니다.',
  },
  db: {
    en: 'No RDS DB instance in the lab VPC yet: the chain ends at its security group.',
    ko: '실습 VPC에 아직 RDS DB 인스턴스가 없습니다. 보안 체인은 DB 보안 그룹에서 끝납니다.',
  },
};

export default defineCheck({
  id: 'sg.chain-alb-web-db',
  stage: '02-high-availability',
  severity: 'required',
  reads: ['securityChain', 'loadBalancers', 'targetGroups', 'instances', 'securityGroups', 'dbInstances'],
  title: {
    en: 'Security chain: web admits traffic only from the ALB, the database only from web',
    ko: '보안 체인: 웹은 ALB에서만, 데이터베이스는 웹에서만 트래픽을 받는다',
  },
  why: {
    en: 'Each tier trusts only the tier in front of it, by security group rather than by IP range. Users can reach the ALB and nothing else; instances can be replaced freely because the rules follow the group, not the address.',
    ko: '각 계층은 IP 대역이 아니라 보안 그룹으로 바로 앞 계층만 믿습니다. 사용자는 ALB에만 닿을 수 있고, 규칙이 주소가 아니라 그룹을 따라가므로 인스턴스를 마음대로 교체할 수 있습니다.',
  },
  hint: {
    en: 'Web SG: allow the app port with SourceSecurityGroupId = the ALB SG and delete the 0.0.0.0/0 rule. DB SG: allow 3306 only from the web SG. No CIDR sources on either.',
    ko: '웹 SG는 앱 포트를 SourceSecurityGroupId = ALB SG로만 허용하고 0.0.0.0/0 규칙을 지우세요. DB SG는 3306번을 웹 SG에서만 허용하세요. 둘 다 CIDR 소스는 두지 않습니다.',
  },
  step: 'security-chain',
  remediation: {
    template:
      'WebSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 80\n        ToPort: 80\n        SourceSecurityGroupId: !Ref AlbSecurityGroup',
    console: {
      en: 'VPC → Security groups → web SG → Inbound rules → Edit → HTTP, source: the ALB SG; delete the 0.0.0.0/0 rule. Then DB SG → MySQL/Aurora, source: the web SG only.',
      ko: 'VPC → 보안 그룹 → 웹 SG → 인바운드 규칙 → 편집 → HTTP, 소스: ALB SG로 바꾸고 0.0.0.0/0 규칙 삭제. 이어서 DB SG → MySQL/Aurora, 소스: 웹 SG만.',
    },
    cli: 'aws ec2 authorize-security-group-ingress --group-id <web-sg> --protocol tcp --port 80 --source-group <alb-sg> && aws ec2 revoke-security-group-ingress --group-id <web-sg> --protocol tcp --port 80 --cidr 0.0.0.0/0',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const chain = await inv.securityChain();
    if (!chain.complete) return fail(missingTier[chain.missing]);
    const evidence = chain.links.map(linkEvidence);
    const broken = chain.links.filter((l) => !l.ok);
    if (broken.length === 0) {
      const [web, db] = chain.links.map(sentence);
      return pass(
        { en: `Security chain holds: ${web?.en}; ${db?.en}.`, ko: `보안 체인이 지켜집니다: ${web?.ko}. ${db?.ko}.` },
        evidence,
      );
    }
    const parts = broken.map(sentence);
    return fail(
      {
        en: `Security chain broken: ${parts.map((p) => p.en).join('; ')}.`,
        ko: `보안 체인이 끊어졌습니다: ${parts.map((p) => p.ko).join('. ')}.`,
      },
      evidence,
    );
  },
});
