import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from '@/checkers';
import asgHealth from '@/checkers/asg/elb-health-check';
import asgMultiAz from '@/checkers/asg/multi-az';
import asgTracking from '@/checkers/asg/target-tracking';
import httpsOnly from '@/checkers/cloudfront/https-only';
import oac from '@/checkers/cloudfront/s3-origin-oac';
import fleetAlarm from '@/checkers/cloudwatch/fleet-alarm';
import readReplica from '@/checkers/rds/read-replica';
import staticPrivate from '@/checkers/s3/static-bucket-private';
import { evaluateChecks } from '@/lib/checks/evaluate';
import {
  ACCOUNT,
  ALB_ARN,
  ALB_DNS,
  ASG,
  alarm,
  asg,
  BUCKET,
  cloudFrontOnlyPolicy,
  DIST_ARN,
  database,
  distribution,
  distributions,
  managedAlarm,
  replica,
  s3Origin,
  stage02,
  stage03,
  TG_ARN,
  targetGroup,
  targetTracking,
} from '../inventory/lab-fixtures';
import { awsError, type Fixtures, fixtureInventory, labStack, nothingDeployed, STACK } from '../support/aws-fixtures';

const run = (check: CheckDefinition, fixtures: Fixtures) => check.run(fixtureInventory(fixtures).inventory);
const required = [asgMultiAz, asgHealth, asgTracking, readReplica, staticPrivate, oac];
const all = [...required, httpsOnly, fleetAlarm];

/** The stage 03 start (the stage 02 solution) as the stage 03 checks see it: none of their resources exist. */
const start = (): Fixtures => ({
  ...stage02(),
  'EC2.DescribeSubnets': stage03()['EC2.DescribeSubnets'],
  'AutoScaling.DescribeAutoScalingGroups': { AutoScalingGroups: [] },
  'AutoScaling.DescribePolicies': { ScalingPolicies: [] },
  'S3.ListBuckets': { Buckets: [] },
  'CloudFront.ListDistributions': distributions(),
  'CloudWatch.DescribeAlarms': { MetricAlarms: [] },
});

const policy = (statements: object[]) =>
  stage03({ 'S3.GetBucketPolicy': { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) } });

describe.each(all)('$id', (check) => {
  it('passes on the stage 03 solution, naming what it saw', async () => {
    const out = await run(check, stage03());
    expect(out.status, out.message.en).toBe('pass');
    expect(out.message.en).toMatch(/\.$/);
    expect(out.evidence.length).toBeGreaterThan(0);
  });
  it('fails when nothing is deployed yet', async () => {
    const out = await run(check, nothingDeployed);
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(/launch the stage template/);
  });
  it('fails on the stage 03 start (the stage 02 solution)', async () => {
    const out = await run(check, start());
    expect(out.status, out.message.en).toBe('fail');
  });
  it('belongs to stage 03 and links to a step of its lab', () => {
    expect(check.stage).toBe('03-scale-out');
    expect([
      'auto-scaling-group',
      'health-checks',
      'scaling-policy',
      'read-replica',
      'static-bucket',
      'cloudfront-oac',
      'https',
      'alarm',
    ]).toContain(check.step);
  });
});

describe('AccessDenied', () => {
  const denied: [CheckDefinition, keyof Fixtures, string][] = [
    [asgMultiAz, 'AutoScaling.DescribeAutoScalingGroups', 'autoscaling:DescribeAutoScalingGroups'],
    [asgHealth, 'ElasticLoadBalancingV2.DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetGroups'],
    [asgTracking, 'AutoScaling.DescribePolicies', 'autoscaling:DescribePolicies'],
    [readReplica, 'RDS.DescribeDBInstances', 'rds:DescribeDBInstances'],
    [staticPrivate, 'S3.GetBucketPolicy', 's3:GetBucketPolicy'],
    [oac, 'CloudFront.ListDistributions', 'cloudfront:ListDistributions'],
    [httpsOnly, 'CloudFront.ListDistributions', 'cloudfront:ListDistributions'],
    [fleetAlarm, 'CloudWatch.DescribeAlarms', 'cloudwatch:DescribeAlarms'],
  ];
  it.each(denied.map(([check, key, action]) => [check.id, key, action, check] as const))(
    '%s: a denied %s is an error naming %s, never a fail',
    async (_id, key, action, check) => {
      const { inventory } = fixtureInventory({ ...stage03(), [key]: awsError('AccessDenied', 'denied', 403) });
      const [result] = await evaluateChecks([check], inventory);
      expect(result?.status).toBe('error');
      expect(result?.action).toBe(action);
      expect(result?.message.en).toContain(action);
    },
  );
});

