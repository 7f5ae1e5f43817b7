import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckDefinition } from '@/checkers';
import albMultiAz from '@/checkers/elb/alb-multi-az';
import targetsMultiAz from '@/checkers/elb/targets-multi-az';
import balanced from '@/checkers/http/balanced-across-azs';
import rdsMultiAz from '@/checkers/rds/multi-az';
import chain from '@/checkers/sg/chain-alb-web-db';
import { evaluateChecks } from '@/lib/checks/evaluate';
import {
  ALB_ARN,
  alb,
  chainGroups,
  database,
  fromCidr,
  fromGroup,
  group,
  stage01,
  stage02,
  target,
  targetGroup,
  webInstance,
} from '../inventory/lab-fixtures';
import { awsError, type Fixtures, fixtureInventory, labStack, nothingDeployed } from '../support/aws-fixtures';

const run = (check: CheckDefinition, fixtures: Fixtures) => check.run(fixtureInventory(fixtures).inventory);
const required = [albMultiAz, targetsMultiAz, rdsMultiAz, chain];
const all = [...required, balanced];

describe.each(all)('$id', (check) => {
  it('fails when nothing is deployed yet', async () => {
    const out = await run(check, nothingDeployed);
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(/launch the stage template/);
  });
  it('belongs to stage 02 and links to a step of its lab', () => {
    expect(check.stage).toBe('02-high-availability');
    expect(['alb', 'targets', 'multi-az', 'security-chain', 'balance-test']).toContain(check.step);
  });
});

describe.each(required)('$id (required)', (check) => {
  it('passes on the stage 02 solution, naming what it saw', async () => {
    const out = await run(check, stage02());
    expect(out.status, out.message.en).toBe('pass');
    expect(out.message.en).toMatch(/\.$/);
    expect(out.evidence.length).toBeGreaterThan(0);
  });
  it('fails on the stage 02 start (the stage 01 solution)', async () => {
    const out = await run(check, stage01());
    expect(out.status, out.message.en).toBe('fail');
  });
});

describe('AccessDenied', () => {
  const denied: [CheckDefinition, keyof Fixtures, string][] = [
    [albMultiAz, 'ElasticLoadBalancingV2.DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancers'],
    [targetsMultiAz, 'ElasticLoadBalancingV2.DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetGroups'],
    [targetsMultiAz, 'ElasticLoadBalancingV2.DescribeTargetHealth', 'elasticloadbalancing:DescribeTargetHealth'],
    [rdsMultiAz, 'RDS.DescribeDBInstances', 'rds:DescribeDBInstances'],
    [chain, 'EC2.DescribeSecurityGroups', 'ec2:DescribeSecurityGroups'],
    [balanced, 'ElasticLoadBalancingV2.DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancers'],
  ];
  it.each(denied.map(([check, key, action]) => [check.id, key, action, check] as const))(
    '%s: a denied %s is an error naming %s, never a fail',
    async (_id, key, action, check) => {
      const { inventory } = fixtureInventory({ ...stage02(), [key]: awsError('AccessDenied', 'denied', 403) });
      const [result] = await evaluateChecks([check], inventory);
      expect(result?.status).toBe('error');
      expect(result?.action).toBe(action);
      expect(result?.message.en).toContain(action);
    },
  );
});

