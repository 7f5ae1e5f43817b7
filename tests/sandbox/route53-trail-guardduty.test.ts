import { DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CreateDetectorCommand, GetDetectorCommand, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GetHealthCheckCommand, ListHostedZonesCommand, ListResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '@/lib/sandbox';
import { deploy } from './deploy';

const dns = `
Resources:
  Zone: { Type: AWS::Route53::HostedZone, Properties: { Name: shop.example.com, HostedZoneConfig: { Comment: lab } } }
  PrimaryCheck:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: HTTPS, FullyQualifiedDomainName: primary.shop.example.com, ResourcePath: /health, Port: 443, RequestInterval: 30, FailureThreshold: 3 }
  Primary:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref Zone
      Name: app.shop.example.com
      Type: A
      TTL: '60'
      ResourceRecords: [192.0.2.10]
      SetIdentifier: primary
      Failover: PRIMARY
      HealthCheckId: !Ref PrimaryCheck
  Secondary:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref Zone
      Name: app.shop.example.com
      Type: A
      TTL: '60'
      ResourceRecords: [192.0.2.20]
      SetIdentifier: secondary
      Failover: SECONDARY
Outputs:
  ZoneId: { Value: !Ref Zone }
  CheckId: { Value: !Ref PrimaryCheck }
  Record: { Value: !Ref Primary }
`;

const audit = `
Resources:
  Logs: { Type: AWS::S3::Bucket }
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties: { TrailName: org-audit, S3BucketName: !Ref Logs, IsLogging: true, IsMultiRegionTrail: true, EnableLogFileValidation: true }
  Local:
    Type: AWS::CloudTrail::Trail
    Properties: { TrailName: local-only, S3BucketName: !Ref Logs, IsLogging: false }
  Detector: { Type: AWS::GuardDuty::Detector, Properties: { Enable: true, FindingPublishingFrequency: FIFTEEN_MINUTES } }
`;

describe('sandbox Route 53: a failover pair behind a health check', () => {
  let sandbox: Sandbox;
  let out: Record<string, string>;
  beforeAll(async () => {
    sandbox = createSandbox({ accountId: '111122223333' });
    out = await deploy(sandbox.clientsFor('us-east-1'), 'dns', dns);
  });

  it('lists the zone (global: from any region) with its record count', async () => {
    const zones = (await sandbox.clientsFor('us-west-2').route53.send(new ListHostedZonesCommand({}))).HostedZones;
    expect(zones).toEqual([
      expect.objectContaining({
        Id: `/hostedzone/${out.ZoneId}`,
        Name: 'shop.example.com.',
        Config: { PrivateZone: false, Comment: 'lab' },
        ResourceRecordSetCount: 4,
      }),
    ]);
  });

  it('answers both failover records (and NS, SOA), the primary tied to its health check', async () => {
    const c = sandbox.clientsFor('us-east-1');
    expect(out.Record).toBe('app.shop.example.com');
    const sets =
      (await c.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: out.ZoneId }))).ResourceRecordSets ?? [];
    expect(sets.map((s) => s.Type)).toEqual(['NS', 'SOA', 'A', 'A']);
    const [primary, secondary] = sets.filter((s) => s.Type === 'A');
    expect(primary).toMatchObject({
      Name: 'app.shop.example.com.',
      SetIdentifier: 'primary',
      Failover: 'PRIMARY',
      HealthCheckId: out.CheckId,
      TTL: 60,
      ResourceRecords: [{ Value: '192.0.2.10' }],
    });
    expect(secondary).toMatchObject({ SetIdentifier: 'secondary', Failover: 'SECONDARY', HealthCheckId: undefined });
    const check = (await c.route53.send(new GetHealthCheckCommand({ HealthCheckId: out.CheckId }))).HealthCheck;
    expect(check?.HealthCheckConfig).toMatchObject({
      Type: 'HTTPS',
      FullyQualifiedDomainName: 'primary.shop.example.com',
      ResourcePath: '/health',
      Port: 443,
      FailureThreshold: 3,
    });
    await expect(c.route53.send(new GetHealthCheckCommand({ HealthCheckId: 'nope' }))).rejects.toMatchObject({
      name: 'NoSuchHealthCheck',
    });
  });

  it('fails a second record with the same name, type and set identifier, as Route 53 does', async () => {
    const c = sandbox.clientsFor('us-east-1');
    const dup = `
Resources:
  Again:
    Type: AWS::Route53::RecordSet
    Properties: { HostedZoneId: ${out.ZoneId}, Name: app.shop.example.com, Type: A, TTL: '60', ResourceRecords: [192.0.2.99], SetIdentifier: primary, Failover: PRIMARY }
`;
    await expect(deploy(c, 'dup', dup)).rejects.toThrow(/already exists/);
    const sets =
      (await c.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: out.ZoneId }))).ResourceRecordSets ?? [];
    expect(sets.filter((s) => s.Type === 'A').map((s) => s.ResourceRecords?.[0]?.Value)).toEqual([
      '192.0.2.10',
      '192.0.2.20',
    ]);
  });
});

