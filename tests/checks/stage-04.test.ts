import type { InstanceProfile } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from '@/checkers';
import multiRegionTrail from '@/checkers/cloudtrail/multi-region-trail';
import dashboard from '@/checkers/cloudwatch/dashboard';
import sessionTable from '@/checkers/dynamodb/session-table-ttl';
import ssmManaged from '@/checkers/ec2/ssm-managed';
import cacheFailover from '@/checkers/elasticache/multi-az-failover';
import guardduty from '@/checkers/guardduty/enabled';
import cacheFromApp from '@/checkers/sg/cache-from-app-only';
import noSsh from '@/checkers/sg/no-ssh';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { chainGroups, fromCidr, fromGroup, group, webInstance } from '../inventory/lab-fixtures';
import {
  CACHE,
  cacheGroup,
  cacheNode,
  LAUNCH_TEMPLATE,
  launchTemplateVersion,
  PROFILE,
  PROFILE_ARN,
  ROLE,
  SSM_CORE,
  stage04,
  stage04Start,
  TABLE,
  TRAIL,
  trail,
  variedInventory,
} from '../inventory/stage-04-fixtures';
import { awsError, type Fixtures, fixtureInventory, labStack, nothingDeployed, STACK } from '../support/aws-fixtures';

const run = (check: CheckDefinition, fixtures: Fixtures) => check.run(fixtureInventory(fixtures).inventory);
const required = [cacheFailover, cacheFromApp, sessionTable, ssmManaged, noSsh];
const all = [...required, multiRegionTrail, guardduty, dashboard];

const steps: Record<string, string> = {
  'elasticache.multi-az-failover': 'cache',
  'sg.cache-from-app-only': 'cache-security',
  'dynamodb.session-table-ttl': 'session-table',
  'ec2.ssm-managed': 'session-manager',
  'sg.no-ssh': 'no-ssh',
  'cloudtrail.multi-region-trail': 'cloudtrail',
  'guardduty.enabled': 'guardduty',
  'cloudwatch.dashboard': 'dashboard',
};

describe.each(all)('$id', (check) => {
  it('passes on the stage 04 solution, naming what it saw', async () => {
    const out = await run(check, stage04());
    expect(out.status, out.message.en).toBe('pass');
    expect(out.message.en).toMatch(/\.$/);
    expect(out.message.ko.length).toBeGreaterThan(5);
    expect(out.evidence.length).toBeGreaterThan(0);
  });
  it('fails when nothing is deployed yet', async () => {
    const out = await run(check, nothingDeployed);
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(/launch the stage template/);
  });
  it.runIf(check !== noSsh)('fails on the stage 04 start (the stage 03 solution)', async () => {
    const out = await run(check, stage04Start());
    expect(out.status, out.message.en).toBe('fail');
    expect(out.message.en).toMatch(/\.$/);
  });
  it('belongs to stage 04 and links to its step of the lab', () => {
    expect(check.stage).toBe('04-cache-automate-secure');
    expect(check.step).toBe(steps[check.id]);
    expect(check.remediation.template && check.remediation.cli && check.remediation.console?.ko).toBeTruthy();
  });
});

describe('AccessDenied', () => {
  const denied: [CheckDefinition, keyof Fixtures, string][] = [
    [cacheFailover, 'ElastiCache.DescribeReplicationGroups', 'elasticache:DescribeReplicationGroups'],
    [cacheFromApp, 'ElastiCache.DescribeCacheClusters', 'elasticache:DescribeCacheClusters'],
    [cacheFromApp, 'EC2.DescribeSecurityGroups', 'ec2:DescribeSecurityGroups'],
    [cacheFailover, 'EC2.DescribeLaunchTemplateVersions', 'ec2:DescribeLaunchTemplateVersions'],
    [sessionTable, 'DynamoDB.DescribeTimeToLive', 'dynamodb:DescribeTimeToLive'],
    [sessionTable, 'EC2.DescribeLaunchTemplateVersions', 'ec2:DescribeLaunchTemplateVersions'],
    [ssmManaged, 'IAM.ListInstanceProfiles', 'iam:ListInstanceProfiles'],
    [ssmManaged, 'IAM.ListAttachedRolePolicies', 'iam:ListAttachedRolePolicies'],
    [noSsh, 'EC2.DescribeSecurityGroups', 'ec2:DescribeSecurityGroups'],
    [multiRegionTrail, 'CloudTrail.DescribeTrails', 'cloudtrail:DescribeTrails'],
    [multiRegionTrail, 'CloudTrail.GetTrailStatus', 'cloudtrail:GetTrailStatus'],
    [guardduty, 'GuardDuty.ListDetectors', 'guardduty:ListDetectors'],
    [guardduty, 'GuardDuty.GetDetector', 'guardduty:GetDetector'],
    [dashboard, 'CloudWatch.ListDashboards', 'cloudwatch:ListDashboards'],
  ];
  it.each(denied.map(([check, key, action]) => [check.id, key, action, check] as const))(
    '%s: a denied %s is an error naming %s, never a fail',
    async (_id, key, action, check) => {
      const { inventory } = fixtureInventory({ ...stage04(), [key]: awsError('AccessDenied', 'denied', 403) });
      const [result] = await evaluateChecks([check], inventory);
      expect(result?.status).toBe('error');
      expect(result?.action).toBe(action);
      expect(result?.message.en).toContain(action);
    },
  );
});

