import type { ScalingPolicy } from '@aws-sdk/client-auto-scaling';
import { defineCheck, fail, noLabYet, pass } from '../define';
import { asgEvidence, noAsg } from './evidence';

const metricOf = (p: ScalingPolicy) =>
  p.TargetTrackingConfiguration?.PredefinedMetricSpecification?.PredefinedMetricType ??
  p.TargetTrackingConfiguration?.CustomizedMetricSpecification?.MetricName ??
  'custom metric';

export default defineCheck({
  id: 'asg.target-tracking',
  stage: '03-scale-out',
  severity: 'required',
  reads: ['webGroup', 'autoScalingGroups', 'subnets', 'scalingPolicies'],
  title: {
    en: 'The Auto Scaling group has a target-tracking scaling policy',
    ko: 'Auto Scaling 그룹에 대상 추적 조정 정책이 있다',
  },
  why: {
    en: 'Target tracking works like a thermostat: you name a value (say 50% average CPU) and the group adds or removes instances to hold it, so capacity follows the daily curve instead of the peak.',
    ko: '대상 추적은 온도 조절기처럼 동작합니다. 목표 값(예: 평균 CPU 50%)을 정하면 그룹이 그 값을 지키도록 인스턴스를 더하거나 줄이므로, 용량이 최대치가 아니라 하루의 수요 곡선을 따라갑니다.',
  },
  hint: {
    en: 'Add an AWS::AutoScaling::ScalingPolicy with PolicyType TargetTrackingScaling on ASGAverageCPUUtilization, target 50.',
    ko: 'PolicyType이 TargetTrackingScaling이고 ASGAverageCPUUtilization 목표 50인 AWS::AutoScaling::ScalingPolicy를 추가하세요.',
  },
  step: 'scaling-policy',
  remediation: {
    template:
      'CpuTargetTracking:\n  Type: AWS::AutoScaling::ScalingPolicy\n  Properties:\n    AutoScalingGroupName: !Ref WebAsg\n    PolicyType: TargetTrackingScaling\n    TargetTrackingConfiguration:\n      PredefinedMetricSpecification:\n        PredefinedMetricType: ASGAverageCPUUtilization\n      TargetValue: 50',
    console: {
      en: 'EC2 → Auto Scaling groups → the group → Automatic scaling → Create dynamic scaling policy → Target tracking scaling → Average CPU utilization, target 50.',
      ko: 'EC2 → Auto Scaling 그룹 → 해당 그룹 → 자동 크기 조정 → 동적 크기 조정 정책 생성 → 대상 추적 크기 조정 → 평균 CPU 사용률, 목표 50.',
    },
    cli: 'aws autoscaling put-scaling-policy --auto-scaling-group-name <asg> --policy-name cpu-50 --policy-type TargetTrackingScaling --target-tracking-configuration \'{"PredefinedMetricSpecification":{"PredefinedMetricType":"ASGAverageCPUUtilization"},"TargetValue":50}\'',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    // The lab's web group, the same one every asg.* check judges (lib/inventory: webGroup).
    const web = await inv.webGroup();
    if (!web) return fail(noAsg);
    const groups = [web];
    const judged = await Promise.all(
      groups.map(async (g) => ({ g, policies: await inv.scalingPolicies(g.AutoScalingGroupName ?? '') })),
    );
    const evidence = judged.map(({ g, policies }) =>
      asgEvidence(g, {
        policies: policies.map((p) => `${p.PolicyName}=${p.PolicyType}`).join(', ') || null,
      }),
    );
    for (const { g, policies } of judged) {
      const tracking = policies.find((p) => p.PolicyType === 'TargetTrackingScaling');
      if (tracking) {
        const target = tracking.TargetTrackingConfiguration?.TargetValue;
        return pass(
          {
            en: `Auto Scaling group ${g.AutoScalingGroupName} tracks ${metricOf(tracking)} at ${target} with policy ${tracking.PolicyName}.`,
            ko: `Auto Scaling 그룹 ${g.AutoScalingGroupName}가 정책 ${tracking.PolicyName}으로 ${metricOf(tracking)}를 ${target}에 맞춥니다.`,
          },
          evidence,
        );
      }
    }
    const list = judged
      .map(
        ({ g, policies }) =>
          `${g.AutoScalingGroupName} (${policies.map((p) => `${p.PolicyName}=${p.PolicyType}`).join(', ') || 'no policies'})`,
      )
      .join(', ');
    return fail(
      {
        en: `No target-tracking policy on Auto Scaling group ${list}.`,
        ko: `Auto Scaling 그룹 ${list}에 대상 추적 정책이 없습니다.`,
      },
      evidence,
    );
  },
});
