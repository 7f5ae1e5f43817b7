import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { page } from '../pagination';
import type { ResourceRecord } from '../state';
import { everywhere, inRegion, tagList } from './common';

function role(ctx: CallContext, name: unknown): ResourceRecord {
  const r = everywhere(ctx, 'AWS::IAM::Role').find((x) => x.physicalId === name);
  if (!r) throw awsError('NoSuchEntity', `The role with name ${String(name)} cannot be found.`, 404);
  return r;
}

const roleShape = (r: ResourceRecord) => ({
  RoleName: r.physicalId,
  RoleId: String(r.attrs.RoleId),
  Arn: String(r.attrs.Arn),
  Path: String(r.attrs.Path),
  CreateDate: new Date(r.createdAt),
  AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(r.props.AssumeRolePolicyDocument)),
  Tags: tagList(r),
});

const profileShape = (ctx: CallContext, p: ResourceRecord) => ({
  InstanceProfileName: p.physicalId,
  InstanceProfileId: String(p.attrs.InstanceProfileId),
  Arn: String(p.attrs.Arn),
  Path: String(p.props.Path ?? '/'),
  CreateDate: new Date(p.createdAt),
  Roles: ((p.props.Roles as string[] | undefined) ?? []).map((name) => roleShape(role(ctx, name))),
});

const flag = (v: unknown) => v === true || v === 'true';
const multiRegion = (t: ResourceRecord) => flag(t.props.IsMultiRegionTrail);