const withCaches = (groups: ReturnType<typeof cacheGroup>[], nodes = stage04()['ElastiCache.DescribeCacheClusters']) =>
  stage04({
    'ElastiCache.DescribeReplicationGroups': { ReplicationGroups: groups },
    'ElastiCache.DescribeCacheClusters': nodes,
  });

describe('elasticache.multi-az-failover', () => {
  it('names the group, its nodes and AZs', async () => {
    const out = await run(cacheFailover, stage04());
    expect(out.message.en).toBe(
      `ElastiCache replication group ${CACHE}, which the web servers use: AutomaticFailover and MultiAZ enabled, 2 nodes in us-east-1a, us-east-1b.`,
    );
  });
  it.each([
    ['Multi-AZ is off', cacheGroup({ MultiAZ: 'disabled' }), `${CACHE}: MultiAZ=disabled`],
    [
      'automatic failover is off (a single node)',
      cacheGroup({ AutomaticFailover: 'disabled', MultiAZ: 'disabled', MemberClusters: [`${CACHE}-001`] }),
      `${CACHE}: AutomaticFailover=disabled, MultiAZ=disabled`,
    ],
  ])('fails when %s, naming the group and the value', async (_name, g, named) => {
    const out = await run(cacheFailover, withCaches([g]));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(named);
  });
  it('ignores a replication group whose nodes are in another VPC', async () => {
    const nodes = {
      CacheClusters: [cacheNode(`${CACHE}-001`, 'us-east-1a', { CacheSubnetGroupName: 'other-project' })],
    };
    const out = await run(cacheFailover, withCaches([cacheGroup()], nodes));
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe('No ElastiCache replication group in the lab VPC yet.');
  });
  it('judges the cache the web servers use: a Multi-AZ group beside it does not make an unused one count', async () => {
    const scratch = cacheGroup({
      ReplicationGroupId: 'scratch',
      AutomaticFailover: 'disabled',
      MultiAZ: 'disabled',
      NodeGroups: [
        { NodeGroupId: '0001', PrimaryEndpoint: { Address: 'master.scratch.abc123.use1.cache.amazonaws.com' } },
      ],
    });
    const nodes = {
      CacheClusters: [
        cacheNode('scratch-001', 'us-east-1a', { ReplicationGroupId: 'scratch' }),
        cacheNode(`${CACHE}-001`, 'us-east-1a'),
        cacheNode(`${CACHE}-002`, 'us-east-1b'),
      ],
    };
    const usesScratch = launchTemplateVersion('Environment=CACHE_HOST=master.scratch.abc123.use1.cache.amazonaws.com');
    const good = await run(cacheFailover, withCaches([scratch, cacheGroup()], nodes));
    expect(good.status).toBe('pass');
    expect(good.evidence.map((e) => e.id)).toEqual([CACHE]);
    const bad = await run(cacheFailover, {
      ...withCaches([scratch, cacheGroup()], nodes),
      'EC2.DescribeLaunchTemplateVersions': usesScratch,
    });
    expect(bad.status).toBe('fail');
    expect(bad.message.en).toContain('scratch: AutomaticFailover=disabled, MultiAZ=disabled');
  });
  it('fails when the web servers are not configured with any cache endpoint, naming where it looked', async () => {
    const out = await run(cacheFailover, {
      ...stage04(),
      'EC2.DescribeLaunchTemplateVersions': launchTemplateVersion(`Environment=SESSION_TABLE=${TABLE}`),
    });
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(`launch template ${LAUNCH_TEMPLATE} version 3`);
    expect(out.message.en).toContain('the app does not use the cache');
  });
  it('does not take a longer endpoint for the cache’s own (whole names only)', async () => {
    const longer = launchTemplateVersion(`CACHE_HOST=master.${CACHE}.abc123.use1.cache.amazonaws.com.example`);
    const out = await run(cacheFailover, { ...stage04(), 'EC2.DescribeLaunchTemplateVersions': longer });
    expect(out.status).toBe('fail');
  });
});

