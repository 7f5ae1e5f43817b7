import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createClients } from '@/lib/aws/clients';
import { judgeRouting, normalizeDns } from '@/lib/inventory/route53';
import { oneRegion, regionalInventory } from '../support/regional-fixtures';
import { ALB_DNS } from './lab-fixtures';
import {
  east06,
  GLOBAL_TABLE,
  HEALTH_CHECK,
  noStackWest,
  primaryRecord,
  secondaryRecord,
  WEST_ALB_DNS,
  west06,
} from './stage-06-fixtures';

const endpoints = { 'us-east-1': [normalizeDns(ALB_DNS)], 'us-west-2': [normalizeDns(WEST_ALB_DNS)] };
const live = new Set([HEALTH_CHECK]);

describe('AwsClients.forRegion', () => {
  it('makes one set of clients per region, sharing the responder and the call log', async () => {
    const seen: string[] = [];
    const clients = createClients(
      { kind: 'profile', regions: ['us-east-1', 'us-west-2'] },
      {
        region: 'us-east-1',
        maxAttempts: 1,
        responder: async ({ region }) => {
          seen.push(region);
          return { Account: '1' };
        },
      },
    );
    const west = clients.forRegion('us-west-2');
    expect(west.region).toBe('us-west-2');
    expect(clients.forRegion('us-west-2')).toBe(west);
    expect(west.forRegion('us-east-1')).toBe(clients);
    await west.sts.send(new GetCallerIdentityCommand({}));
    expect(seen).toEqual(['us-west-2']);
  });
});

describe('the second region', () => {
  it('is the account’s first region beyond the lab’s, read through an Inventory of that region', async () => {
    const { inventory } = regionalInventory({ 'us-east-1': east06(), 'us-west-2': west06() });
    const second = await inventory.global.secondRegion();
    expect(second?.region).toBe('us-west-2');
    expect(second?.stack?.StackStatus).toBe('CREATE_COMPLETE');
    expect(await second?.inventory.vpcId()).toBe('vpc-0west');
  });
  it('is undefined when the account names one region, and absent-stack when nothing is deployed there', async () => {
    expect(await oneRegion(east06()).inventory.global.secondRegion()).toBeUndefined();
    const { inventory } = regionalInventory({ 'us-east-1': east06(), 'us-west-2': noStackWest });
    expect((await inventory.global.secondRegion())?.stack).toBeUndefined();
  });
  it('skips the lab region wherever the account lists it', () => {
    const { inventory } = regionalInventory(
      { 'us-east-1': east06() },
      { kind: 'profile', regions: ['ap-northeast-3', 'us-east-1'] },
    );
    expect(inventory.global.otherRegions()).toEqual(['ap-northeast-3']);
  });
});

describe('the global table’s replica regions (DescribeTable Replicas)', () => {
  it('are the lab region plus every live replica', async () => {
    const [t] = await regionalInventory({
      'us-east-1': east06(),
      'us-west-2': west06(),
    }).inventory.global.globalTables();
    expect(t).toMatchObject({ name: GLOBAL_TABLE, regions: ['us-east-1', 'us-west-2'] });
  });
  it.each([
    ['CREATING', ['us-east-1', 'us-west-2']],
    ['DELETING', ['us-east-1']],
    ['INACCESSIBLE_ENCRYPTION_CREDENTIALS', ['us-east-1']],
  ])('a replica that is %s counts as %j', async (ReplicaStatus, regions) => {
    const fixtures = east06({
      'DynamoDB.DescribeTable': {
        Table: {
          TableName: GLOBAL_TABLE,
          Replicas: [{ RegionName: 'us-west-2', ReplicaStatus: ReplicaStatus as 'ACTIVE' }],
        },
      },
    });
    const [t] = await oneRegion(fixtures).inventory.global.globalTables();
    expect(t?.regions).toEqual(regions);
  });
});

describe('Route 53 failover records across regions', () => {
  it('accept a PRIMARY with a live health check and a SECONDARY in the other region', () => {
    const [r] = judgeRouting([primaryRecord(), secondaryRecord()], live, endpoints);
    expect(r).toMatchObject({
      policy: 'failover',
      regions: ['us-east-1', 'us-west-2'],
      healthChecks: [HEALTH_CHECK],
      ok: true,
    });
  });
  it('match alias targets with the dualstack prefix and trailing dot, and CNAME values', () => {
    const cname = secondaryRecord({
      Type: 'CNAME',
      AliasTarget: undefined,
      TTL: 60,
      ResourceRecords: [{ Value: `${WEST_ALB_DNS.toUpperCase()}.` }],
    });
    const primary = primaryRecord({
      Type: 'CNAME',
      AliasTarget: undefined,
      TTL: 60,
      ResourceRecords: [{ Value: ALB_DNS }],
    });
    expect(judgeRouting([primary, cname], live, endpoints)[0]?.ok).toBe(true);
  });
  it.each([
    [
      'a health check only on the secondary',
      [primaryRecord({ HealthCheckId: undefined }), secondaryRecord({ HealthCheckId: HEALTH_CHECK })],
      'the PRIMARY record has no health check',
    ],
    [
      'a secondary pointing outside the lab',
      [
        primaryRecord(),
        secondaryRecord({ AliasTarget: { HostedZoneId: 'Z', DNSName: 'example.org.', EvaluateTargetHealth: false } }),
      ],
      "the records do not point at both regions' endpoints (they reach us-east-1)",
    ],
    [
      'two primaries',
      [primaryRecord(), primaryRecord({ SetIdentifier: 'other' })],
      'needs both a PRIMARY and a SECONDARY record (has PRIMARY, PRIMARY)',
    ],
  ] as const)('refuse %s', (_n, records, problem) => {
    const [r] = judgeRouting([...records], live, endpoints);
    expect(r?.ok).toBe(false);
    expect(r?.problem).toBe(problem);
  });
  it('judge each name separately and leave simple records out', () => {
    const simple = {
      Name: 'www.example.com.',
      Type: 'A' as const,
      TTL: 300,
      ResourceRecords: [{ Value: '203.0.113.1' }],
    };
    const other = [primaryRecord({ Name: 'api.example.com.' }), secondaryRecord({ Name: 'api.example.com.' })];
    const judged = judgeRouting([simple, primaryRecord(), ...other], live, endpoints);
    expect(judged.map((r) => [r.name, r.ok])).toEqual([
      ['app.example.com', false],
      ['api.example.com', true],
    ]);
  });
  it('read every zone once and the second region’s load balancers once', async () => {
    const { inventory, log } = regionalInventory({ 'us-east-1': east06(), 'us-west-2': west06() });
    await Promise.all([inventory.global.regionalRouting(), inventory.global.regionalRouting()]);
    const west = log.calls.filter((c) => c.region === 'us-west-2').map((c) => c.operation);
    expect(west).toEqual(['DescribeStacks', 'DescribeLoadBalancers']);
    expect(log.counts()['Route53.ListResourceRecordSets']).toBe(1);
  });
});