const withAsgs = (...groups: ReturnType<typeof asg>[]) =>
  stage03({ 'AutoScaling.DescribeAutoScalingGroups': { AutoScalingGroups: groups } });

describe('asg.multi-az', () => {
  it('names the group, its AZs and sizes', async () => {
    const out = await run(asgMultiAz, stage03());
    expect(out.message.en).toBe(
      'Auto Scaling group scalelab-test-WebAsg-AbC123 spans us-east-1a, us-east-1b with MinSize=2, MaxSize=4.',
    );
  });
  it.each([
    ['MinSize=1', asg({ MinSize: 1 }), 'MinSize=1 (needs ≥ 2)'],
    ['MaxSize=MinSize', asg({ MaxSize: 2 }), 'MaxSize=2 (needs > MinSize)'],
    [
      'one AZ',
      asg({ AvailabilityZones: ['us-east-1a'], VPCZoneIdentifier: 'subnet-pub-a' }),
      'AZs us-east-1a (needs ≥ 2)',
    ],
  ])('fails with %s, naming the group and the value', async (_name, group, named) => {
    const out = await run(asgMultiAz, withAsgs(group));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(`scalelab-test-WebAsg-AbC123: ${named}`);
  });
  it('ignores a group that launches into another VPC', async () => {
    const out = await run(asgMultiAz, withAsgs(asg({ VPCZoneIdentifier: 'subnet-other-a,subnet-other-b' })));
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(/No web Auto Scaling group/);
  });
  it('judges the web group only: a qualifying worker group does not make a single-instance web group pass', async () => {
    const worker = asg({ AutoScalingGroupName: 'scalelab-test-Worker-X', Tags: [] });
    const web = asg({ MinSize: 1, Tags: [{ Key: 'scalelab:role', Value: 'web' }] });
    const out = await run(
      asgMultiAz,
      stage03({
        'CloudFormation.DescribeStacks': labStack({ WebAsgName: ASG }),
        'AutoScaling.DescribeAutoScalingGroups': { AutoScalingGroups: [worker, web] },
      }),
    );
    expect(out.status).toBe('fail');
    expect(out.evidence.map((e) => e.id)).toEqual([ASG]);
  });
  it.each([
    ['the WebAsgName output', { WebAsgName: 'hand-made' }, []],
    [
      'its scalelab:lab tag, the web role first',
      {},
      [
        { Key: 'scalelab:lab', Value: STACK },
        { Key: 'scalelab:role', Value: 'web' },
      ],
    ],
  ])('finds a group not named after the stack by %s', async (_how, outputs, tags) => {
    const decoy = asg({ AutoScalingGroupName: 'decoy', MinSize: 0, Tags: [{ Key: 'scalelab:lab', Value: STACK }] });
    const mine = asg({ AutoScalingGroupName: 'hand-made', Tags: tags });
    const out = await run(
      asgMultiAz,
      stage03({
        'CloudFormation.DescribeStacks': labStack(outputs),
        'AutoScaling.DescribeAutoScalingGroups': { AutoScalingGroups: [decoy, mine] },
      }),
    );
    expect(out.status).toBe('pass');
    expect(out.evidence.map((e) => e.id)).toEqual(['hand-made']);
  });
});