/** IAM, CloudWatch, Route 53, CloudTrail, GuardDuty: who may do what, and who watches. */
export const governanceHandlers: Handlers = {
  'IAM.GetRole': (ctx) => ({ Role: roleShape(role(ctx, ctx.input.RoleName)) }),
  'IAM.GetInstanceProfile': (ctx) => {
    const p = everywhere(ctx, 'AWS::IAM::InstanceProfile').find((x) => x.physicalId === ctx.input.InstanceProfileName);
    if (!p)
      throw awsError('NoSuchEntity', `Instance Profile ${String(ctx.input.InstanceProfileName)} cannot be found.`, 404);
    return { InstanceProfile: profileShape(ctx, p) };
  },
  // IAM API Reference, "ListInstanceProfiles": every profile of the account with its roles (a path prefix filters).
  'IAM.ListInstanceProfiles': (ctx) => {
    const prefix = String(ctx.input.PathPrefix ?? '/');
    const all = everywhere(ctx, 'AWS::IAM::InstanceProfile')
      .filter((p) => String(p.props.Path ?? '/').startsWith(prefix))
      .map((p) => profileShape(ctx, p));
    return { InstanceProfiles: all, IsTruncated: false };
  },
  'IAM.ListAttachedRolePolicies': (ctx) => {
    const r = role(ctx, ctx.input.RoleName);
    const managed = everywhere(ctx, 'AWS::IAM::ManagedPolicy').filter((m) =>
      ((m.props.Roles as string[] | undefined) ?? []).includes(r.physicalId),
    );
    const arns = [...((r.props.ManagedPolicyArns as string[] | undefined) ?? []), ...managed.map((m) => m.physicalId)];
    return {
      AttachedPolicies: arns.map((arn) => ({ PolicyArn: arn, PolicyName: arn.split('/').pop() })),
      IsTruncated: false,
    };
  },
  'IAM.ListRolePolicies': (ctx) => {
    const r = role(ctx, ctx.input.RoleName);
    const inline = ((r.props.Policies as { PolicyName: string }[] | undefined) ?? []).map((p) => p.PolicyName);
    const separate = everywhere(ctx, 'AWS::IAM::Policy')
      .filter((p) => ((p.props.Roles as string[] | undefined) ?? []).includes(r.physicalId))
      .map((p) => String(p.props.PolicyName));
    return { PolicyNames: [...inline, ...separate], IsTruncated: false };
  },

  'CloudWatch.DescribeAlarms': (ctx) => {
    const names = (ctx.input.AlarmNames as string[] | undefined) ?? [];
    const prefix = String(ctx.input.AlarmNamePrefix ?? '');
    const alarms = inRegion(ctx, 'AWS::CloudWatch::Alarm')
      .filter((r) => (!names.length || names.includes(r.physicalId)) && r.physicalId.startsWith(prefix))
      .map((r) => ({
        AlarmName: r.physicalId,
        AlarmArn: String(r.attrs.Arn),
        AlarmDescription: r.props.AlarmDescription as string | undefined,
        ActionsEnabled: r.props.ActionsEnabled !== false,
        AlarmActions: (r.props.AlarmActions as string[] | undefined) ?? [],
        OKActions: (r.props.OKActions as string[] | undefined) ?? [],
        InsufficientDataActions: [],
        StateValue: 'OK' as const,
        StateReason: 'Simulated by the ScaleLab sandbox: no datapoints breach the threshold.',
        StateUpdatedTimestamp: new Date(r.createdAt),
        MetricName: r.props.MetricName as string | undefined,
        Namespace: r.props.Namespace as string | undefined,
        Statistic: r.props.Statistic as 'Average' | undefined,
        Dimensions: (r.props.Dimensions as { Name: string; Value: string }[] | undefined) ?? [],
        Period: r.props.Period === undefined ? undefined : Number(r.props.Period),
        EvaluationPeriods: Number(r.props.EvaluationPeriods),
        Threshold: r.props.Threshold === undefined ? undefined : Number(r.props.Threshold),
        ComparisonOperator: String(r.props.ComparisonOperator) as 'GreaterThanThreshold',
        Metrics: r.props.Metrics as never,
      }));
    const p = page(alarms, ctx.input, { sizeKey: 'MaxRecords', maxSize: 100 });
    return { MetricAlarms: p.items, CompositeAlarms: [], ...p.token };
  },
  'CloudWatch.ListDashboards': (ctx) => ({
    DashboardEntries: inRegion(ctx, 'AWS::CloudWatch::Dashboard')
      .filter((r) => r.physicalId.startsWith(String(ctx.input.DashboardNamePrefix ?? '')))
      .map((r) => ({
        DashboardName: r.physicalId,
        DashboardArn: String(r.attrs.Arn),
        LastModified: new Date(r.createdAt),
        Size: String(r.props.DashboardBody).length,
      })),
  }),

  'Route53.ListHostedZones': (ctx) => ({
    HostedZones: everywhere(ctx, 'AWS::Route53::HostedZone').map((z) => ({
      Id: `/hostedzone/${z.physicalId}`,
      Name: String(z.attrs.Name),
      CallerReference: z.physicalId,
      Config: {
        PrivateZone: Array.isArray(z.props.VPCs) && z.props.VPCs.length > 0,
        Comment: (z.props.HostedZoneConfig as Record<string, string> | undefined)?.Comment,
      },
      ResourceRecordSetCount:
        2 + everywhere(ctx, 'AWS::Route53::RecordSet').filter((r) => r.attrs.HostedZoneId === z.physicalId).length,
    })),
    IsTruncated: false,
    MaxItems: 100,
  }),
  'Route53.ListResourceRecordSets': (ctx) => {
    const id = String(ctx.input.HostedZoneId).replace('/hostedzone/', '');
    const zone = everywhere(ctx, 'AWS::Route53::HostedZone').find((z) => z.physicalId === id);
    if (!zone) throw awsError('NoSuchHostedZone', `No hosted zone found with ID: ${id}`, 404);
    const name = String(zone.attrs.Name);
    const sets = [
      {
        Name: name,
        Type: 'NS' as const,
        TTL: 172800,
        ResourceRecords: (zone.attrs.NameServers as string[]).map((v) => ({ Value: `${v}.` })),
      },
      {
        Name: name,
        Type: 'SOA' as const,
        TTL: 900,
        ResourceRecords: [
          {
            Value: `${(zone.attrs.NameServers as string[])[0]}. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`,
          },
        ],
      },
      ...everywhere(ctx, 'AWS::Route53::RecordSet')
        .filter((r) => r.attrs.HostedZoneId === zone.physicalId)
        .map((r) => {
          const alias = r.props.AliasTarget as Record<string, unknown> | undefined;
          return {
            Name: String(r.attrs.Fqdn),
            Type: String(r.props.Type) as 'A',
            SetIdentifier: r.props.SetIdentifier as string | undefined,
            Failover: r.props.Failover as 'PRIMARY' | undefined,
            Weight: r.props.Weight === undefined ? undefined : Number(r.props.Weight),
            Region: r.props.Region as 'us-east-1' | undefined,
            HealthCheckId: r.props.HealthCheckId as string | undefined,
            TTL: r.props.TTL === undefined ? undefined : Number(r.props.TTL),
            ResourceRecords: alias
              ? undefined
              : ((r.props.ResourceRecords as string[]) ?? []).map((v) => ({ Value: String(v) })),
            AliasTarget: alias
              ? {
                  HostedZoneId: String(alias.HostedZoneId),
                  DNSName: String(alias.DNSName).endsWith('.') ? String(alias.DNSName) : `${String(alias.DNSName)}.`,
                  EvaluateTargetHealth: alias.EvaluateTargetHealth === true,
                }
              : undefined,
          };
        }),
    ];
    return { ResourceRecordSets: sets, IsTruncated: false, MaxItems: 300 };
  },
  'Route53.GetHealthCheck': (ctx) => {
    const h = everywhere(ctx, 'AWS::Route53::HealthCheck').find((x) => x.physicalId === ctx.input.HealthCheckId);
    if (!h)
      throw awsError(
        'NoSuchHealthCheck',
        `A health check with id ${String(ctx.input.HealthCheckId)} does not exist.`,
        404,
      );
    return {
      HealthCheck: {
        Id: h.physicalId,
        CallerReference: h.physicalId,
        HealthCheckConfig: h.props.HealthCheckConfig,
        HealthCheckVersion: 1,
      },
    };
  },
  'Route53.ListHealthChecks': (ctx) => ({
    HealthChecks: everywhere(ctx, 'AWS::Route53::HealthCheck').map((h) => ({
      Id: h.physicalId,
      CallerReference: h.physicalId,
      HealthCheckConfig: h.props.HealthCheckConfig,
      HealthCheckVersion: 1,
    })),
    IsTruncated: false,
    MaxItems: 100,
    Marker: '',
  }),

  'CloudTrail.DescribeTrails': (ctx) => ({
    // A multi-region trail shows in every region (a "shadow trail" outside its home region) unless shadows are left out.
    trailList: everywhere(ctx, 'AWS::CloudTrail::Trail')
      .filter((t) => t.region === ctx.region || (multiRegion(t) && ctx.input.includeShadowTrails !== false))
      .filter((t) => {
        const names = (ctx.input.trailNameList as string[] | undefined) ?? [];
        return !names.length || names.includes(t.physicalId) || names.includes(String(t.attrs.Arn));
      })
      .map((t) => ({
        Name: t.physicalId,
        TrailARN: String(t.attrs.Arn),
        S3BucketName: String(t.props.S3BucketName),
        HomeRegion: t.region,
        IsMultiRegionTrail: multiRegion(t),
        IncludeGlobalServiceEvents: t.props.IncludeGlobalServiceEvents !== false,
        LogFileValidationEnabled: flag(t.props.EnableLogFileValidation),
        IsOrganizationTrail: false,
        HasCustomEventSelectors: Boolean(t.props.EventSelectors),
        HasInsightSelectors: false,
      })),
  }),
  'CloudTrail.GetTrailStatus': (ctx) => {
    const t = everywhere(ctx, 'AWS::CloudTrail::Trail').find(
      (x) => x.physicalId === ctx.input.Name || x.attrs.Arn === ctx.input.Name,
    );
    if (!t)
      throw awsError(
        'TrailNotFoundException',
        `Unknown trail: ${String(ctx.input.Name)} for the user: ${ctx.state.accountId}`,
      );
    return { IsLogging: t.props.IsLogging === true || t.props.IsLogging === 'true' };
  },

  'GuardDuty.ListDetectors': (ctx) => ({
    DetectorIds: inRegion(ctx, 'AWS::GuardDuty::Detector').map((d) => d.physicalId),
  }),
  'GuardDuty.GetDetector': (ctx) => {
    const d = inRegion(ctx, 'AWS::GuardDuty::Detector').find((x) => x.physicalId === ctx.input.DetectorId);
    if (!d)
      throw awsError(
        'BadRequestException',
        'The request is rejected because the input detectorId is not owned by the current account.',
      );
    return {
      Status: d.props.Enable === true || d.props.Enable === 'true' ? 'ENABLED' : 'DISABLED',
      ServiceRole: `arn:aws:iam::${ctx.state.accountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
      FindingPublishingFrequency: String(d.props.FindingPublishingFrequency ?? 'SIX_HOURS'),
      CreatedAt: d.createdAt,
      UpdatedAt: d.createdAt,
      Tags: Object.fromEntries(d.tags.map((t) => [t.Key, t.Value])),
    };
  },
};
