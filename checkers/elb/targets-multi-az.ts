import { healthyAzs, isInternetFacingAlb } from '@/lib/inventory/load-balancing';
import { defineCheck, fail, noLabYet, pass } from '../define';
import { noAlb, targetEvidence } from './evidence';

export default defineCheck({
  id: 'elb.targets-multi-az',
  stage: '02-high-availability',
  severity: 'required',
  reads: ['loadBalancers', 'targetGroups', 'instances'],
  title: {
    en: 'The ALB has healthy targets in two Availability Zones',
    ko: 'ALB 뒤에 두 가용 영역의 정상 대상이 있다',
  },
  why: {
    en: 'A load balancer in two AZs is only half the job: if all its healthy targets sit in one AZ, losing that AZ still takes the site down.',
    ko: '로드 밸런서만 두 AZ에 있어서는 절반만 한 셈입니다. 정상 대상이 모두 한 AZ에 있으면 그 AZ를 잃는 순간 서비스도 멈춥니다.',
  },
  hint: {
    en: 'Run a web instance in each of two AZs, register both in the ALB’s target group, and wait until both are healthy.',
    ko: '두 AZ에 웹 인스턴스를 하나씩 띄워 ALB의 대상 그룹에 등록하고, 둘 다 healthy가 될 때까지 기다리세요.',
  },
  step: 'targets',
  remediation: {
    template:
      'WebTargetGroup:\n  Type: AWS::ElasticLoadBalancingV2::TargetGroup\n  Properties:\n    Port: 80\n    Protocol: HTTP\n    VpcId: !Ref Vpc\n    HealthCheckPath: /health\n    Targets:\n      - Id: !Ref WebInstance\n      - Id: !Ref WebInstanceB',
    console: {
      en: 'EC2 → Target groups → the web target group → Targets → Register targets → pick one web instance per AZ → Include as pending → Register.',
      ko: 'EC2 → 대상 그룹 → 웹 대상 그룹 → 대상 → 대상 등록 → AZ마다 웹 인스턴스 하나씩 선택 → 아래에 보류 중으로 포함 → 등록.',
    },
    cli: 'aws elbv2 register-targets --target-group-arn <tg-arn> --targets Id=<instance-a> Id=<instance-b>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const albs = (await inv.loadBalancers()).filter(isInternetFacingAlb);
    if (albs.length === 0) return fail(noAlb);
    const served = await Promise.all(albs.map(async (alb) => ({ alb, groups: await inv.albTargets(alb) })));
    const evidence = served.flatMap(({ groups }) =>
      groups.flatMap(({ targetGroup, targets }) =>
        targets.map((t) => targetEvidence(t, targetGroup.TargetGroupName ?? '?')),
      ),
    );
    const judged = served.map(({ alb, groups }) => ({
      alb,
      groups,
      azs: healthyAzs(groups.flatMap((g) => g.targets)),
    }));
    const good = judged.find((j) => j.azs.length >= 2);
    if (good) {
      return pass(
        {
          en: `ALB ${good.alb.LoadBalancerName} has healthy targets in ${good.azs.length} AZs (${good.azs.join(', ')}).`,
          ko: `ALB ${good.alb.LoadBalancerName}에 ${good.azs.length}개 AZ(${good.azs.join(', ')})의 정상 대상이 있습니다.`,
        },
        evidence,
      );
    }
    const noGroup = judged.filter((j) => j.groups.length === 0).map((j) => j.alb.LoadBalancerName);
    if (noGroup.length === judged.length) {
      return fail({
        en: `ALB ${noGroup.join(', ')} has no target group.`,
        ko: `ALB ${noGroup.join(', ')}에 대상 그룹이 없습니다.`,
      });
    }
    const seen = judged
      .flatMap((j) => j.groups.flatMap((g) => g.targets))
      .map((t) => `${t.id}=${t.state}@${t.az ?? '?'}`)
      .join(', ');
    const names = judged.map((j) => j.alb.LoadBalancerName).join(', ');
    return fail(
      {
        en: `ALB ${names} has healthy targets in fewer than 2 AZs (${seen || 'no targets registered'}).`,
        ko: `ALB ${names}의 정상 대상이 2개 미만의 AZ에만 있습니다 (${seen || '등록된 대상 없음'}).`,
      },
      evidence,
    );
  },
});
