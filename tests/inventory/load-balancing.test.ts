import { describe, expect, it } from 'vitest';
import {
  healthyAzs,
  loadBalancerDimension,
  placeTargets,
  targetGroupDimension,
  targetGroupsOf,
} from '@/lib/inventory/load-balancing';
import { fixtureInventory } from '../support/aws-fixtures';
import { ALB_ARN, ALB_DNS, alb, stage02, TG_ARN, target, targetGroup, webInstance } from './lab-fixtures';

const instances = [webInstance('i-a', 'us-east-1a'), webInstance('i-b', 'us-east-1b')];

describe('placeTargets', () => {
  it('places instance targets through the instance, IP targets through the instance holding the IP', () => {
    const placed = placeTargets([target('i-a'), target('10.0.2.10', 'unhealthy'), target('i-gone')], instances);
    expect(placed.map((t) => [t.id, t.az, t.state, t.instance?.InstanceId])).toEqual([
      ['i-a', 'us-east-1a', 'healthy', 'i-a'],
      ['10.0.2.10', 'us-east-1b', 'unhealthy', 'i-b'],
      ['i-gone', undefined, 'healthy', undefined],
    ]);
  });
  it('keeps the AZ DescribeTargetHealth names for IP targets outside the VPC', () => {
    const [placed] = placeTargets([{ Target: { Id: '192.0.2.5', AvailabilityZone: 'all' } }], instances);
    expect(placed?.az).toBe('all');
  });
  it('counts only healthy targets with a known AZ', () => {
    const placed = placeTargets([target('i-a'), target('i-b', 'unhealthy'), target('i-gone')], instances);
    expect(healthyAzs(placed)).toEqual(['us-east-1a']);
  });
});

describe('load balancer relationships', () => {
  it('finds the target groups attached to a load balancer', () => {
    const other = targetGroup({ TargetGroupArn: `${TG_ARN}-2`, LoadBalancerArns: [] });
    expect(targetGroupsOf(alb(), [other, targetGroup()]).map((t) => t.TargetGroupArn)).toEqual([TG_ARN]);
  });
  it('derives the CloudWatch dimensions from the ARNs', () => {
    expect(loadBalancerDimension(ALB_ARN)).toBe('app/lab-alb/50dc6c495c0c9188');
    expect(targetGroupDimension(TG_ARN)).toBe('targetgroup/lab-web/73e2d6bc24d8a067');
    expect(loadBalancerDimension(undefined)).toBeUndefined();
  });
});

describe('Inventory.labAlb and albTargets', () => {
  it('prefers the ALB named by the AlbDnsName output, ignoring internal and other-VPC load balancers', async () => {
    const { inventory } = fixtureInventory(
      stage02({
        'ElasticLoadBalancingV2.DescribeLoadBalancers': {
          LoadBalancers: [
            alb({ LoadBalancerName: 'internal', Scheme: 'internal' }),
            alb({ LoadBalancerName: 'elsewhere', VpcId: 'vpc-0other' }),
            alb({ LoadBalancerName: 'second', DNSName: 'second.elb.amazonaws.com' }),
            alb(),
          ],
        },
      }),
    );
    expect((await inventory.loadBalancers()).map((lb) => lb.LoadBalancerName)).toEqual([
      'internal',
      'second',
      'lab-alb',
    ]);
    expect((await inventory.labAlb())?.DNSName).toBe(ALB_DNS);
  });
  it('relates the ALB to its target group and each target to its AZ, one DescribeTargetHealth per group', async () => {
    const { inventory, log } = fixtureInventory(stage02());
    const lb = await inventory.labAlb();
    const served = await inventory.albTargets(lb!);
    await inventory.albTargets(lb!);
    expect(served.map((s) => [s.targetGroup.TargetGroupName, s.targets.map((t) => `${t.id}@${t.az}`)])).toEqual([
      ['lab-web', ['i-0web-a@us-east-1a', 'i-0web-b@us-east-1b']],
    ]);
    expect(log.counts()['ElasticLoadBalancingV2.DescribeTargetHealth']).toBe(1);
  });
  it('has nothing when there is no lab VPC, even though the account-wide describe started in parallel', async () => {
    const { inventory, log } = fixtureInventory({
      'CloudFormation.DescribeStacks': { Stacks: [] },
      'EC2.DescribeVpcs': { Vpcs: [] },
    });
    expect(await inventory.loadBalancers()).toEqual([]);
    expect(await inventory.autoScalingGroups()).toEqual([]);
    // Started before the VPC id was known (no fixture for it here: it fails, and without a lab that does not matter).
    expect(log.counts()['ElasticLoadBalancingV2.DescribeLoadBalancers']).toBe(1);
  });
});
