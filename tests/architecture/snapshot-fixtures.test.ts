/**
 * The snapshot from SDK-shaped Inventory fixtures: stages 05 and 06 (whose templates the sandbox harness does not
 * deploy), a describe AWS refuses (the part is named as unread, the rest is drawn), and nothing deployed.
 */
import { describe, expect, it } from 'vitest';
import { architectureSnapshot } from '@/lib/architecture/snapshot';
import { asg, webInstance } from '../inventory/lab-fixtures';
import { stage04 } from '../inventory/stage-04-fixtures';
import { APP_ASG, DLQ, stage05, stage05Start, WORK_QUEUE, WORKER_ASG } from '../inventory/stage-05-fixtures';
import { CLUSTER, east06 } from '../inventory/stage-06-fixtures';
import { awsError, fixtureInventory, nothingDeployed } from '../support/aws-fixtures';
import { type AllFixtures, regionalInventory } from '../support/regional-fixtures';
import { azOf, ofKind } from './support';

const member = (InstanceId: string, AvailabilityZone: string) => ({
  InstanceId,
  AvailabilityZone,
  LifecycleState: 'InService' as const,
  HealthStatus: 'Healthy',
  ProtectedFromScaleIn: false,
});

/** The stage 05 groups with their own members (the shared fixture's groups all list the web instances). */
const stage05Groups: AllFixtures = {
  'AutoScaling.DescribeAutoScalingGroups': {
    AutoScalingGroups: [
      asg(),
      asg({
        AutoScalingGroupName: APP_ASG,
        VPCZoneIdentifier: 'subnet-priv-a,subnet-priv-b',
        Instances: [member('i-0app-a', 'us-east-1a'), member('i-0app-b', 'us-east-1b')],
        Tags: [{ Key: 'scalelab:role', Value: 'app' }],
      }),
      asg({
        AutoScalingGroupName: WORKER_ASG,
        VPCZoneIdentifier: 'subnet-priv-a,subnet-priv-b',
        TargetGroupARNs: [],
        Instances: [member('i-0worker-a', 'us-east-1a')],
        Tags: [{ Key: 'scalelab:role', Value: 'worker' }],
      }),
    ],
  },
};

const snapshot = (fixtures: AllFixtures) =>
  architectureSnapshot(regionalInventory({ 'us-east-1': fixtures }).inventory, new Date('2026-11-23T10:00:00Z'));

describe('the architecture snapshot from Inventory fixtures', () => {
  it('nothing deployed: no VPC and no nodes', async () => {
    const s = await architectureSnapshot(fixtureInventory(nothingDeployed).inventory);
    expect(s).toMatchObject({ vpc: null, nodes: [], edges: [], unread: [] });
  });

  it('stage 05 solution: an internal ALB in the private subnets in front of the app tier, a worker group, a queue and its DLQ', async () => {
    const s = await snapshot(stage05(stage05Groups));
    const internal = ofKind(s, 'load-balancer', 'internal');
    expect(internal.map((n) => n.id)).toEqual(['lab-internal']);
    expect(internal[0]?.subnetIds).toEqual(['subnet-priv-a', 'subnet-priv-b']);
    expect(ofKind(s, 'load-balancer', 'internet-facing').map((n) => n.id)).toEqual(['lab-alb']);
    const app = ofKind(s, 'instance', 'app');
    expect(app.map((n) => n.parent)).toEqual([APP_ASG, APP_ASG]);
    expect(new Set(app.map(azOf))).toEqual(new Set(['us-east-1a', 'us-east-1b']));
    expect(s.edges).toContainEqual({ from: 'lab-app', to: 'i-0app-a', kind: 'target', state: 'healthy' });
    expect(ofKind(s, 'instance', 'worker')[0]?.parent).toBe(WORKER_ASG);
    expect(ofKind(s, 'queue').map((q) => [q.id, q.role])).toEqual([
      [WORK_QUEUE, undefined],
      [DLQ, 'dead-letter'],
    ]);
    expect(s.edges).toContainEqual({ from: WORK_QUEUE, to: DLQ, kind: 'dead-letter' });
    // CloudFront has two origins: the static bucket and the internet-facing ALB.
    const [cdn] = ofKind(s, 'distribution');
    expect(s.edges.filter((e) => e.from === cdn?.id && e.kind === 'origin').map((e) => e.to)).toEqual(
      expect.arrayContaining(['lab-alb', ofKind(s, 'bucket', 'static')[0]?.id]),
    );
  });

  it('stage 05 start: no internal tier and no queue yet', async () => {
    const s = await snapshot(stage05Start());
    expect(ofKind(s, 'load-balancer', 'internal')).toEqual([]);
    expect(ofKind(s, 'queue')).toEqual([]);
    expect(ofKind(s, 'instance', 'app')).toEqual([]);
  });

  it('stage 06 in the lab region: the Aurora writer and reader as cluster members in two AZs', async () => {
    const s = await snapshot(east06(stage05Groups));
    const members = ofKind(s, 'database', 'cluster-member');
    expect(members.map((m) => [m.id, azOf(m)])).toEqual([
      [`${CLUSTER}-writer`, 'us-east-1a'],
      [`${CLUSTER}-reader`, 'us-east-1b'],
    ]);
    expect(members[0]?.refs).toContain(CLUSTER);
  });

  it('stage 04 with ElastiCache denied: the cache part is unread, naming the permission, and the rest is drawn', async () => {
    const denied = awsError('AccessDeniedException', 'not authorized', 403);
    const s = await snapshot({
      ...stage04({ 'ElastiCache.DescribeReplicationGroups': denied }),
      'EC2.DescribeAddresses': { Addresses: [] },
      'SQS.ListQueues': { QueueUrls: [] },
    });
    expect(ofKind(s, 'cache-node')).toEqual([]);
    expect(s.unread).toEqual([
      {
        part: 'caches',
        reason: expect.objectContaining({ en: expect.stringContaining('elasticache:DescribeReplicationGroups') }),
      },
    ]);
    expect(ofKind(s, 'load-balancer')).toHaveLength(1);
    expect(ofKind(s, 'database', 'primary')).toHaveLength(1);
  });

  it('keeps an instance that has left its group, and a stopped instance, with their state', async () => {
    const s = await snapshot(
      stage04({
        'EC2.DescribeInstances': {
          Reservations: [
            { Instances: [webInstance('i-0asg-a', 'us-east-1a', { State: { Name: 'stopped', Code: 80 } })] },
          ],
        },
      }),
    );
    expect(ofKind(s, 'instance').map((i) => [i.id, i.state, i.parent])).toEqual([
      ['i-0asg-a', 'stopped', expect.any(String)],
    ]);
  });
});
