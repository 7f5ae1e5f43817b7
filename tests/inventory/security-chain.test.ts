import { describe, expect, it } from 'vitest';
import { chainLink } from '@/lib/inventory/security-chain';
import { type Fixtures, fixtureInventory } from '../support/aws-fixtures';
import { alb, chainGroups, fromCidr, fromGroup, group, stage02, webInstance } from './lab-fixtures';

describe('chainLink', () => {
  it('holds when every source on the port is an allowed group', () => {
    const link = chainLink(
      'web',
      'alb',
      80,
      [group('sg-0web', [fromGroup(80, 'sg-0alb'), fromCidr(22, '10.0.0.0/8')])],
      ['sg-0alb'],
    );
    expect(link.ok).toBe(true);
    expect(link.sources).toEqual([{ kind: 'group', groupId: 'sg-0alb', fromPort: 80, toPort: 80 }]);
  });
  it('takes the groups of a tier together: a CIDR on any of them breaks the link', () => {
    const link = chainLink(
      'web',
      'alb',
      80,
      [group('sg-0web', [fromGroup(80, 'sg-0alb')]), group('sg-0extra', [fromCidr(80, '0.0.0.0/0')])],
      ['sg-0alb'],
    );
    expect(link.ok).toBe(false);
    expect(link.groupIds).toEqual(['sg-0web', 'sg-0extra']);
  });
  it('does not hold when nothing is admitted at all', () => {
    expect(chainLink('db', 'web', 3306, [group('sg-0db', [])], ['sg-0web']).ok).toBe(false);
  });
});

describe('Inventory.securityChain', () => {
  it('traces ALB → web (instances behind the ALB) → DB on the target group and database ports', async () => {
    const { inventory } = fixtureInventory(stage02());
    const chain = await inventory.securityChain();
    expect(chain.complete).toBe(true);
    if (!chain.complete) return;
    expect(chain.links.map((l) => [l.tier, l.port, l.groupIds, l.allowed, l.ok])).toEqual([
      ['web', 80, ['sg-0web'], ['sg-0alb'], true],
      ['db', 3306, ['sg-0db'], ['sg-0web'], true],
    ]);
  });
  it('uses the instances registered behind the ALB even when they are not tagged web', async () => {
    const untagged = [webInstance('i-0web-a', 'us-east-1a', { Tags: [], SecurityGroups: [{ GroupId: 'sg-0app' }] })];
    const { inventory } = fixtureInventory(
      stage02({
        'EC2.DescribeInstances': { Reservations: [{ Instances: untagged }] },
        'EC2.DescribeSecurityGroups': {
          SecurityGroups: [...chainGroups(), group('sg-0app', [fromGroup(80, 'sg-0alb')])],
        },
      }),
    );
    const chain = await inventory.securityChain();
    expect(chain.complete && chain.links[0].groupIds).toEqual(['sg-0app']);
  });
  it.each([
    ['alb', { 'ElasticLoadBalancingV2.DescribeLoadBalancers': { LoadBalancers: [alb({ Scheme: 'internal' })] } }],
    ['db', { 'RDS.DescribeDBInstances': { DBInstances: [] } }],
    [
      'web',
      {
        'EC2.DescribeInstances': { Reservations: [] },
        'ElasticLoadBalancingV2.DescribeTargetHealth': { TargetHealthDescriptions: [] },
      },
    ],
  ] as ['alb' | 'web' | 'db', Fixtures][])('names the missing tier: %s', async (missing, over) => {
    const { inventory } = fixtureInventory(stage02(over));
    expect(await inventory.securityChain()).toEqual({ complete: false, missing });
  });
});
