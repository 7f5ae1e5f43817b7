import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'asg.worker-scales-on-queue',
  stage: '05-decouple',
  severity: 'required',
  reads: ['workerScaling', 'labQueues', 'autoScalingGroups', 'webGroup', 'subnets', 'scalingPolicies'],
  title: {
    en: 'A worker Auto Scaling group tracks the queue’s backlog per instance',
    ko: '워커 Auto Scaling 그룹이 인스턴스당 대기열 백로그를 추적한다',
  },
  why: {
    en: 'The workers should grow with the work waiting, not with their CPU: target tracking on the backlog per instance (visible messages ÷ InService instances) holds each worker’s share of the queue at the number it can finish in time. The raw message count does not change in proportion to the group’s size, so AWS advises against tracking it directly.',
    ko: '워커는 CPU가 아니라 기다리는 일의 양에 맞춰 늘어나야 합니다. 인스턴스당 백로그(보이는 메시지 수 ÷ InService 인스턴스 수)를 대상 추적하면 워커 하나가 맡는 몫을 제시간에 끝낼 수 있는 양으로 유지합니다. 메시지 총수는 그룹 크기에 비례해 바뀌지 않으므로 AWS는 이를 그대로 추적하지 말라고 안내합니다.',
  },
  hint: {
    en: 'Give the worker group a TargetTrackingScaling policy with a CustomizedMetricSpecification: metric math m1 = AWS/SQS ApproximateNumberOfMessagesVisible (QueueName = the work queue), m2 = AWS/AutoScaling GroupInServiceInstances (this group; enable group metrics), e1 = m1 / m2 returned, target = messages one worker can handle.',
    ko: '워커 그룹에 CustomizedMetricSpecification을 쓰는 TargetTrackingScaling 정책을 두세요. 지표 수학으로 m1 = AWS/SQS ApproximateNumberOfMessagesVisible(QueueName = 작업 대기열), m2 = AWS/AutoScaling GroupInServiceInstances(이 그룹, 그룹 지표 수집 켜기), e1 = m1 / m2를 반환하고, 목표는 워커 하나가 처리할 수 있는 메시지 수입니다.',
  },
  step: 'worker-scaling',
  remediation: {
    template:
      'WorkerBacklogPolicy:\n  Type: AWS::AutoScaling::ScalingPolicy\n  Properties:\n    AutoScalingGroupName: !Ref WorkerAsg\n    PolicyType: TargetTrackingScaling\n    TargetTrackingConfiguration:\n      TargetValue: 10\n      CustomizedMetricSpecification:\n        Metrics:\n          - Id: m1\n            ReturnData: false\n            MetricStat:\n              Metric: { Namespace: AWS/SQS, MetricName: ApproximateNumberOfMessagesVisible, Dimensions: [{ Name: QueueName, Value: !GetAtt WorkQueue.QueueName }] }\n              Stat: Sum\n          - Id: m2\n            ReturnData: false\n            MetricStat:\n              Metric: { Namespace: AWS/AutoScaling, MetricName: GroupInServiceInstances, Dimensions: [{ Name: AutoScalingGroupName, Value: !Ref WorkerAsg }] }\n              Stat: Average\n          - Id: e1\n            Expression: m1 / m2\n            ReturnData: true',
    console: {
      en: 'The console cannot build metric math policies: use the CLI (or the template) with the target-tracking configuration shown.',
      ko: '콘솔에서는 지표 수학 정책을 만들 수 없습니다. 보여 준 대상 추적 구성으로 CLI(또는 템플릿)를 쓰세요.',
    },
    cli: 'aws autoscaling put-scaling-policy --auto-scaling-group-name <worker-asg> --policy-name backlog-per-instance --policy-type TargetTrackingScaling --target-tracking-configuration file://backlog-per-instance.json',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [workers, queues] = await Promise.all([inv.decoupled.workerScaling(), inv.decoupled.labQueues()]);
    if (!queues.length)
      return fail({
        en: 'No lab SQS queue yet: the worker group scales on its backlog.',
        ko: '아직 실습 SQS 대기열이 없습니다. 워커 그룹은 그 백로그에 맞춰 조정됩니다.',
      });
    if (!workers.length)
      return fail({
        en: 'No worker Auto Scaling group in the lab VPC (besides the web tier’s).',
        ko: '실습 VPC에 (웹 계층 말고) 워커 Auto Scaling 그룹이 없습니다.',
      });
    const evidence: Evidence[] = workers.map((w) => ({
      id: w.group.AutoScalingGroupName ?? '?',
      type: 'AWS::AutoScaling::AutoScalingGroup',
      values: {
        policies: w.policies.map((p) => `${p.PolicyName}=${p.PolicyType}`).join(', ') || null,
        tracks: w.tracking.kind === 'none' ? null : `${w.tracking.kind}:${w.tracking.queue}`,
        groupMetrics: (w.group.EnabledMetrics ?? []).map((m) => m.Metric).join(', ') || null,
      },
    }));
    const good = workers.find((w) => w.tracking.kind === 'backlog-per-instance');
    if (good && good.tracking.kind === 'backlog-per-instance') {
      const how = good.tracking.how === 'metric-math' ? 'metric math' : 'a custom metric';
      return pass(
        {
          en: `Auto Scaling group ${good.group.AutoScalingGroupName} tracks the backlog per instance of queue ${good.tracking.queue} (${how}) with policy ${good.policy?.PolicyName}.`,
          ko: `Auto Scaling 그룹 ${good.group.AutoScalingGroupName}가 정책 ${good.policy?.PolicyName}으로 대기열 ${good.tracking.queue}의 인스턴스당 백로그를 추적합니다(${good.tracking.how === 'metric-math' ? '지표 수학' : '사용자 지정 지표'}).`,
        },
        evidence,
      );
    }
    const raw = workers.find((w) => w.tracking.kind === 'raw-queue-depth');
    if (raw && raw.tracking.kind === 'raw-queue-depth')
      return fail(
        {
          en: `Auto Scaling group ${raw.group.AutoScalingGroupName} tracks the raw message count of queue ${raw.tracking.queue} with policy ${raw.policy?.PolicyName}, not the backlog per instance: divide it by GroupInServiceInstances.`,
          ko: `Auto Scaling 그룹 ${raw.group.AutoScalingGroupName}가 정책 ${raw.policy?.PolicyName}으로 인스턴스당 백로그가 아니라 대기열 ${raw.tracking.queue}의 메시지 총수를 추적합니다. GroupInServiceInstances로 나누세요.`,
        },
        evidence,
      );
    const names = workers.map((w) => w.group.AutoScalingGroupName).join(', ');
    return fail(
      {
        en: `No Auto Scaling group scales on the queue’s backlog: ${names} ${workers.length > 1 ? 'have' : 'has'} no target-tracking policy on ${queues.map((q) => q.name).join(', ')}.`,
        ko: `대기열 백로그에 맞춰 조정되는 Auto Scaling 그룹이 없습니다. ${names}에 ${queues.map((q) => q.name).join(', ')}를 추적하는 대상 추적 정책이 없습니다.`,
      },
      evidence,
    );
  },
});
