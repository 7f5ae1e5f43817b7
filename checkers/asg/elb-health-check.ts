import { attachedTargetGroups } from '@/lib/inventory/auto-scaling';
import { isInternetFacingAlb, targetGroupsOf } from '@/lib/inventory/load-balancing';
import { defineCheck, fail, noLabYet, pass } from '../define';
import { asgEvidence, noAsg } from './evidence';

const shortName = (arn: string) => arn.split(':targetgroup/')[1]?.split('/')[0] ?? arn;

export default defineCheck({
  id: 'asg.elb-health-check',
  stage: '03-scale-out',
  severity: 'required',
  reads: ['webGroup', 'autoScalingGroups', 'subnets', 'loadBalancers', 'targetGroups'],
  title: {
    en: 'The Auto Scaling group uses ELB health checks and registers with the ALB',
    ko: 'Auto Scaling 그룹이 ELB 상태 확인을 쓰고 ALB 대상 그룹에 등록된다',
  },
  why: {
    en: 'EC2 health checks only see a dead machine. With HealthCheckType ELB the group also replaces an instance whose app stopped answering the load balancer, and every new instance joins the ALB’s target group by itself.',
    ko: 'EC2 상태 확인은 꺼진 머신만 알아챕니다. HealthCheckType을 ELB로 두면 앱이 로드 밸런서에 응답하지 않는 인스턴스도 그룹이 교체하고, 새 인스턴스는 스스로 ALB 대상 그룹에 들어갑니다.',
  },
  hint: {
    en: 'On the Auto Scaling group set HealthCheckType: ELB (with a grace period) and TargetGroupARNs: [the ALB’s target group].',
    ko: 'Auto Scaling 그룹에 HealthCheckType: ELB(유예 기간 포함)와 TargetGroupARNs: [ALB의 대상 그룹]을 설정하세요.',
  },
  step: 'health-checks',
  remediation: {
    template:
      'WebAsg:\n  Properties:\n    HealthCheckType: ELB\n    HealthCheckGracePeriod: 120\n    TargetGroupARNs: [!Ref WebTargetGroup]',
    console: {
      en: 'EC2 → Auto Scaling groups → the group → Edit → Load balancing: attach the ALB’s target group, tick "Turn on Elastic Load Balancing health checks" → Update.',
      ko: 'EC2 → Auto Scaling 그룹 → 해당 그룹 → 편집 → 로드 밸런싱: ALB 대상 그룹 연결, "Elastic Load Balancing 상태 확인 켜기" 선택 → 업데이트.',
    },
    cli: 'aws autoscaling attach-load-balancer-target-groups --auto-scaling-group-name <asg> --target-group-arns <tg-arn> && aws autoscaling update-auto-scaling-group --auto-scaling-group-name <asg> --health-check-type ELB --health-check-grace-period 120',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    // The lab's web group, the same one every asg.* check judges (lib/inventory: webGroup).
    const [web, lbs, targetGroups] = await Promise.all([inv.webGroup(), inv.loadBalancers(), inv.targetGroups()]);
    if (!web) return fail(noAsg);
    const groups = [web];
    const albGroups = new Set(
      lbs.filter(isInternetFacingAlb).flatMap((lb) => targetGroupsOf(lb, targetGroups).map((tg) => tg.TargetGroupArn)),
    );
    const judged = groups.map((g) => {
      const attached = attachedTargetGroups(g);
      return { g, attached, elb: g.HealthCheckType === 'ELB', onAlb: attached.some((arn) => albGroups.has(arn)) };
    });
    const evidence = judged.map(({ g, attached }) =>
      asgEvidence(g, {
        HealthCheckType: g.HealthCheckType ?? null,
        HealthCheckGracePeriod: g.HealthCheckGracePeriod ?? null,
        TargetGroups: attached.map(shortName).join(', ') || null,
      }),
    );
    const good = judged.find((j) => j.elb && j.onAlb);
    if (good) {
      const tgs = good.attached.map(shortName).join(', ');
      return pass(
        {
          en: `Auto Scaling group ${good.g.AutoScalingGroupName}: HealthCheckType=ELB, registered with the ALB target group ${tgs}.`,
          ko: `Auto Scaling 그룹 ${good.g.AutoScalingGroupName}: HealthCheckType=ELB이며 ALB 대상 그룹 ${tgs}에 등록됩니다.`,
        },
        evidence,
      );
    }
    const why = judged.map(({ g, attached, elb, onAlb }) => {
      const parts = [
        ...(elb ? [] : [`HealthCheckType=${g.HealthCheckType ?? 'EC2'}`]),
        ...(onAlb
          ? []
          : [`not attached to the ALB's target group (attached: ${attached.map(shortName).join(', ') || 'none'})`]),
      ];
      return `${g.AutoScalingGroupName}: ${parts.join(', ')}`;
    });
    return fail(
      {
        en: `Auto Scaling group ${why.join('; ')}.`,
        ko: `Auto Scaling 그룹이 ELB 상태 확인으로 ALB에 연결되어 있지 않습니다: ${why.join('; ')}.`,
      },
      evidence,
    );
  },
});
