import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from '@/checkers';
import clusterMultiAz from '@/checkers/aurora/cluster-multi-az';
import globalDatabase from '@/checkers/aurora/global-database';
import secondRegion from '@/checkers/cloudformation/second-region';
import globalTable from '@/checkers/dynamodb/global-table';
import failoverRouting from '@/checkers/route53/failover-routing';
import crossRegion from '@/checkers/s3/cross-region-replication';
import { evaluateChecks } from '@/lib/checks/evaluate';
import {
  auroraCluster,
  auroraInstance,
  CLUSTER,
  east06,
  GLOBAL_TABLE,
  HEALTH_CHECK,
  primaryRecord,
  REPLICA_BUCKET,
  recordSets,
  secondaryRecord,
  solution06,
  start06,
  west06,
} from '../inventory/stage-06-fixtures';
import { awsError, nothingDeployed, STACK } from '../support/aws-fixtures';
import { type AllFixtures, oneRegion, regionalInventory } from '../support/regional-fixtures';

const required = [globalTable, clusterMultiAz, failoverRouting, secondRegion];
const all = [...required, crossRegion, globalDatabase];

const steps: Record<string, string> = {
  'dynamodb.global-table': 'global-table',
  'aurora.cluster-multi-az': 'aurora',
  'route53.failover-routing': 'failover-routing',
  'cloudformation.second-region': 'second-region',
  's3.cross-region-replication': 'replication',
  'aurora.global-database': 'global-database',
};

describe.each(all)('$id', (check) => {
  it('passes on the stage 06 solution in both regions, naming what it saw', async () => {
    const out = await check.run(solution06().inventory);
    expect(out.status, out.message.en).toBe('pass');
    expect(out.message.en).toMatch(/\.$/);
    expect(out.message.ko.length).toBeGreaterThan(5);
    expect(out.evidence.length).toBeGreaterThan(0);
  });
  it('fails when nothing is deployed yet', async () => {
    const out = await check.run(oneRegion(nothingDeployed).inventory);
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(/launch the stage template/);
  });
  it('fails on the stage 06 start (the stage 05 solution, one region)', async () => {
    const out = await check.run(start06().inventory);
    expect(out.status, out.message.en).toBe('fail');
    expect(out.message.en).toMatch(/\.$/);
  });
  it('belongs to stage 06 and links to its step of the lab', () => {
    expect(check.stage).toBe('06-go-global');
    expect(check.step).toBe(steps[check.id]);
    expect(check.remediation.template && check.remediation.cli && check.remediation.console?.ko).toBeTruthy();
  });
});

describe('AccessDenied', () => {
  const denied: [CheckDefinition, keyof AllFixtures, string, 'us-east-1' | 'us-west-2'][] = [
    [globalTable, 'DynamoDB.DescribeTable', 'dynamodb:DescribeTable', 'us-east-1'],
    [clusterMultiAz, 'RDS.DescribeDBClusters', 'rds:DescribeDBClusters', 'us-east-1'],
    [failoverRouting, 'Route53.ListResourceRecordSets', 'route53:ListResourceRecordSets', 'us-east-1'],
    [failoverRouting, 'Route53.ListHealthChecks', 'route53:ListHealthChecks', 'us-east-1'],
    [
      failoverRouting,
      'ElasticLoadBalancingV2.DescribeLoadBalancers',
      'elasticloadbalancing:DescribeLoadBalancers',
      'us-west-2',
    ],
    [secondRegion, 'CloudFormation.DescribeStacks', 'cloudformation:DescribeStacks', 'us-west-2'],
    [crossRegion, 'S3.GetBucketReplication', 's3:GetBucketReplication', 'us-east-1'],
    [globalDatabase, 'RDS.DescribeGlobalClusters', 'rds:DescribeGlobalClusters', 'us-east-1'],
  ];
  it.each(denied.map(([check, key, action, region]) => [check.id, key, region, action, check] as const))(
    '%s: a denied %s in %s is an error naming %s, never a fail',
    async (_id, key, region, action, check) => {
      const denial = { [key]: awsError('AccessDenied', 'denied', 403) };
      const { inventory } = region === 'us-east-1' ? solution06(denial) : solution06({}, denial);
      const [result] = await evaluateChecks([check], inventory);
      expect(result?.status).toBe('error');
      expect(result?.action).toBe(action);
      expect(result?.message.en).toContain(action);
    },
  );
});

