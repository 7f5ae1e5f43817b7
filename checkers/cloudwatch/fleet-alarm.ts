import { alarmDimensions, fleetAlarms } from '@/lib/inventory/cloudwatch';
import {
  isInternetFacingAlb,
  loadBalancerDimension,
  targetGroupDimension,
  targetGroupsOf,
} from '@/lib/inventory/load-balancing';
import { defineCheck, fail, noLabYet, pass } from '../define';

const defined = (xs: (string | undefined)[]) => xs.filter((x): x is string => !!x);

export default defineCheck({
  id: 'cloudwatch.fleet-alarm',
  stage: '03-scale-out',
  severity: 'recommended',
  reads: ['alarms', 'autoScalingGroups', 'subnets', 'loadBalancers', 'targetGroups'],
  title: {
    en: 'A CloudWatch alarm watches the web fleet (ASG or ALB)',
    ko: 'CloudWatch 경보가 웹 인스턴스 그룹(ASG 또는 ALB)을 지켜본다',
  },
  why: {
    en: 'Auto Scaling reacts on its own, but someone should hear when the fleet runs hot, hits MaxSize or the ALB returns errors. An alarm on the group or the load balancer is the first piece of monitoring a scaled-out service needs.',
    ko: 'Auto Scaling은 스스로 반응하지만, 인스턴스 그룹이 과열되거나 MaxSize에 닿거나 ALB가 오류를 내면 누군가는 알아야 합니다. 그룹이나 로드 밸런서에 건 경보는 수평 확장한 서비스에 필요한 첫 번째 모니터링입니다.',
  },
  hint: {
    en: 'Create an alarm on CPUUtilization with the dimension AutoScalingGroupName (or on the ALB’s HTTPCode_Target_5XX_Count). The alarms target tracking creates by itself do not count.',
    ko: 'AutoScalingGroupName 차원의 CPUUtilization(또는 ALB의 HTTPCode_Target_5XX_Count)에 경보를 만드세요. 대상 추적이 스스로 만드는 경보는 포함되지 않습니다.',
  },
  step: 'alarm',
  remediation: {
    template:
      'FleetCpuAlarm:\n  Type: AWS::CloudWatch::Alarm\n  Properties:\n    Namespace: AWS/EC2\n    MetricName: CPUUtilization\n    Dimensions:\n      - { Name: AutoScalingGroupName, Value: !Ref WebAsg }\n    Statistic: Average\n    Period: 300\n    EvaluationPeriods: 2\n    Threshold: 80\n    ComparisonOperator: GreaterThanThreshold',
    console: {
      en: 'CloudWatch → Alarms → Create alarm → Select metric → EC2 → By Auto Scaling Group → the group’s CPUUtilization → Greater than 80 → Create.',
      ko: 'CloudWatch → 경보 → 경보 생성 → 지표 선택 → EC2 → Auto Scaling 그룹별 → 해당 그룹의 CPUUtilization → 80보다 큼 → 생성.',
    },
    cli: 'aws cloudwatch put-metric-alarm --alarm-name lab-fleet-cpu-high --namespace AWS/EC2 --metric-name CPUUtilization --dimensions Name=AutoScalingGroupName,Value=<asg> --statistic Average --period 300 --evaluation-periods 2 --threshold 80 --comparison-operator GreaterThanThreshold',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [groups, lbs, targetGroups] = await Promise.all([
      inv.autoScalingGroups(),
      inv.loadBalancers(),
      inv.targetGroups(),
    ]);
    const albs = lbs.filter(isInternetFacingAlb);
    const fleet = {
      AutoScalingGroupName: defined(groups.map((g) => g.AutoScalingGroupName)),
      LoadBalancer: defined(albs.map((lb) => loadBalancerDimension(lb.LoadBalancerArn))),
      TargetGroup: defined(
        albs.flatMap((lb) => targetGroupsOf(lb, targetGroups).map((tg) => targetGroupDimension(tg.TargetGroupArn))),
      ),
    };
    const names = [...fleet.AutoScalingGroupName, ...albs.map((lb) => lb.LoadBalancerName ?? '?')].join(', ');
    if (!names) {
      return fail({
        en: 'No Auto Scaling group or ALB in the lab VPC for an alarm to watch.',
        ko: '경보로 지켜볼 Auto Scaling 그룹이나 ALB가 실습 VPC에 없습니다.',
      });
    }
    const alarms = fleetAlarms(await inv.alarms(), fleet);
    const evidence = alarms.map((a) => ({
      id: a.AlarmName ?? '?',
      type: 'AWS::CloudWatch::Alarm',
      values: {
        metric: `${a.Namespace ?? 'math'}/${a.MetricName ?? 'expression'}`,
        dimensions: alarmDimensions(a)
          .map((d) => `${d.Name}=${d.Value}`)
          .join(', '),
        StateValue: a.StateValue ?? null,
      },
    }));
    const first = alarms[0];
    return first
      ? pass(
          {
            en: `CloudWatch alarm ${alarms.map((a) => a.AlarmName).join(', ')} watches the fleet (${first.MetricName ?? 'metric math'}).`,
            ko: `CloudWatch 경보 ${alarms.map((a) => a.AlarmName).join(', ')}가 웹 인스턴스 그룹을 지켜봅니다 (${first.MetricName ?? '지표 수식'}).`,
          },
          evidence,
        )
      : fail({
          en: `No CloudWatch alarm watches ${names} (alarms created by target tracking do not count).`,
          ko: `${names}를 지켜보는 CloudWatch 경보가 없습니다 (대상 추적이 만든 경보는 포함하지 않음).`,
        });
  },
});
