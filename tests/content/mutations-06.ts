import { DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';
import type { Mutation } from './mutations';
import { SECOND_REGION } from './two-regions';

/** The learner deletes the second region's stack (cleaning up too early); wait until CloudFormation has. */
async function deleteSecondRegionStack(clients: AwsClients) {
  const west = clients.forRegion(SECOND_REGION).cloudformation;
  const { STACK } = await import('./harness-support');
  await west.send(new DeleteStackCommand({ StackName: STACK }));
  for (let i = 0; i < 400; i++) {
    const status = await west.send(new DescribeStacksCommand({ StackName: STACK })).then(
      (o) => o.Stacks?.[0]?.StackStatus,
      () => 'DELETE_COMPLETE',
    );
    if (status === 'DELETE_COMPLETE') return;
    if (status === 'DELETE_FAILED') throw new Error('the second region’s stack could not be deleted');
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the second region’s stack is still being deleted');
}

/** 06 · go global: the pair of regions deployed (two-regions.ts), each mutation applied to the template of both. */
export const goGlobalMutations: Mutation[] = [
  {
    check: 'dynamodb.global-table',
    stage: '06-go-global',
    what: 'the global table has no replica in the second region',
    patch: [/ {8}- Region: !Ref SecondRegion\n(?: {10}.*\n)+/, ''],
  },
  {
    check: 'aurora.cluster-multi-az',
    stage: '06-go-global',
    what: 'the Aurora reader is placed in the writer’s AZ',
    patch: [
      /AvailabilityZone: !Select \[1, !GetAZs ''\](\n {6}PromotionTier: 1)/,
      "AvailabilityZone: !Select [0, !GetAZs '']$1",
    ],
  },
  {
    check: 'route53.failover-routing',
    stage: '06-go-global',
    what: 'the primary failover record carries no health check',
    patch: [/ {6}HealthCheckId: !Ref PrimaryHealthCheck\n/, ''],
  },
  {
    check: 'cloudformation.second-region',
    stage: '06-go-global',
    what: 'the second region’s stack was deleted (failover then has no second endpoint)',
    withoutStretch: true,
    after: deleteSecondRegionStack,
    alsoFails: ['route53.failover-routing'],
  },
  {
    check: 's3.cross-region-replication',
    stage: '06-go-global',
    what: 'the replication rule is disabled',
    patch: [/(- Id: to-second-region\n {14}Status: )Enabled/, '$1Disabled'],
  },
  {
    check: 'aurora.global-database',
    stage: '06-go-global',
    what: 'the costly stretch is not taken: both regions deployed with the defaults',
    withoutStretch: true,
  },
];
