import { describe, expect, it } from 'vitest';
import { wholeGroupLink } from '@/lib/inventory/five-tier-chain';
import { oneRegion } from '../support/regional-fixtures';
import { fromCidr, fromGroup, group, webInstance } from './lab-fixtures';
import { appInstance, fiveTierGroups, stage05, webTier } from './stage-05-fixtures';

const trace = (over = {}) => oneRegion(stage05(over)).inventory.decoupled.fiveTierChain();

describe('the five-tier security chain', () => {
  it('runs ALB → web → internal ALB → app → DB, each link trusting the tier before it', async () => {
    const chain = await trace();
    expect(chain.complete).toBe(true);
    if (!chain.complete) return;
    expect(chain.links.map((l) => [l.tier, l.from, l.groupIds, l.allowed, l.ok])).toEqual([
      ['web', 'alb', ['sg-0web'], ['sg-0alb'], true],
      ['internal-alb', 'web', ['sg-0ialb'], ['sg-0web'], true],
      ['app', 'internal-alb', ['sg-0app'], ['sg-0ialb'], true],
      ['db', 'app', ['sg-0db'], ['sg-0app'], true],
    ]);
    expect(chain.links.map((l) => l.port)).toEqual([80, 80, 8080, 3306]);
  });

  it('takes the app tier from the internal ALB’s targets, not from tags', async () => {
    // An instance tagged app but not registered behind the internal ALB does not join the chain.
    const stray = appInstance('i-0stray', 'us-east-1a', { SecurityGroups: [{ GroupId: 'sg-0stray' }] });
    const chain = await trace({
      'EC2.DescribeInstances': {
        Reservations: [
          {
            Instances: [
              ...webTier(),
              ...[appInstance('i-0app-a', 'us-east-1a'), appInstance('i-0app-b', 'us-east-1b')],
              stray,
            ],
          },
        ],
      },
    });
    expect(chain.complete && chain.links[2]?.groupIds).toEqual(['sg-0app']);
  });

  it('falls back to instances tagged scalelab:role=app when nothing is registered yet', async () => {
    const chain = await trace({
      'ElasticLoadBalancingV2.DescribeTargetHealth': { TargetHealthDescriptions: [] },
      'EC2.DescribeInstances': {
        Reservations: [{ Instances: [webInstance('i-0w', 'us-east-1a'), appInstance('i-0a', 'us-east-1a')] }],
      },
    });
    expect(chain.complete && chain.links.map((l) => l.groupIds)).toEqual([
      ['sg-0web'],
      ['sg-0ialb'],
      ['sg-0app'],
      ['sg-0db'],
    ]);
  });

  it.each([
    ['alb', { 'ElasticLoadBalancingV2.DescribeLoadBalancers': { LoadBalancers: [] } }],
    [
      'app',
      {
        'ElasticLoadBalancingV2.DescribeTargetHealth': { TargetHealthDescriptions: [] },
        'EC2.DescribeInstances': { Reservations: [{ Instances: webTier() }] },
      },
    ],
    ['db', { 'RDS.DescribeDBInstances': { DBInstances: [] } }],
  ])('names the first missing tier: %s', async (missing, over) => {
    const chain = await trace(over);
    expect(chain).toEqual({ complete: false, missing });
  });

  it('breaks a link when a CIDR source sits beside the right group', async () => {
    const groups = fiveTierGroups().map((g) =>
      g.GroupId === 'sg-0db' ? group('sg-0db', [fromGroup(3306, 'sg-0app'), fromCidr(3306, '10.0.0.0/16')]) : g,
    );
    const chain = await trace({ 'EC2.DescribeSecurityGroups': { SecurityGroups: groups } });
    expect(chain.complete && chain.links.map((l) => l.ok)).toEqual([true, true, true, false]);
  });
});

describe('wholeGroupLink (the internal ALB admits only the web tier, on every port)', () => {
  it.each([
    [[fromGroup(80, 'sg-0web'), fromGroup(443, 'sg-0web')], true],
    [[fromGroup(80, 'sg-0web'), fromGroup(443, 'sg-0bastion')], false],
    [[fromGroup(80, 'sg-0web'), fromCidr(8443, '10.0.0.0/8')], false],
    [[], false],
  ])('%j → %s', (rules, ok) => {
    expect(wholeGroupLink('internal-alb', 'web', [group('sg-0ialb', rules)], ['sg-0web']).ok).toBe(ok);
  });
});