describe('cloudformation.second-region', () => {
  it('names the stack, its status and the region', async () => {
    const out = await secondRegion.run(solution06().inventory);
    expect(out.message.en).toBe(`CloudFormation stack ${STACK} is CREATE_COMPLETE in us-west-2.`);
  });
  it('fails with a hint to choose a region when the account names only one (not an error)', async () => {
    const out = await secondRegion.run(oneRegion(east06()).inventory);
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe(
      `No second region is set for this account (only us-east-1): choose one on the stack card and deploy ${STACK} there.`,
    );
  });
  it.each([
    ['not there yet', start06(), `CloudFormation stack ${STACK} does not exist in us-west-2 yet`],
    [
      'rolled back',
      solution06(
        {},
        {
          'CloudFormation.DescribeStacks': {
            Stacks: [{ StackName: STACK, StackStatus: 'ROLLBACK_COMPLETE', CreationTime: new Date() }],
          },
        },
      ),
      'is ROLLBACK_COMPLETE, not complete',
    ],
  ])('fails when the second stack is %s', async (_n, { inventory }, said) => {
    const out = await secondRegion.run(inventory);
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(said);
  });
  it('reads the second region through clients of that region (the calls are logged there)', async () => {
    const { inventory, log } = solution06();
    await secondRegion.run(inventory);
    expect(log.calls.filter((c) => c.region === 'us-west-2').map((c) => c.operation)).toEqual(['DescribeStacks']);
  });
});

