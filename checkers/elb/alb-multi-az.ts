import { isInternetFacingAlb, loadBalancerAzs } from '@/lib/inventory/load-balancing';
import { defineCheck, fail, noLabYet, pass } from '../define';
import { lbEvidence, noAlb } from './evidence';

export default defineCheck({
  id: 'elb.alb-multi-az',
  stage: '02-high-availability',
  severity: 'required',
  reads: ['loadBalancers'],
  title: {
    en: 'An internet-facing Application Load Balancer spans two Availability Zones',
    ko: '인터넷 경계 Application Load Balancer가 두 가용 영역에 걸쳐 있다',
  },
  why: {
    en: 'Don’t put all your eggs in one basket: with subnets in two AZs the load balancer keeps answering when one AZ goes dark, and it is the one stable entry point while instances come and go behind it.',
    ko: '계란을 한 바구니에 담지 마세요. 두 AZ에 서브넷을 둔 로드 밸런서는 한 AZ가 멈춰도 계속 응답하고, 뒤에서 인스턴스가 바뀌어도 변하지 않는 단 하나의 진입점이 됩니다.',
  },
  hint: {
    en: 'Create an internet-facing ALB in the lab VPC with one public subnet in each of two AZs.',
    ko: '실습 VPC에 인터넷 경계 ALB를 만들고, 서로 다른 두 AZ의 퍼블릭 서브넷을 하나씩 지정하세요.',
  },
  step: 'alb',
  remediation: {
    template:
      'Alb:\n  Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Properties:\n    Type: application\n    Scheme: internet-facing\n    Subnets: [!Ref PublicSubnet, !Ref PublicSubnetB]\n    SecurityGroups: [!Ref AlbSecurityGroup]',
    console: {
      en: 'EC2 → Load balancers → Create → Application Load Balancer → Internet-facing → the lab VPC → tick two AZs and their public subnets → the ALB security group.',
      ko: 'EC2 → 로드 밸런서 → 생성 → Application Load Balancer → 인터넷 경계 → 실습 VPC → 두 AZ와 각 퍼블릭 서브넷 선택 → ALB 보안 그룹 지정.',
    },
    cli: 'aws elbv2 create-load-balancer --name lab-alb --type application --scheme internet-facing --subnets <public-a> <public-b> --security-groups <alb-sg>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const lbs = await inv.loadBalancers();
    const albs = lbs.filter(isInternetFacingAlb);
    if (albs.length === 0) {
      const others = lbs.map((lb) => `${lb.LoadBalancerName} (${lb.Type}, ${lb.Scheme})`).join(', ');
      return others
        ? fail(
            {
              en: `No internet-facing Application Load Balancer in the lab VPC; found ${others}.`,
              ko: `실습 VPC에 인터넷 경계 Application Load Balancer가 없습니다. 찾은 것: ${others}.`,
            },
            lbs.map((lb) => lbEvidence(lb)),
          )
        : fail(noAlb);
    }
    const evidence = albs.map((lb) => lbEvidence(lb, { State: lb.State?.Code ?? null }));
    const good = albs.find((lb) => loadBalancerAzs(lb).length >= 2);
    if (good) {
      const azs = loadBalancerAzs(good);
      return pass(
        {
          en: `ALB ${good.LoadBalancerName} is internet-facing with subnets in ${azs.length} AZs (${azs.join(', ')}).`,
          ko: `ALB ${good.LoadBalancerName}가 인터넷에 연결되어 있고 ${azs.length}개 AZ(${azs.join(', ')})에 서브넷이 있습니다.`,
        },
        evidence,
      );
    }
    const list = albs.map((lb) => `${lb.LoadBalancerName} (${loadBalancerAzs(lb).join(', ') || 'none'})`).join(', ');
    return fail(
      {
        en: `ALB ${list} has subnets in fewer than 2 Availability Zones.`,
        ko: `ALB ${list}의 서브넷이 가용 영역 2개 미만에 있습니다.`,
      },
      evidence,
    );
  },
});
