import type { ScalingPolicy } from '@aws-sdk/client-auto-scaling';
import { describe, expect, it } from 'vitest';
import { bestQueueTracking, queueTracking } from '@/lib/inventory/queue-scaling';
import { parseRedrivePolicy, queueFromArn } from '@/lib/inventory/queues';
import { oneRegion } from '../support/regional-fixtures';
import { targetTracking } from './lab-fixtures';
import { backlogPolicy, DLQ, redriveTo, sqsAnswers, stage05, WORK_QUEUE, WORKER_ASG } from './stage-05-fixtures';

const custom = (spec: object): ScalingPolicy =>
  targetTracking({
    AutoScalingGroupName: WORKER_ASG,
    TargetTrackingConfiguration: { TargetValue: 10, CustomizedMetricSpecification: { Statistic: 'Average', ...spec } },
  });

describe('a worker policy on the queue’s backlog (AWS: "Scaling policy based on Amazon SQS")', () => {
  it.each([
    ['metric math m1 / m2 over the queue and this group', backlogPolicy(), 'backlog-per-instance'],
    [
      'metric math whose returned expression adds instead of divides',
      (() => {
        const p = backlogPolicy();
        const metrics = p.TargetTrackingConfiguration?.CustomizedMetricSpecification?.Metrics ?? [];
        const e1 = metrics[2];
        if (e1) e1.Expression = 'm1 + m2';
        return p;
      })(),
      'raw-queue-depth',
    ],
    [
      'the raw AWS/SQS metric',
      custom({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: WORK_QUEUE }],
      }),
      'raw-queue-depth',
    ],
    [
      'a custom backlog metric naming the queue',
      custom({
        Namespace: 'Lab',
        MetricName: 'BacklogPerInstance',
        Dimensions: [{ Name: 'QueueName', Value: WORK_QUEUE }],
      }),
      'backlog-per-instance',
    ],
    [
      'a custom metric naming no lab queue',
      custom({
        Namespace: 'Lab',
        MetricName: 'BacklogPerInstance',
        Dimensions: [{ Name: 'QueueName', Value: 'other' }],
      }),
      'none',
    ],
    ['CPU target tracking', targetTracking({ AutoScalingGroupName: WORKER_ASG }), 'none'],
    [
      'a step scaling policy',
      { PolicyName: 'steps', PolicyType: 'StepScaling', AutoScalingGroupName: WORKER_ASG },
      'none',
    ],
  ] as [string, ScalingPolicy, string][])('%s → %s', (_n, policy, kind) => {
    expect(queueTracking(policy, [WORK_QUEUE], WORKER_ASG).kind).toBe(kind);
  });

  it('prefers backlog per instance over raw depth among a group’s policies', () => {
    const raw = custom({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: WORK_QUEUE }],
    });
    const best = bestQueueTracking([raw, backlogPolicy()], [WORK_QUEUE], WORKER_ASG);
    expect(best.policy?.PolicyName).toBe('backlog-per-instance');
    expect(best.tracking).toMatchObject({
      kind: 'backlog-per-instance',
      how: 'metric-math',
      queue: WORK_QUEUE,
      target: 10,
    });
  });

  it('judges the worker group, not the web group, from the lab’s tags', async () => {
    const [w, ...rest] = await oneRegion(stage05()).inventory.decoupled.workerScaling();
    expect(rest).toEqual([]);
    expect(w?.group.AutoScalingGroupName).toBe(WORKER_ASG);
    expect(w?.tracking.kind).toBe('backlog-per-instance');
  });
});

describe('queue helpers', () => {
  it('parses a RedrivePolicy attribute and ignores a broken one', () => {
    expect(parseRedrivePolicy(redriveTo(DLQ, 3))).toEqual({
      deadLetterTargetArn: `arn:aws:sqs:us-east-1:111122223333:${DLQ}`,
      maxReceiveCount: 3,
    });
    expect(parseRedrivePolicy('{not json')).toBeUndefined();
    expect(parseRedrivePolicy(undefined)).toBeUndefined();
  });
  it('reads a queue’s owner and name from its ARN', () => {
    expect(queueFromArn('arn:aws:sqs:us-east-1:111122223333:jobs.fifo')).toEqual({
      account: '111122223333',
      name: 'jobs.fifo',
    });
    expect(queueFromArn('arn:aws:sns:us-east-1:1:topic')).toBeUndefined();
  });
  it('lists the lab’s queues once and reads each queue’s attributes once', async () => {
    const { inventory, log } = oneRegion(stage05(sqsAnswers({ [WORK_QUEUE]: redriveTo(DLQ), [DLQ]: undefined })));
    const [a, b] = await Promise.all([inventory.decoupled.labQueues(), inventory.decoupled.labQueues()]);
    expect(a).toBe(b);
    expect(a.map((q) => [q.name, q.redrive?.maxReceiveCount ?? null])).toEqual([
      [WORK_QUEUE, 5],
      [DLQ, null],
    ]);
    expect(log.counts()).toMatchObject({ 'SQS.ListQueues': 1, 'SQS.GetQueueAttributes': 2 });
  });
});