describe('dynamodb.global-table', () => {
  it('names the table and its regions', async () => {
    const out = await globalTable.run(solution06().inventory);
    expect(out.message.en).toBe(`DynamoDB table ${GLOBAL_TABLE} has replicas in us-east-1, us-west-2.`);
  });
  it('does not count a replica that is being deleted', async () => {
    const out = await globalTable.run(
      solution06({
        'DynamoDB.DescribeTable': {
          Table: { TableName: GLOBAL_TABLE, Replicas: [{ RegionName: 'us-west-2', ReplicaStatus: 'DELETING' }] },
        },
      }).inventory,
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe(
      `DynamoDB table ${GLOBAL_TABLE} lives only in us-east-1: add a replica in the second region.`,
    );
  });
});

describe('aurora.cluster-multi-az', () => {
  it('names the writer and the reader with their AZs', async () => {
    const out = await clusterMultiAz.run(solution06().inventory);
    expect(out.message.en).toBe(
      `Aurora cluster ${CLUSTER}: writer ${CLUSTER}-writer in us-east-1a, reader ${CLUSTER}-reader in us-east-1b.`,
    );
  });
  it.each([
    [
      'the reader shares the writer’s AZ',
      [auroraInstance(`${CLUSTER}-writer`, 'us-east-1a'), auroraInstance(`${CLUSTER}-reader`, 'us-east-1a')],
      auroraCluster(),
      'every reader is in the writer’s AZ us-east-1a',
    ],
    [
      'there is only a writer',
      [auroraInstance(`${CLUSTER}-writer`, 'us-east-1a')],
      auroraCluster({ DBClusterMembers: [{ DBInstanceIdentifier: `${CLUSTER}-writer`, IsClusterWriter: true }] }),
      `has only its writer ${CLUSTER}-writer`,
    ],
  ])('fails when %s', async (_n, instances, cluster, said) => {
    const out = await clusterMultiAz.run(
      solution06({
        'RDS.DescribeDBInstances': { DBInstances: instances },
        'RDS.DescribeDBClusters': { DBClusters: [cluster] },
      }).inventory,
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(said);
  });
  it('ignores a cluster whose members are outside the lab VPC', async () => {
    const out = await clusterMultiAz.run(
      solution06({
        'RDS.DescribeDBInstances': {
          DBInstances: [auroraInstance(`${CLUSTER}-writer`, 'us-east-1a', { DBSubnetGroup: { VpcId: 'vpc-0other' } })],
        },
      }).inventory,
    );
    expect(out.message.en).toBe('No Aurora cluster with members in the lab VPC yet.');
  });
});

describe('route53.failover-routing', () => {
  it('names the records, both regions and the health check', async () => {
    const out = await failoverRouting.run(solution06().inventory);
    expect(out.message.en).toBe(
      `Route 53 failover records app.example.com (A) point at us-east-1 and us-west-2 with health check ${HEALTH_CHECK}.`,
    );
  });
  it.each([
    [
      'the primary has no health check',
      [primaryRecord({ HealthCheckId: undefined }), secondaryRecord()],
      'the PRIMARY record has no health check',
    ],
    [
      'the health check was deleted',
      [primaryRecord({ HealthCheckId: 'gone' }), secondaryRecord()],
      'the PRIMARY record has no health check',
    ],
    ['there is no secondary', [primaryRecord()], 'needs both a PRIMARY and a SECONDARY record'],
    [
      'both records point at the first region',
      [primaryRecord(), secondaryRecord({ AliasTarget: primaryRecord().AliasTarget })],
      'they reach us-east-1, us-east-1',
    ],
  ])('fails when %s', async (_n, records, said) => {
    const out = await failoverRouting.run(
      solution06({ 'Route53.ListResourceRecordSets': recordSets(...records) }).inventory,
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(said);
  });
  it('passes on latency records in both regions, each with a health check', async () => {
    const latency = [
      primaryRecord({ Failover: undefined, Region: 'us-east-1' }),
      secondaryRecord({ Failover: undefined, Region: 'us-west-2', HealthCheckId: HEALTH_CHECK }),
    ];
    const out = await failoverRouting.run(
      solution06({ 'Route53.ListResourceRecordSets': recordSets(...latency) }).inventory,
    );
    expect(out.status, out.message.en).toBe('pass');
    expect(out.message.en).toMatch(/^Route 53 latency records/);
  });
  it('fails when there are no routing records at all, naming both regions’ ALBs', async () => {
    const out = await failoverRouting.run(solution06({ 'Route53.ListResourceRecordSets': recordSets() }).inventory);
    expect(out.message.en).toContain('us-west-2: lab-alb-west-987654321.us-west-2.elb.amazonaws.com');
  });
});

describe('s3.cross-region-replication', () => {
  it('names the bucket, its replica and the region', async () => {
    const out = await crossRegion.run(solution06().inventory);
    expect(out.message.en).toMatch(new RegExp(`replicates to ${REPLICA_BUCKET} in us-west-2\\.$`));
  });
  it('fails when the only rule is disabled', async () => {
    const out = await crossRegion.run(
      solution06({
        'S3.GetBucketReplication': {
          ReplicationConfiguration: {
            Role: 'arn:aws:iam::111122223333:role/r',
            Rules: [{ ID: 'off', Status: 'Disabled', Destination: { Bucket: `arn:aws:s3:::${REPLICA_BUCKET}` } }],
          },
        },
      }).inventory,
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('does not replicate to the second region us-west-2: no enabled rule');
  });
  it('fails when the replica is in the same region (same-region replication)', async () => {
    const out = await crossRegion.run(solution06({ 'S3.GetBucketLocation': {} }).inventory);
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(`${REPLICA_BUCKET} (us-east-1)`);
  });
});

describe('aurora.global-database', () => {
  it('fails when the cluster is in no global database', async () => {
    const out = await globalDatabase.run(
      solution06({ 'RDS.DescribeDBClusters': { DBClusters: [auroraCluster({ GlobalClusterIdentifier: undefined })] } })
        .inventory,
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe(`Aurora cluster ${CLUSTER} belongs to no global database.`);
  });
  it('fails when the global database has members in one region only', async () => {
    const out = await globalDatabase.run(
      solution06({
        'RDS.DescribeGlobalClusters': {
          GlobalClusters: [
            {
              GlobalClusterIdentifier: 'scalelab-test-global',
              GlobalClusterMembers: [{ DBClusterArn: auroraCluster().DBClusterArn }],
            },
          ],
        },
      }).inventory,
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('has members only in us-east-1');
  });
});

describe('a stage 06 run', () => {
  it('reads each describe once, in each region', async () => {
    const { inventory, log } = regionalInventory({ 'us-east-1': east06(), 'us-west-2': west06() });
    await evaluateChecks(all, inventory);
    const perRegion = log.calls.map((c) => `${c.region} ${c.service}.${c.operation}`);
    const dup = perRegion.filter((c, i) => perRegion.indexOf(c) !== i && !/DescribeTable|GetBucketLocation/.test(c));
    expect(dup).toEqual([]);
  });
});
