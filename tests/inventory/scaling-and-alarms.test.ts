import { describe, expect, it } from 'vitest';
import { asgSubnetIds, attachedTargetGroups } from '@/lib/inventory/auto-scaling';
import { alarmDimensions, fleetAlarms, isManagedByTargetTracking } from '@/lib/inventory/cloudwatch';
import { isReplicaOf, replicasOf } from '@/lib/inventory/rds';
import { fixtureInventory } from '../support/aws-fixtures';
import {
  ACCOUNT,
  ASG,
  alarm,
  asg,
  database,
  managedAlarm,
  replica,
  stage03,
  TG_ARN,
  targetTracking,
} from './lab-fixtures';

describe('read replicas', () => {
  it('relates a replica to its source by identifier or by ARN', () => {
    const primary = database();
    expect(isReplicaOf(replica(), primary)).toBe(true);
    expect(
      isReplicaOf(
        replica({ ReadReplicaSourceDBInstanceIdentifier: `arn:aws:rds:eu-west-1:${ACCOUNT}:db:lab-db` }),
        primary,
      ),
    ).toBe(true);
    expect(isReplicaOf(replica({ ReadReplicaSourceDBInstanceIdentifier: 'lab-db-2' }), primary)).toBe(false);
    expect(isReplicaOf(primary, primary)).toBe(false);
  });
  it('Inventory.readReplicas lists the replicas of the primary, whatever the describe order', async () => {
    const { inventory } = fixtureInventory(
      stage03({ 'RDS.DescribeDBInstances': { DBInstances: [replica(), database()] } }),
    );
    expect((await inventory.primaryDatabase())?.DBInstanceIdentifier).toBe('lab-db');
    expect((await inventory.readReplicas()).map((r) => r.DBInstanceIdentifier)).toEqual(['lab-db-replica-1']);
    expect(replicasOf(database(), [database()])).toEqual([]);
  });
});

describe('Auto Scaling groups', () => {
  it('splits VPCZoneIdentifier and merges target groups from both attachment styles', () => {
    expect(asgSubnetIds(asg({ VPCZoneIdentifier: 'subnet-a, subnet-b' }))).toEqual(['subnet-a', 'subnet-b']);
    expect(asgSubnetIds(asg({ VPCZoneIdentifier: undefined }))).toEqual([]);
    expect(
      attachedTargetGroups(
        asg({
          TrafficSources: [
            { Identifier: TG_ARN, Type: 'elbv2' },
            { Identifier: 'vpc-lattice-tg', Type: 'vpc-lattice' },
          ],
        }),
      ),
    ).toEqual([TG_ARN]);
  });
  it('Inventory scopes groups to the lab subnets and policies to their group', async () => {
    const { inventory } = fixtureInventory(
      stage03({
        'AutoScaling.DescribeAutoScalingGroups': {
          AutoScalingGroups: [asg({ AutoScalingGroupName: 'elsewhere', VPCZoneIdentifier: 'subnet-other' }), asg()],
        },
        'AutoScaling.DescribePolicies': {
          ScalingPolicies: [targetTracking({ AutoScalingGroupName: 'elsewhere' }), targetTracking()],
        },
      }),
    );
    expect((await inventory.autoScalingGroups()).map((g) => g.AutoScalingGroupName)).toEqual([ASG]);
    expect((await inventory.scalingPolicies(ASG)).map((p) => p.AutoScalingGroupName)).toEqual([ASG]);
  });
});

describe('fleet alarms', () => {
  const fleet = { AutoScalingGroupName: [ASG], LoadBalancer: ['app/lab-alb/1'], TargetGroup: [] };
  it('recognises the alarms target tracking manages', () => {
    expect(isManagedByTargetTracking(managedAlarm)).toBe(true);
    expect(isManagedByTargetTracking(alarm())).toBe(false);
  });
  it('keeps alarms on the group or the ALB, not target tracking’s or other resources’', () => {
    const onAlb = alarm({ AlarmName: 'alb', Dimensions: [{ Name: 'LoadBalancer', Value: 'app/lab-alb/1' }] });
    const other = alarm({ AlarmName: 'other', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'x' }] });
    expect(fleetAlarms([managedAlarm, other, onAlb, alarm()], fleet).map((a) => a.AlarmName)).toEqual([
      'alb',
      'scalelab-test-fleet-cpu-high',
    ]);
  });
  it('reads the dimensions of metric-math alarms', () => {
    const math = alarm({
      Dimensions: undefined,
      Metrics: [
        { Id: 'e1', Expression: 'm1*2' },
        {
          Id: 'm1',
          MetricStat: {
            Metric: { Dimensions: [{ Name: 'AutoScalingGroupName', Value: ASG }] },
            Period: 60,
            Stat: 'Average',
          },
        },
      ],
    });
    expect(alarmDimensions(math)).toEqual([{ Name: 'AutoScalingGroupName', Value: ASG }]);
  });
});