describe('elb.alb-multi-az', () => {
  it('names the ALB and its two AZs', async () => {
    const out = await run(albMultiAz, stage02());
    expect(out.message.en).toBe('ALB lab-alb is internet-facing with subnets in 2 AZs (us-east-1a, us-east-1b).');
    expect(out.evidence[0]).toMatchObject({
      id: 'lab-alb',
      values: { Scheme: 'internet-facing', AvailabilityZones: 'us-east-1a, us-east-1b' },
    });
  });
  it.each([
    ['is internal', alb({ Scheme: 'internal' }), /found lab-alb \(application, internal\)/],
    ['is a Network Load Balancer', alb({ Type: 'network' }), /found lab-alb \(network, internet-facing\)/],
    [
      'has subnets in one AZ only',
      alb({ AvailabilityZones: [{ ZoneName: 'us-east-1a', SubnetId: 'subnet-pub-a' }] }),
      /ALB lab-alb \(us-east-1a\) has subnets in fewer than 2/,
    ],
    ['is in another VPC', alb({ VpcId: 'vpc-0other' }), /No internet-facing Application Load Balancer/],
  ])('fails when the load balancer %s', async (_name, lb, message) => {
    const out = await run(
      albMultiAz,
      stage02({ 'ElasticLoadBalancingV2.DescribeLoadBalancers': { LoadBalancers: [lb] } }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(message);
  });
  it('passes when one of several load balancers qualifies, with evidence for each ALB', async () => {
    const out = await run(
      albMultiAz,
      stage02({
        'ElasticLoadBalancingV2.DescribeLoadBalancers': {
          LoadBalancers: [
            alb({
              LoadBalancerName: 'old-alb',
              LoadBalancerArn: `${ALB_ARN}-old`,
              AvailabilityZones: [{ ZoneName: 'us-east-1a' }],
            }),
            alb({ LoadBalancerName: 'internal-alb', Scheme: 'internal' }),
            alb(),
          ],
        },
      }),
    );
    expect(out.status).toBe('pass');
    expect(out.message.en).toContain('lab-alb');
    expect(out.evidence.map((e) => e.id)).toEqual(['old-alb', 'lab-alb']);
  });
});

describe('elb.targets-multi-az', () => {
  it('names the healthy AZs, with evidence per target', async () => {
    const out = await run(targetsMultiAz, stage02());
    expect(out.message.en).toBe('ALB lab-alb has healthy targets in 2 AZs (us-east-1a, us-east-1b).');
    expect(out.evidence).toEqual([
      {
        id: 'i-0web-a',
        type: 'AWS::ElasticLoadBalancingV2::Target',
        values: { targetGroup: 'lab-web', AvailabilityZone: 'us-east-1a', State: 'healthy', Reason: null },
      },
      {
        id: 'i-0web-b',
        type: 'AWS::ElasticLoadBalancingV2::Target',
        values: { targetGroup: 'lab-web', AvailabilityZone: 'us-east-1b', State: 'healthy', Reason: null },
      },
    ]);
  });
  it.each([
    [
      'the second AZ’s target is unhealthy',
      {
        'ElasticLoadBalancingV2.DescribeTargetHealth': {
          TargetHealthDescriptions: [target('i-0web-a'), target('i-0web-b', 'unhealthy')],
        },
      },
      'i-0web-b=unhealthy@us-east-1b',
    ],
    [
      'both targets run in one AZ',
      {
        'EC2.DescribeInstances': {
          Reservations: [{ Instances: [webInstance('i-0web-a', 'us-east-1a'), webInstance('i-0web-b', 'us-east-1a')] }],
        },
      },
      'i-0web-b=healthy@us-east-1a',
    ],
    [
      'only one target is registered',
      { 'ElasticLoadBalancingV2.DescribeTargetHealth': { TargetHealthDescriptions: [target('i-0web-a')] } },
      'i-0web-a=healthy@us-east-1a',
    ],
    [
      'the target group has no targets',
      { 'ElasticLoadBalancingV2.DescribeTargetHealth': { TargetHealthDescriptions: [] } },
      'no targets registered',
    ],
    [
      'the target group serves no load balancer',
      { 'ElasticLoadBalancingV2.DescribeTargetGroups': { TargetGroups: [targetGroup({ LoadBalancerArns: [] })] } },
      'ALB lab-alb has no target group',
    ],
  ] as [string, Fixtures, string][])('fails when %s', async (_name, over, named) => {
    const out = await run(targetsMultiAz, stage02(over));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(named);
  });
  it('places IP targets through the instance that holds the address', async () => {
    const out = await run(
      targetsMultiAz,
      stage02({
        'ElasticLoadBalancingV2.DescribeTargetGroups': { TargetGroups: [targetGroup({ TargetType: 'ip' })] },
        'ElasticLoadBalancingV2.DescribeTargetHealth': {
          TargetHealthDescriptions: [target('10.0.1.10'), target('10.0.2.10')],
        },
      }),
    );
    expect(out.status).toBe('pass');
  });
});

describe('rds.multi-az', () => {
  it('names the primary and standby AZs', async () => {
    const out = await run(rdsMultiAz, stage02());
    expect(out.message.en).toBe('RDS DB instance lab-db: MultiAZ=true (primary us-east-1a, standby us-east-1b).');
  });
  it('fails when MultiAZ=false, naming the DB', async () => {
    const out = await run(
      rdsMultiAz,
      stage02({ 'RDS.DescribeDBInstances': { DBInstances: [database({ MultiAZ: false })] } }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe('RDS DB instance lab-db: MultiAZ=false (single AZ us-east-1a).');
    expect(out.evidence[0]).toMatchObject({ id: 'lab-db', values: { MultiAZ: false } });
  });
  it('grades the primary, not a Multi-AZ replica next to it', async () => {
    const dbs = [
      database({
        DBInstanceIdentifier: 'lab-db-replica',
        ReadReplicaSourceDBInstanceIdentifier: 'lab-db',
        MultiAZ: true,
      }),
      database({ MultiAZ: false }),
    ];
    const out = await run(rdsMultiAz, stage02({ 'RDS.DescribeDBInstances': { DBInstances: dbs } }));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('lab-db:');
  });
  it('fails with no database in the lab VPC', async () => {
    expect((await run(rdsMultiAz, stage02({ 'RDS.DescribeDBInstances': { DBInstances: [] } }))).status).toBe('fail');
  });
});

describe('sg.chain-alb-web-db', () => {
  const withGroups = (groups: ReturnType<typeof chainGroups>) =>
    stage02({ 'EC2.DescribeSecurityGroups': { SecurityGroups: groups } });
  const [albSg, webSg, dbSg] = chainGroups() as [
    ReturnType<typeof group>,
    ReturnType<typeof group>,
    ReturnType<typeof group>,
  ];

  it('passes and states both links', async () => {
    const out = await run(chain, stage02());
    expect(out.message.en).toBe(
      'Security chain holds: web SG sg-0web admits port 80 only from the ALB SG sg-0alb; DB SG sg-0db admits port 3306 only from the web SG sg-0web.',
    );
    expect(out.evidence.map((e) => [e.id, e.values.ok])).toEqual([
      ['sg-0web', true],
      ['sg-0db', true],
    ]);
  });
  it.each([
    [
      'web still open to the world',
      [albSg, group('sg-0web', [fromGroup(80, 'sg-0alb'), fromCidr(80, '0.0.0.0/0')]), dbSg],
      'web SG sg-0web admits port 80 from sg-0alb, 0.0.0.0/0',
    ],
    ['web open to the VPC CIDR', [albSg, group('sg-0web', [fromCidr(80, '10.0.0.0/16')]), dbSg], 'from 10.0.0.0/16'],
    [
      'web admitting all traffic from the ALB and the world',
      [albSg, group('sg-0web', [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]), dbSg],
      'web SG sg-0web',
    ],
    [
      'web with no rule for the app port',
      [albSg, group('sg-0web', [fromGroup(8080, 'sg-0alb')]), dbSg],
      'admits port 80 from nothing',
    ],
    [
      'DB open to the ALB too',
      [albSg, webSg, group('sg-0db', [fromGroup(3306, 'sg-0web'), fromGroup(3306, 'sg-0alb')])],
      'DB SG sg-0db admits port 3306 from sg-0web, sg-0alb',
    ],
    ['DB open to a CIDR', [albSg, webSg, group('sg-0db', [fromCidr(3306, '10.0.0.0/16')])], 'DB SG sg-0db'],
  ])('fails with %s, naming the broken link', async (_name, groups, named) => {
    const out = await run(chain, withGroups(groups));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(named);
  });
  it('names both links when both are broken', async () => {
    const out = await run(
      chain,
      withGroups([
        albSg,
        group('sg-0web', [fromCidr(80, '0.0.0.0/0')]),
        group('sg-0db', [fromCidr(3306, '0.0.0.0/0')]),
      ]),
    );
    expect(out.message.en).toMatch(/web SG sg-0web .*; DB SG sg-0db /);
  });
  it('fails without an ALB, saying where the chain starts', async () => {
    const out = await run(chain, stage02({ 'ElasticLoadBalancingV2.DescribeLoadBalancers': { LoadBalancers: [] } }));
    expect(out.message.en).toMatch(/No internet-facing ALB/);
  });
  it('treats every security group of the web instances as the web tier', async () => {
    const extra = group('sg-0extra', [fromCidr(80, '198.51.100.0/24')]);
    const out = await run(
      chain,
      stage02({
        'EC2.DescribeInstances': {
          Reservations: [
            {
              Instances: [
                webInstance('i-0web-a', 'us-east-1a', {
                  SecurityGroups: [{ GroupId: 'sg-0web' }, { GroupId: 'sg-0extra' }],
                }),
                webInstance('i-0web-b', 'us-east-1b'),
              ],
            },
          ],
        },
        'EC2.DescribeSecurityGroups': { SecurityGroups: [...chainGroups(), extra] },
      }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('sg-0web, sg-0extra');
    expect(out.message.en).toContain('198.51.100.0/24');
  });
});

describe('http.balanced-across-azs', () => {
  const servers: Server[] = [];
  /** A stand-in for the ALB: answers the demo page, naming the AZs in turn. */
  async function fakeAlb(azs: string[]): Promise<string> {
    let n = 0;
    const server = createServer((_req, res) => {
      const az = azs[n++ % azs.length];
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<dl><dt>Availability Zone</dt><dd>${az}</dd></dl>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return `127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  let twoAzs = '';
  let oneAz = '';
  beforeAll(async () => {
    twoAzs = await fakeAlb(['us-east-1a', 'us-east-1b']);
    oneAz = await fakeAlb(['us-east-1a']);
  });
  afterAll(() => {
    for (const s of servers) s.close();
  });

  it('passes when the answers come from two AZs', async () => {
    const out = await run(balanced, stage02({ 'CloudFormation.DescribeStacks': labStack({ AlbDnsName: twoAzs }) }));
    expect(out.status, out.message.en).toBe('pass');
    expect(out.message.en).toBe(`8 GETs to http://${twoAzs}/ were answered from 2 AZs (us-east-1a, us-east-1b).`);
  });
  it('fails when every answer comes from one AZ, naming it', async () => {
    const out = await run(balanced, stage02({ 'CloudFormation.DescribeStacks': labStack({ AlbDnsName: oneAz }) }));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('one AZ only (us-east-1a)');
  });
  it('is skipped in the sandbox, with the reason', async () => {
    const { inventory } = fixtureInventory(stage02(), {
      kind: 'sandbox',
      accountId: '000000000000',
      regions: ['us-east-1'],
    });
    const out = await balanced.run(inventory);
    expect(out.status).toBe('skipped');
    expect(out.message.en).toMatch(/sandbox/);
  });
  it('is skipped, not failed, when the ALB cannot be reached', async () => {
    const out = await run(
      balanced,
      stage02({ 'CloudFormation.DescribeStacks': labStack({ AlbDnsName: '127.0.0.1:9' }) }),
    );
    expect(out.status).toBe('skipped');
  });
  it('fails when there is no ALB to ask', async () => {
    const out = await run(balanced, stage01());
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(/No ALB DNS name/);
  });
});

describe('one stage 02 check run', () => {
  it('calls each describe API once, however many checks read it', async () => {
    const { inventory, log } = fixtureInventory(stage02(), {
      kind: 'sandbox',
      accountId: '000000000000',
      regions: ['us-east-1'],
    });
    const results = await evaluateChecks(all, inventory);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'skipped']);
    expect(log.counts()).toEqual({
      'CloudFormation.DescribeStacks': 1,
      'EC2.DescribeInstances': 1,
      'EC2.DescribeSecurityGroups': 1,
      'ElasticLoadBalancingV2.DescribeLoadBalancers': 1,
      'ElasticLoadBalancingV2.DescribeTargetGroups': 1,
      'ElasticLoadBalancingV2.DescribeTargetHealth': 1,
      'RDS.DescribeDBInstances': 1,
    });
  });
});