describe('sg.cache-from-app-only', () => {
  const withCacheSg = (...rules: Parameters<typeof group>[1][]) =>
    stage04({
      'EC2.DescribeSecurityGroups': {
        SecurityGroups: [
          ...chainGroups(),
          group(
            'sg-0cache',
            rules.flatMap((r) => r ?? []),
          ),
        ],
      },
    });
  it('names the group and the web SG', async () => {
    const out = await run(cacheFromApp, stage04());
    expect(out.message.en).toBe(
      `ElastiCache replication group ${CACHE} (sg-0web) admits port 6379 only from the web/app SG.`,
    );
  });
  it.each([
    ['the VPC CIDR as well', [fromGroup(6379, 'sg-0web'), fromCidr(6379, '10.0.0.0/16')], 'sg-0web, 10.0.0.0/16'],
    ['the world', [fromCidr(6379, '0.0.0.0/0')], '0.0.0.0/0'],
    ['the ALB SG instead of web', [fromGroup(6379, 'sg-0alb')], 'sg-0alb'],
    ['nothing at all', [], 'nothing'],
    ['all traffic from the VPC', [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/16' }] }], '10.0.0.0/16'],
  ])('fails when the cache admits %s', async (_name, rules, named) => {
    const out = await run(cacheFromApp, withCacheSg(rules));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(`${CACHE} admits 6379 from ${named}, not only from the web/app SG (sg-0web)`);
  });
  it('fails when there is no cache to guard', async () => {
    const out = await run(cacheFromApp, withCaches([]));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('No ElastiCache replication group');
  });
  it('accepts an app tier (scalelab:role=app) as the source, on the group’s own port', async () => {
    const app = webInstance('i-0app', 'us-east-1a', {
      SecurityGroups: [{ GroupId: 'sg-0app' }],
      Tags: [{ Key: 'scalelab:role', Value: 'app' }],
    });
    const custom = cacheGroup({
      NodeGroups: [{ NodeGroupId: '0001', PrimaryEndpoint: { Address: 'x', Port: 6380 }, NodeGroupMembers: [] }],
    });
    const out = await run(
      cacheFromApp,
      stage04({
        'EC2.DescribeInstances': { Reservations: [{ Instances: [app] }] },
        'EC2.DescribeSecurityGroups': { SecurityGroups: [group('sg-0cache', [fromGroup(6380, 'sg-0app')])] },
        'ElastiCache.DescribeReplicationGroups': { ReplicationGroups: [custom] },
      }),
    );
    expect(out.status, out.message.en).toBe('pass');
    expect(out.evidence[0]?.values.port).toBe(6380);
  });
});

describe('dynamodb.session-table-ttl', () => {
  it('names the table and the TTL attribute', async () => {
    const out = await run(sessionTable, stage04());
    expect(out.message.en).toBe(
      `DynamoDB table ${TABLE}, where the web servers keep sessions, expires items on expiresAt (TTL ENABLED).`,
    );
  });
  it('fails when the table’s TTL is off, naming it', async () => {
    const out = await run(
      sessionTable,
      stage04({ 'DynamoDB.DescribeTimeToLive': { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } } }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe(
      `The DynamoDB table the web servers keep sessions in has no TTL enabled: ${TABLE} (TTL DISABLED).`,
    );
  });
  it('fails when no table is the lab’s (other tables of the account do not count)', async () => {
    const out = await run(sessionTable, stage04Start());
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe(
      `No DynamoDB table for the lab (the stack's SessionTable output, a table tagged scalelab:lab=${STACK}, or one named after ${STACK}).`,
    );
  });
  it('fails when the SessionTable output names a table that is gone', async () => {
    const out = await run(
      sessionTable,
      stage04({
        'DynamoDB.ListTables': { TableNames: [] },
        'ResourceGroupsTaggingAPI.GetResources': { ResourceTagMappingList: [] },
        'DynamoDB.DescribeTimeToLive': awsError('ResourceNotFoundException', 'Requested resource not found'),
      }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('No DynamoDB table for the lab');
  });
  it('fails when the web servers do not name the table: it exists, but sessions are not kept there', async () => {
    const out = await run(sessionTable, {
      ...stage04(),
      'EC2.DescribeLaunchTemplateVersions': launchTemplateVersion('Environment=CACHE_HOST=x'),
    });
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('the app does not keep its sessions there');
  });
  it('finds a hand-made table by its tag before tables named after the stack (the lab rule)', async () => {
    const handMade = 'sessions';
    const { inventory } = variedInventory(
      stage04({
        'CloudFormation.DescribeStacks': labStack(),
        'EC2.DescribeLaunchTemplateVersions': launchTemplateVersion(`Environment=SESSION_TABLE=${handMade}`),
        'DynamoDB.ListTables': { TableNames: ['orders', `${STACK}-carts`, handMade] },
        'ResourceGroupsTaggingAPI.GetResources': {
          ResourceTagMappingList: [
            { ResourceARN: `arn:aws:dynamodb:us-east-1:111122223333:table/${handMade}` },
            { ResourceARN: `arn:aws:dynamodb:us-east-1:111122223333:table/${handMade}/stream/2026-11-23T10:00:00.000` },
            { ResourceARN: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0asg-a' },
          ],
        },
      }),
      (key, input) =>
        key === 'DynamoDB.DescribeTimeToLive'
          ? {
              TimeToLiveDescription:
                input.TableName === handMade
                  ? { TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' }
                  : { TimeToLiveStatus: 'DISABLED' },
            }
          : undefined,
    );
    const out = await sessionTable.run(inventory);
    expect(out.status).toBe('pass');
    expect(out.message.en).toBe(
      'DynamoDB table sessions, where the web servers keep sessions, expires items on ttl (TTL ENABLED).',
    );
    expect(out.evidence.map((e) => [e.id, e.values.TimeToLiveStatus])).toEqual([['sessions', 'ENABLED']]);
  });
});

describe('ec2.ssm-managed', () => {
  /** SSM cannot be asked: the check judges the instance profile's policies (and DHMC). */
  const ssmDenied = awsError('AccessDeniedException', 'not authorized to perform ssm:DescribeInstanceInformation', 400);
  const policies = (...arns: string[]) =>
    stage04({
      'SSM.DescribeInstanceInformation': ssmDenied,
      'IAM.ListAttachedRolePolicies': {
        AttachedPolicies: arns.map((PolicyArn) => ({ PolicyArn, PolicyName: PolicyArn.split('/').pop() })),
        IsTruncated: false,
      },
    });
  it('passes on Systems Manager’s own view: every web instance Online', async () => {
    const out = await run(ssmManaged, stage04());
    expect(out.message.en).toBe('Systems Manager reports EC2 instances i-0asg-a, i-0asg-b Online.');
    expect(out.evidence[0]?.values).toMatchObject({
      roles: ROLE,
      managedPolicies: 'AmazonSSMManagedInstanceCore',
      pingStatus: 'i-0asg-a=Online, i-0asg-b=Online',
    });
  });
  it('fails when Systems Manager has lost an instance, even with the policy attached', async () => {
    const out = await run(ssmManaged, {
      ...stage04(),
      'SSM.DescribeInstanceInformation': {
        InstanceInformationList: [
          { InstanceId: 'i-0asg-a', PingStatus: 'Online' },
          { InstanceId: 'i-0asg-b', PingStatus: 'ConnectionLost' },
        ],
      },
    });
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('i-0asg-b: ConnectionLost (the permissions are there');
  });
  it('names the profile and the instances when SSM cannot be asked', async () => {
    const out = await run(ssmManaged, policies(SSM_CORE));
    expect(out.status).toBe('pass');
    expect(out.message.en).toContain(
      `EC2 instances i-0asg-a, i-0asg-b are SSM-managed through IAM instance profile ${PROFILE}, which carries an SSM managed-instance policy`,
    );
  });
  it('accepts Default Host Management Configuration instead of a policy on the profile', async () => {
    const dhmcOn = {
      ServiceSetting: {
        SettingId: '/ssm/managed-instance/default-ec2-instance-management-role',
        SettingValue: 'AWSSystemsManagerDefaultEC2InstanceManagementRole',
      },
    };
    const out = await run(ssmManaged, { ...policies(), 'SSM.GetServiceSetting': dhmcOn });
    expect(out.status).toBe('pass');
    expect(out.message.en).toContain(
      'Default Host Management Configuration (role AWSSystemsManagerDefaultEC2InstanceManagementRole)',
    );
  });
  it.each([
    ['the legacy AmazonEC2RoleforSSM', 'arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM'],
    ['the DHMC policy', 'arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy'],
  ])('accepts %s as equivalent', async (_name, arn) => {
    expect((await run(ssmManaged, policies(arn))).status).toBe('pass');
  });
  it.each([
    ['no managed policy', policies(), 'managed policies none'],
    [
      'a customer policy that only looks like it',
      policies('arn:aws:iam::111122223333:policy/AmazonSSMManagedInstanceCore'),
      'managed policies AmazonSSMManagedInstanceCore',
    ],
    [
      'read-only SSM access',
      policies('arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess'),
      'managed policies AmazonSSMReadOnlyAccess',
    ],
  ])('fails with %s, naming the profile', async (_name, fixtures, named) => {
    const out = await run(ssmManaged, fixtures);
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(`instance profile ${PROFILE} (i-0asg-a, i-0asg-b): ${named}`);
  });
  it('fails for instances launched without a profile, even when the others are managed', async () => {
    const out = await run(
      ssmManaged,
      stage04({
        'SSM.DescribeInstanceInformation': ssmDenied,
        'EC2.DescribeInstances': {
          Reservations: [
            {
              Instances: [
                webInstance('i-0asg-a', 'us-east-1a', { IamInstanceProfile: { Arn: PROFILE_ARN } }),
                webInstance('i-0old', 'us-east-1b'),
              ],
            },
          ],
        },
      }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe(
      'Web instances are not SSM-managed (needs AmazonSSMManagedInstanceCore or Default Host Management Configuration): i-0old: no instance profile.',
    );
  });
  it('lists the profiles once, reads each role once, and resolves a profile with a path by its name', async () => {
    const listed = stage04()['IAM.ListInstanceProfiles'] as { InstanceProfiles: InstanceProfile[] };
    const other: InstanceProfile = {
      InstanceProfileName: 'other',
      Arn: 'arn:aws:iam::111122223333:instance-profile/team/other',
      InstanceProfileId: 'y',
      Path: '/team/',
      CreateDate: new Date(),
      Roles: [],
    };
    const { inventory, log } = fixtureInventory(
      stage04({
        'EC2.DescribeInstances': {
          Reservations: [
            {
              Instances: [
                webInstance('i-0a', 'us-east-1a', { IamInstanceProfile: { Arn: PROFILE_ARN } }),
                webInstance('i-0b', 'us-east-1b', { IamInstanceProfile: { Arn: PROFILE_ARN } }),
                webInstance('i-0c', 'us-east-1b', {
                  IamInstanceProfile: { Arn: 'arn:aws:iam::111122223333:instance-profile/team/other' },
                }),
              ],
            },
          ],
        },
        'IAM.ListInstanceProfiles': { InstanceProfiles: [...listed.InstanceProfiles, other], IsTruncated: false },
      }),
    );
    const out = await ssmManaged.run(inventory);
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('instance profile other (i-0c): no role');
    expect(log.counts()['IAM.ListInstanceProfiles']).toBe(1);
    expect(log.counts()['IAM.ListAttachedRolePolicies']).toBe(1);
  });
  it('fails when the lab has no web instance', async () => {
    const out = await run(ssmManaged, stage04({ 'EC2.DescribeInstances': { Reservations: [] } }));
    expect(out.message.en).toBe('No web instance in the lab VPC.');
  });
});

describe('sg.no-ssh', () => {
  const withGroups = (...groups: ReturnType<typeof group>[]) =>
    stage04({ 'EC2.DescribeSecurityGroups': { SecurityGroups: [...chainGroups(), ...groups] } });
  it('fails on the stage 04 start: stage 03 left a bastion group with SSH from the admin network', async () => {
    const start = stage04Start({
      'EC2.DescribeSecurityGroups': {
        SecurityGroups: [...chainGroups(), group('sg-0bastion', [fromCidr(22, '192.0.2.0/24')])],
      },
    });
    const out = await run(noSsh, start);
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('sg-0bastion from 192.0.2.0/24');
  });
  it.each([
    ['an office range', group('sg-0bastion', [fromCidr(22, '203.0.113.0/24')]), 'sg-0bastion from 203.0.113.0/24'],
    ['the VPC', group('sg-0web2', [fromCidr(22, '10.0.0.0/16')]), 'sg-0web2 from 10.0.0.0/16'],
    ['a bastion’s security group', group('sg-0web3', [fromGroup(22, 'sg-0bastion')]), 'sg-0web3 from sg-0bastion'],
    [
      'a port range that covers 22',
      group('sg-0wide', [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 1024, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }]),
      'sg-0wide from 10.0.0.0/8',
    ],
    [
      'all traffic from another group',
      group('sg-0all', [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0alb' }] }]),
      'sg-0all from sg-0alb',
    ],
    [
      'the world over IPv6',
      group('sg-0v6', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }]),
      'sg-0v6 from ::/0',
    ],
  ])('fails when port 22 is open to %s, naming the group and source', async (_name, g, named) => {
    const out = await run(noSsh, withGroups(g));
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe(`Security groups admit SSH (port 22): ${named}.`);
  });
  it('does not count the default group’s "all traffic from itself" rule', async () => {
    const self = group('sg-0default', [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0default' }] }]);
    const out = await run(noSsh, withGroups(self));
    expect(out.status).toBe('pass');
    expect(out.message.en).toBe('None of the 4 security groups in the lab VPC admits port 22.');
  });
  it('names every open group', async () => {
    const out = await run(
      noSsh,
      withGroups(group('sg-0a', [fromCidr(22, '10.0.1.0/24')]), group('sg-0b', [fromCidr(22, '0.0.0.0/0')])),
    );
    expect(out.evidence.map((e) => e.id)).toEqual(['sg-0a', 'sg-0b']);
  });
});

describe('cloudtrail.multi-region-trail', () => {
  const withTrails = (...trailList: ReturnType<typeof trail>[]) =>
    stage04({ 'CloudTrail.DescribeTrails': { trailList } });
  it('names the trail and its home region', async () => {
    const out = await run(multiRegionTrail, stage04());
    expect(out.message.en).toBe(`CloudTrail trail ${TRAIL} (home us-east-1) logs API calls in every region.`);
  });
  it('counts a multi-region trail homed in another region (a shadow trail)', async () => {
    const out = await run(multiRegionTrail, withTrails(trail({ Name: 'org', HomeRegion: 'eu-west-1' })));
    expect(out.status).toBe('pass');
  });
  it('fails with a single-region trail, without asking its status', async () => {
    const { inventory, log } = fixtureInventory(withTrails(trail({ IsMultiRegionTrail: false })));
    const out = await multiRegionTrail.run(inventory);
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe(`No multi-region CloudTrail trail is logging: ${TRAIL} (single-region).`);
    expect(log.counts()['CloudTrail.GetTrailStatus']).toBeUndefined();
  });
  it('fails when the multi-region trail has stopped logging', async () => {
    const out = await run(multiRegionTrail, stage04({ 'CloudTrail.GetTrailStatus': { IsLogging: false } }));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(`${TRAIL} (multi-region, not logging)`);
  });
  it('fails when no trail exists, naming the region', async () => {
    const out = await run(multiRegionTrail, withTrails());
    expect(out.message.en).toBe('No CloudTrail trail covers us-east-1.');
  });
  it('passes when one of several trails logs everywhere, asking the status of each multi-region one by ARN', async () => {
    const asked: unknown[] = [];
    const { inventory } = variedInventory(
      withTrails(
        trail({ Name: 'local', IsMultiRegionTrail: false }),
        trail({ Name: 'stopped', TrailARN: 'arn:stopped' }),
        trail(),
      ),
      (key, input) => {
        if (key !== 'CloudTrail.GetTrailStatus') return undefined;
        asked.push(input.Name);
        return { IsLogging: input.Name !== 'arn:stopped' };
      },
    );
    const out = await multiRegionTrail.run(inventory);
    expect(out.status).toBe('pass');
    expect(asked.sort()).toEqual([
      'arn:aws:cloudtrail:us-east-1:111122223333:trail/scalelab-test-trail',
      'arn:stopped',
    ]);
    expect(out.evidence.map((e) => [e.id, e.values.IsLogging])).toEqual([
      ['local', null],
      ['stopped', false],
      [TRAIL, true],
    ]);
  });
});

describe('guardduty.enabled', () => {
  it('names the detector and the region', async () => {
    const out = await run(guardduty, stage04());
    expect(out.message.en).toBe('GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 is ENABLED in us-east-1.');
  });
  it('fails when the detector is suspended', async () => {
    const out = await run(
      guardduty,
      stage04({ 'GuardDuty.GetDetector': { Status: 'DISABLED', ServiceRole: 'arn:aws:iam::111122223333:role/x' } }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe('GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 is DISABLED in us-east-1.');
  });
  it('fails when the region has no detector', async () => {
    const out = await run(guardduty, stage04({ 'GuardDuty.ListDetectors': { DetectorIds: [] } }));
    expect(out.message.en).toBe('No GuardDuty detector in us-east-1.');
  });
});

describe('cloudwatch.dashboard', () => {
  it('names the dashboard', async () => {
    const out = await run(dashboard, stage04());
    expect(out.message.en).toBe(`CloudWatch dashboard ${STACK}-fleet shows the lab.`);
  });
  it('asks only for dashboards named after the stack, and ignores others', async () => {
    const { inventory, log } = variedInventory(stage04(), (key, input) =>
      key === 'CloudWatch.ListDashboards'
        ? {
            DashboardEntries: [{ DashboardName: 'billing' }, { DashboardName: `${STACK}-db` }].filter((d) =>
              d.DashboardName.startsWith(String(input.DashboardNamePrefix ?? '')),
            ),
          }
        : undefined,
    );
    const out = await dashboard.run(inventory);
    expect(out.message.en).toBe(`CloudWatch dashboard ${STACK}-db shows the lab.`);
    expect(log.counts()['CloudWatch.ListDashboards']).toBe(1);
  });
  it('fails when no dashboard is named after the stack', async () => {
    const out = await run(dashboard, stage04({ 'CloudWatch.ListDashboards': { DashboardEntries: [] } }));
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe(`No CloudWatch dashboard whose name starts with ${STACK}.`);
  });
});

describe('one stage 04 check run', () => {
  it('calls each describe API once, however many checks read it', async () => {
    const { inventory, log } = fixtureInventory(stage04());
    const results = await evaluateChecks(all, inventory);
    expect(results.map((r) => [r.id, r.status])).toEqual(all.map((c) => [c.id, 'pass']));
    expect(log.counts()).toEqual({
      'CloudFormation.DescribeStacks': 1,
      'EC2.DescribeInstances': 1,
      'EC2.DescribeSecurityGroups': 1,
      'EC2.DescribeSubnets': 1,
      // The web group and its launch template version: what the app is configured with (cache, sessions table).
      'AutoScaling.DescribeAutoScalingGroups': 1,
      'EC2.DescribeLaunchTemplateVersions': 1,
      'ElastiCache.DescribeReplicationGroups': 1,
      'ElastiCache.DescribeCacheClusters': 1,
      'ElastiCache.DescribeCacheSubnetGroups': 1,
      // The SessionTable output names the table: the lab rule asks no tag or name listing.
      'DynamoDB.DescribeTimeToLive': 1,
      'SSM.DescribeInstanceInformation': 1,
      'SSM.GetServiceSetting': 1,
      'IAM.ListInstanceProfiles': 1,
      'IAM.ListAttachedRolePolicies': 1,
      'CloudTrail.DescribeTrails': 1,
      'CloudTrail.GetTrailStatus': 1,
      'GuardDuty.ListDetectors': 1,
      'GuardDuty.GetDetector': 1,
      'CloudWatch.ListDashboards': 1,
    });
  });
});
