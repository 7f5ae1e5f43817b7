import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'elb.internal-alb',
  stage: '05-decouple',
  severity: 'required',
  reads: ['internalAlbs', 'loadBalancers', 'targetGroups', 'instances', 'autoScalingGroups', 'subnets', 'routeTables'],
  title: {
    en: 'An internal ALB in the lab VPC sends traffic to targets in private subnets',
    ko: '실습 VPC의 내부 ALB가 프라이빗 서브넷의 대상으로 트래픽을 보낸다',
  },
  why: {
    en: 'Until now the load balancer only spread requests coming from outside; now requests inside the system are balanced too. The web tier calls the app tier through an internal ALB, so app instances can be added, replaced or upgraded without the web tier knowing their addresses, and nothing on the internet can reach them.',
    ko: '지금까지 로드 밸런서는 외부에서 오는 요청만 분산했다면, 이제는 내부에서의 요청도 분산합니다. 웹 계층은 내부 ALB를 거쳐 앱 계층을 부르므로, 웹 계층이 주소를 몰라도 앱 인스턴스를 더하고 교체하고 업그레이드할 수 있고, 인터넷에서는 앱 인스턴스에 닿을 수 없습니다.',
  },
  hint: {
    en: 'Add an AWS::ElasticLoadBalancingV2::LoadBalancer with Scheme: internal in the private subnets, a target group for the app tier, and launch the app group into the private subnets (no route to the internet gateway).',
    ko: '프라이빗 서브넷에 Scheme: internal인 AWS::ElasticLoadBalancingV2::LoadBalancer와 앱 계층용 대상 그룹을 추가하고, 앱 그룹을 (인터넷 게이트웨이로 가는 경로가 없는) 프라이빗 서브넷에서 시작하세요.',
  },
  step: 'internal-alb',
  remediation: {
    template:
      'InternalAlb:\n  Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Properties:\n    Scheme: internal\n    Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n    SecurityGroups: [!Ref InternalAlbSecurityGroup]',
    console: {
      en: 'EC2 → Load balancers → Create → Application Load Balancer → Scheme: Internal → the lab VPC, both private subnets → a target group for the app tier.',
      ko: 'EC2 → 로드 밸런서 → 생성 → Application Load Balancer → 체계: 내부 → 실습 VPC와 두 프라이빗 서브넷 → 앱 계층용 대상 그룹.',
    },
    cli: 'aws elbv2 create-load-balancer --name <stack>-internal --scheme internal --subnets <private-a> <private-b> --security-groups <internal-alb-sg>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const placed = await inv.decoupled.internalAlbs();
    if (!placed.length)
      return fail({
        en: 'No internal ALB in the lab VPC yet (every load balancer there is internet-facing).',
        ko: '실습 VPC에 아직 내부 ALB가 없습니다(모든 로드 밸런서가 인터넷 경계입니다).',
      });
    const evidence: Evidence[] = placed.map(({ lb, subnets }) => ({
      id: lb.LoadBalancerName ?? lb.LoadBalancerArn ?? '?',
      type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      values: {
        scheme: lb.Scheme ?? null,
        targetSubnets: subnets.map((s) => s.subnetId).join(', ') || null,
        publicTargetSubnets:
          subnets
            .filter((s) => s.public)
            .map((s) => s.subnetId)
            .join(', ') || null,
      },
    }));
    const good = placed.find((p) => p.subnets.length > 0 && p.subnets.every((s) => !s.public));
    if (good) {
      const subnets = good.subnets.map((s) => s.subnetId).join(', ');
      return pass(
        {
          en: `Internal ALB ${good.lb.LoadBalancerName} serves targets in private subnets ${subnets}.`,
          ko: `내부 ALB ${good.lb.LoadBalancerName}가 프라이빗 서브넷 ${subnets}의 대상을 서비스합니다.`,
        },
        evidence,
      );
    }
    const first = placed[0];
    const name = first?.lb.LoadBalancerName;
    const exposed = first?.subnets.filter((s) => s.public).map((s) => s.subnetId) ?? [];
    return fail(
      exposed.length
        ? {
            en: `Internal ALB ${name} has targets in public subnets ${exposed.join(', ')}: move the app tier to private subnets.`,
            ko: `내부 ALB ${name}의 대상이 퍼블릭 서브넷 ${exposed.join(', ')}에 있습니다. 앱 계층을 프라이빗 서브넷으로 옮기세요.`,
          }
        : {
            en: `Internal ALB ${name} has no targets yet: register the app tier's group with its target group.`,
            ko: `내부 ALB ${name}에 아직 대상이 없습니다. 앱 계층 그룹을 대상 그룹에 등록하세요.`,
          },
      evidence,
    );
  },
});