describe('asg.elb-health-check', () => {
  it('names the target group', async () => {
    const out = await run(asgHealth, stage03());
    expect(out.message.en).toBe(
      'Auto Scaling group scalelab-test-WebAsg-AbC123: HealthCheckType=ELB, registered with the ALB target group lab-web.',
    );
  });
  it.each([
    ['HealthCheckType=EC2', asg({ HealthCheckType: 'EC2' }), 'HealthCheckType=EC2'],
    ['no target group', asg({ TargetGroupARNs: [] }), "not attached to the ALB's target group (attached: none)"],
    [
      'a target group no ALB uses',
      asg({ TargetGroupARNs: [TG_ARN.replace('lab-web', 'orphan')] }),
      '(attached: orphan)',
    ],
  ])('fails with %s', async (_name, group, named) => {
    const out = await run(asgHealth, withAsgs(group));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(named);
  });
  it('fails when the target group serves only an internal load balancer', async () => {
    const out = await run(
      asgHealth,
      stage03({
        'ElasticLoadBalancingV2.DescribeTargetGroups': {
          TargetGroups: [targetGroup({ LoadBalancerArns: [`${ALB_ARN}-internal`] })],
        },
      }),
    );
    expect(out.status).toBe('fail');
  });
  it('accepts a target group attached as a traffic source', async () => {
    const group = asg({ TargetGroupARNs: [], TrafficSources: [{ Identifier: TG_ARN, Type: 'elbv2' }] });
    expect((await run(asgHealth, withAsgs(group))).status).toBe('pass');
  });
});