describe('sandbox CloudTrail and GuardDuty', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = createSandbox({ accountId: '111122223333' });
    await deploy(sandbox.clientsFor('us-east-1'), 'audit', audit);
  });

  it('describes the trails at home, and the multi-region one as a shadow trail elsewhere', async () => {
    const home = (await sandbox.clientsFor('us-east-1').cloudtrail.send(new DescribeTrailsCommand({}))).trailList;
    expect(home?.map((t) => t.Name).sort()).toEqual(['local-only', 'org-audit']);
    expect(home?.find((t) => t.Name === 'org-audit')).toMatchObject({
      TrailARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit',
      HomeRegion: 'us-east-1',
      IsMultiRegionTrail: true,
      LogFileValidationEnabled: true,
    });
    const west = sandbox.clientsFor('us-west-2').cloudtrail;
    expect((await west.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.Name)).toEqual(['org-audit']);
    expect(
      (await west.send(new DescribeTrailsCommand({ includeShadowTrails: false }))).trailList?.map((t) => t.Name),
    ).toEqual([]);
    const named = await sandbox
      .clientsFor('us-east-1')
      .cloudtrail.send(new DescribeTrailsCommand({ trailNameList: ['local-only'] }));
    expect(named.trailList?.map((t) => t.Name)).toEqual(['local-only']);
  });

  it('reports whether each trail logs', async () => {
    const ct = sandbox.clientsFor('us-east-1').cloudtrail;
    expect((await ct.send(new GetTrailStatusCommand({ Name: 'org-audit' }))).IsLogging).toBe(true);
    const arn = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/local-only';
    expect((await ct.send(new GetTrailStatusCommand({ Name: arn }))).IsLogging).toBe(false);
    await expect(ct.send(new GetTrailStatusCommand({ Name: 'missing' }))).rejects.toMatchObject({
      name: 'TrailNotFoundException',
    });
  });

  it('has one detector in its region only, enabled, and refuses a second one', async () => {
    const east = sandbox.clientsFor('us-east-1');
    const ids = (await east.guardduty.send(new ListDetectorsCommand({}))).DetectorIds ?? [];
    expect(ids).toHaveLength(1);
    const detector = await east.guardduty.send(new GetDetectorCommand({ DetectorId: ids[0] }));
    expect(detector).toMatchObject({ Status: 'ENABLED', FindingPublishingFrequency: 'FIFTEEN_MINUTES' });
    expect((await sandbox.clientsFor('us-west-2').guardduty.send(new ListDetectorsCommand({}))).DetectorIds).toEqual(
      [],
    );
    await expect(
      deploy(east, 'second', 'Resources:\n  D: { Type: AWS::GuardDuty::Detector, Properties: { Enable: true } }'),
    ).rejects.toThrow(/detector already exists/);
    await expect(east.guardduty.send(new CreateDetectorCommand({ Enable: true }))).rejects.toMatchObject({
      name: 'UnsupportedOperation',
    });
  });

  it('removes the trails and the detector with the stack', async () => {
    const east = sandbox.clientsFor('us-east-1');
    await east.cloudformation.send(new DeleteStackCommand({ StackName: 'audit' }));
    expect((await east.cloudtrail.send(new DescribeTrailsCommand({}))).trailList).toEqual([]);
    expect((await east.guardduty.send(new ListDetectorsCommand({}))).DetectorIds).toEqual([]);
  });
});