describe('the three asg.* checks judge one and the same group: the lab web group', () => {
  // A good worker group beside a bad web group: judging "any group" would pass; the web group decides.
  const worker = asg({ AutoScalingGroupName: 'scalelab-test-Worker-X', Tags: [] });
  const both = (web: ReturnType<typeof asg>, over: Fixtures = {}) =>
    stage03({
      'CloudFormation.DescribeStacks': labStack({ WebAsgName: ASG }),
      'AutoScaling.DescribeAutoScalingGroups': { AutoScalingGroups: [worker, web] },
      ...over,
    });
  it('asg.elb-health-check fails when only the worker group uses ELB health checks', async () => {
    const out = await run(asgHealth, both(asg({ HealthCheckType: 'EC2' })));
    expect(out.status).toBe('fail');
    expect(out.evidence.map((e) => e.id)).toEqual([ASG]);
  });
  it('asg.target-tracking fails when only the worker group tracks a target', async () => {
    const out = await run(
      asgTracking,
      both(asg(), {
        'AutoScaling.DescribePolicies': {
          ScalingPolicies: [targetTracking({ AutoScalingGroupName: worker.AutoScalingGroupName })],
        },
      }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(`${ASG} (no policies)`);
  });
});

describe('asg.target-tracking', () => {
  it('names the policy, metric and target', async () => {
    const out = await run(asgTracking, stage03());
    expect(out.message.en).toBe(
      'Auto Scaling group scalelab-test-WebAsg-AbC123 tracks ASGAverageCPUUtilization at 50 with policy cpu-50.',
    );
  });
  it.each([
    [
      'only a simple scaling policy',
      [targetTracking({ PolicyType: 'SimpleScaling', PolicyName: 'add-one' })],
      'add-one=SimpleScaling',
    ],
    ['no policy at all', [], 'no policies'],
    ['target tracking on another group', [targetTracking({ AutoScalingGroupName: 'other' })], 'no policies'],
  ])('fails with %s', async (_name, ScalingPolicies, named) => {
    const out = await run(asgTracking, stage03({ 'AutoScaling.DescribePolicies': { ScalingPolicies } }));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(`scalelab-test-WebAsg-AbC123 (${named})`);
  });
});

describe('rds.read-replica', () => {
  const withDbs = (...DBInstances: ReturnType<typeof database>[]) =>
    stage03({ 'RDS.DescribeDBInstances': { DBInstances } });
  it('names the primary and its replica', async () => {
    const out = await run(readReplica, stage03());
    expect(out.message.en).toBe('RDS DB instance lab-db has 1 read replica(s): lab-db-replica-1 (available).');
    expect(out.evidence.map((e) => [e.id, e.values.role])).toEqual([
      ['lab-db', 'primary'],
      ['lab-db-replica-1', 'replica'],
    ]);
  });
  it('fails without a replica, naming the primary', async () => {
    const out = await run(readReplica, withDbs(database()));
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe('RDS DB instance lab-db has no read replica.');
  });
  it('does not count a replica of another database', async () => {
    const out = await run(
      readReplica,
      withDbs(database(), replica({ ReadReplicaSourceDBInstanceIdentifier: 'someone-elses-db' })),
    );
    expect(out.status).toBe('fail');
  });
  it('counts a replica that names its source by ARN, and several replicas', async () => {
    const out = await run(
      readReplica,
      withDbs(
        replica({ ReadReplicaSourceDBInstanceIdentifier: `arn:aws:rds:us-east-1:${ACCOUNT}:db:lab-db` }),
        database(),
        replica({ DBInstanceIdentifier: 'lab-db-replica-2', DBInstanceStatus: 'creating' }),
      ),
    );
    expect(out.status).toBe('pass');
    expect(out.message.en).toContain('2 read replica(s): lab-db-replica-1 (available), lab-db-replica-2 (creating)');
  });
});

describe('s3.static-bucket-private', () => {
  const block = (over: object) =>
    stage03({
      'S3.GetPublicAccessBlock': {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
          ...over,
        },
      },
    });
  it('names the bucket', async () => {
    const out = await run(staticPrivate, stage03());
    expect(out.message.en).toBe(`S3 bucket ${BUCKET} blocks all public access.`);
  });
  it.each(['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'])(
    'fails when %s is off, naming the bucket and the flag',
    async (flag) => {
      const out = await run(staticPrivate, block({ [flag]: false }));
      expect(out.status).toBe('fail');
      expect(out.message.en).toBe(`S3 bucket ${BUCKET} does not block all public access: ${flag}=false.`);
    },
  );
  it('fails when the bucket has no Block Public Access configuration', async () => {
    const out = await run(
      staticPrivate,
      stage03({ 'S3.GetPublicAccessBlock': awsError('NoSuchPublicAccessBlockConfiguration', 'none', 404) }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('has no Block Public Access configuration');
  });
  it('fails when the StaticBucket output names a bucket that is gone', async () => {
    const out = await run(staticPrivate, stage03({ 'S3.GetPublicAccessBlock': awsError('NoSuchBucket', 'gone', 404) }));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('does not exist');
  });
  it('finds the bucket by the stack name when the stack has no StaticBucket output', async () => {
    const { inventory, log } = fixtureInventory(
      stage03({
        'CloudFormation.DescribeStacks': labStack({ AlbDnsName: ALB_DNS }),
        'S3.ListBuckets': { Buckets: [{ Name: 'scalelab-test-logs-1' }, { Name: BUCKET }] },
      }),
    );
    const out = await staticPrivate.run(inventory);
    expect(out.status).toBe('pass');
    expect(out.message.en).toContain(BUCKET);
    expect(log.counts()['S3.ListBuckets']).toBe(1);
  });
  it('finds a hand-made bucket by its scalelab:lab tag before one named after the stack (the lab rule)', async () => {
    const { inventory, log } = fixtureInventory(
      stage03({
        'CloudFormation.DescribeStacks': labStack({ AlbDnsName: ALB_DNS }),
        'ResourceGroupsTaggingAPI.GetResources': {
          ResourceTagMappingList: [
            { ResourceARN: 'arn:aws:s3:::my-assets', Tags: [{ Key: 'scalelab:lab', Value: STACK }] },
            {
              ResourceARN: `arn:aws:s3:::${BUCKET}`,
              Tags: [
                { Key: 'scalelab:lab', Value: STACK },
                { Key: 'scalelab:role', Value: 'static-bucket' },
              ],
            },
          ],
        },
        'S3.ListBuckets': { Buckets: [{ Name: 'scalelab-test-logs-1' }] },
      }),
    );
    const out = await staticPrivate.run(inventory);
    expect(out.message.en).toContain(BUCKET);
    expect(log.counts()['S3.ListBuckets']).toBeUndefined();
  });
});

describe('cloudfront.s3-origin-oac', () => {
  it('names the distribution, the OAC and the bucket', async () => {
    const out = await run(oac, stage03());
    expect(out.message.en).toBe(
      `CloudFront distribution E1LABSTATIC serves S3 bucket ${BUCKET} through OAC E2OACSTATIC, and the bucket policy grants read only to it.`,
    );
  });
  it.each([
    [
      'no distribution uses the bucket',
      stage03({ 'CloudFront.ListDistributions': distributions() }),
      'No CloudFront distribution has S3 bucket',
    ],
    [
      'the origin has no OAC (legacy OAI)',
      stage03({
        'CloudFront.ListDistributions': distributions(
          distribution({
            Origins: {
              Quantity: 1,
              Items: [
                s3Origin({
                  OriginAccessControlId: '',
                  S3OriginConfig: { OriginAccessIdentity: 'origin-access-identity/cloudfront/E3OAI' },
                }),
              ],
            },
          }),
        ),
      }),
      'CloudFront distribution E1LABSTATIC reads S3 bucket',
    ],
    [
      'the origin is the website endpoint',
      stage03({
        'CloudFront.ListDistributions': distributions(
          distribution({
            Origins: {
              Quantity: 1,
              Items: [s3Origin({ DomainName: `${BUCKET}.s3-website-us-east-1.amazonaws.com` })],
            },
          }),
        ),
      }),
      'No CloudFront distribution has S3 bucket',
    ],
    [
      'the bucket has no policy',
      stage03({ 'S3.GetBucketPolicy': awsError('NoSuchBucketPolicy', 'none', 404) }),
      'does not let CloudFront distribution E1LABSTATIC read it',
    ],
    [
      'the policy trusts another distribution',
      stage03({ 'S3.GetBucketPolicy': { Policy: cloudFrontOnlyPolicy(`${DIST_ARN}OTHER`) } }),
      'does not let CloudFront distribution E1LABSTATIC read it',
    ],
    [
      'the policy lets every distribution read (no SourceArn condition)',
      policy([
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${BUCKET}/*`,
        },
      ]),
      'does not let CloudFront distribution E1LABSTATIC read it',
    ],
    [
      'the policy also opens the bucket to everyone',
      policy([
        ...JSON.parse(cloudFrontOnlyPolicy()).Statement,
        {
          Sid: 'PublicRead',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${BUCKET}/*`,
        },
      ]),
      'also grants read to others: PublicRead (*)',
    ],
    [
      'the policy trusts this distribution and another one',
      stage03({ 'S3.GetBucketPolicy': { Policy: cloudFrontOnlyPolicy([DIST_ARN, `${DIST_ARN}OTHER`]) } }),
      'also grants read to others: AllowCloudFrontServicePrincipalReadOnly',
    ],
  ])('fails when %s', async (_name, fixtures, named) => {
    const out = await run(oac, fixtures);
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(named);
  });
  it('picks the distribution serving the bucket among several', async () => {
    const other = distribution({
      Id: 'E9OTHER',
      ARN: `${DIST_ARN}9`,
      Origins: { Quantity: 1, Items: [s3Origin({ DomainName: 'other-bucket.s3.amazonaws.com' })] },
    });
    const out = await run(oac, stage03({ 'CloudFront.ListDistributions': distributions(other, distribution()) }));
    expect(out.status).toBe('pass');
    expect(out.evidence.map((e) => e.id)).toEqual(['E1LABSTATIC', BUCKET]);
  });
  it('lets a Deny statement stand beside the CloudFront grant', async () => {
    expect((await run(oac, stage03())).evidence[1]?.values.readGrants).toBe(
      `AllowCloudFrontServicePrincipalReadOnly (cloudfront.amazonaws.com if SourceArn=${DIST_ARN})`,
    );
  });
});

describe('cloudfront.https-only', () => {
  it.each([
    [
      'the default behavior allows HTTP',
      distribution({ DefaultCacheBehavior: { TargetOriginId: 'static', ViewerProtocolPolicy: 'allow-all' } }),
      'E1LABSTATIC default (*)=allow-all',
    ],
    [
      'a path behavior allows HTTP',
      distribution({
        CacheBehaviors: {
          Quantity: 1,
          Items: [{ PathPattern: '/img/*', TargetOriginId: 'static', ViewerProtocolPolicy: 'allow-all' }],
        },
      }),
      'E1LABSTATIC /img/*=allow-all',
    ],
  ])('fails when %s, naming the distribution and the path', async (_name, d, named) => {
    const out = await run(httpsOnly, stage03({ 'CloudFront.ListDistributions': distributions(d) }));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(named);
  });
  it('passes on https-only', async () => {
    const d = distribution({ DefaultCacheBehavior: { TargetOriginId: 'static', ViewerProtocolPolicy: 'https-only' } });
    expect((await run(httpsOnly, stage03({ 'CloudFront.ListDistributions': distributions(d) }))).status).toBe('pass');
  });
  it('grades a distribution in front of the ALB too, and ignores distributions of other projects', async () => {
    const dynamic = distribution({
      Id: 'E2DYNAMIC',
      DomainName: 'd2.cloudfront.net',
      Origins: { Quantity: 1, Items: [s3Origin({ Id: 'alb', DomainName: ALB_DNS, OriginAccessControlId: '' })] },
      DefaultCacheBehavior: { TargetOriginId: 'alb', ViewerProtocolPolicy: 'allow-all' },
    });
    const unrelated = distribution({
      Id: 'E3UNRELATED',
      DomainName: 'd3.cloudfront.net',
      Origins: { Quantity: 1, Items: [s3Origin({ DomainName: 'other.s3.amazonaws.com' })] },
      DefaultCacheBehavior: { TargetOriginId: 'static', ViewerProtocolPolicy: 'allow-all' },
    });
    const out = await run(
      httpsOnly,
      stage03({ 'CloudFront.ListDistributions': distributions(distribution(), dynamic, unrelated) }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('E2DYNAMIC');
    expect(out.message.en).not.toContain('E3UNRELATED');
  });
});

describe('cloudwatch.fleet-alarm', () => {
  const withAlarms = (...MetricAlarms: ReturnType<typeof alarm>[]) =>
    stage03({ 'CloudWatch.DescribeAlarms': { MetricAlarms } });
  it('names the alarm, not the one target tracking made', async () => {
    const out = await run(fleetAlarm, stage03());
    expect(out.message.en).toBe('CloudWatch alarm scalelab-test-fleet-cpu-high watches the fleet (CPUUtilization).');
    expect(out.evidence.map((e) => e.id)).toEqual(['scalelab-test-fleet-cpu-high']);
  });
  it.each([
    ['only target tracking’s own alarms exist', [managedAlarm]],
    [
      'the alarm watches another group',
      [alarm({ Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'other-asg' }] })],
    ],
    ['the alarm watches a single instance', [alarm({ Dimensions: [{ Name: 'InstanceId', Value: 'i-0asg-a' }] })]],
    ['there is no alarm', []],
  ])('fails when %s, naming the fleet', async (_name, alarms) => {
    const out = await run(fleetAlarm, withAlarms(...alarms));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('scalelab-test-WebAsg-AbC123, lab-alb');
  });
  it('accepts an alarm on the ALB’s 5xx count', async () => {
    const lb = alarm({
      AlarmName: 'alb-5xx',
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Dimensions: [{ Name: 'LoadBalancer', Value: 'app/lab-alb/50dc6c495c0c9188' }],
    });
    expect((await run(fleetAlarm, withAlarms(lb))).status).toBe('pass');
  });
  it('accepts a metric-math alarm on the target group', async () => {
    const math = alarm({
      AlarmName: 'unhealthy-hosts',
      Namespace: undefined,
      MetricName: undefined,
      Dimensions: undefined,
      Metrics: [
        {
          Id: 'm1',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/ApplicationELB',
              MetricName: 'UnHealthyHostCount',
              Dimensions: [
                { Name: 'TargetGroup', Value: 'targetgroup/lab-web/73e2d6bc24d8a067' },
                { Name: 'LoadBalancer', Value: 'app/other/1' },
              ],
            },
            Period: 60,
            Stat: 'Maximum',
          },
        },
      ],
    });
    const out = await run(fleetAlarm, withAlarms(math));
    expect(out.status).toBe('pass');
    expect(out.evidence[0]?.values.metric).toBe('math/expression');
  });
});

describe('one stage 03 check run', () => {
  it('calls each describe API once, however many checks read it', async () => {
    const { inventory, log } = fixtureInventory(stage03());
    const results = await evaluateChecks(all, inventory);
    expect(results.map((r) => [r.id, r.status])).toEqual(all.map((c) => [c.id, 'pass']));
    expect(log.counts()).toEqual({
      'CloudFormation.DescribeStacks': 1,
      'EC2.DescribeSubnets': 1,
      'ElasticLoadBalancingV2.DescribeLoadBalancers': 1,
      'ElasticLoadBalancingV2.DescribeTargetGroups': 1,
      'AutoScaling.DescribeAutoScalingGroups': 1,
      'AutoScaling.DescribePolicies': 1,
      'RDS.DescribeDBInstances': 1,
      'S3.GetPublicAccessBlock': 1,
      'S3.GetBucketPolicy': 1,
      'CloudFront.ListDistributions': 1,
      'CloudWatch.DescribeAlarms': 1,
    });
  });
});
