import type { AutoScalingGroup, ScalingPolicy } from '@aws-sdk/client-auto-scaling';
import type {
  Listener,
  LoadBalancer,
  TargetGroup,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { DBCluster, DBInstance, DBSubnetGroup } from '@aws-sdk/client-rds';
import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { page } from '../pagination';
import { forwardedGroups } from '../resources/load-balancing';
import type { ResourceRecord } from '../state';
import { inRegion, tagList } from './common';

const rdsPage = <T>(ctx: CallContext, items: T[], key: string) => {
  const p = page(items, ctx.input, { sizeKey: 'MaxRecords', tokenKey: 'Marker', maxSize: 100 });
  return { [key]: p.items, ...p.token };
};
const elbPage = <T>(ctx: CallContext, items: T[], key: string) => {
  const p = page(items, ctx.input, {
    sizeKey: 'PageSize',
    tokenKey: 'Marker',
    outputTokenKey: 'NextMarker',
    maxSize: 400,
  });
  return { [key]: p.items, ...p.token };
};

function subnetGroupShape(ctx: CallContext, name: string): DBSubnetGroup | undefined {
  const g = inRegion(ctx, 'AWS::RDS::DBSubnetGroup').find((x) => x.physicalId === name);
  if (!g) return undefined;
  const subnets = inRegion(ctx, 'AWS::EC2::Subnet');
  return {
    DBSubnetGroupName: g.physicalId,
    DBSubnetGroupDescription: String(g.props.DBSubnetGroupDescription),
    VpcId: String(g.attrs.VpcId),
    SubnetGroupStatus: 'Complete',
    DBSubnetGroupArn: String(g.attrs.DBSubnetGroupArn),
    Subnets: ((g.props.SubnetIds as string[]) ?? []).map((id) => ({
      SubnetIdentifier: id,
      SubnetAvailabilityZone: { Name: String(subnets.find((s) => s.physicalId === id)?.attrs.AvailabilityZone ?? '') },
      SubnetStatus: 'Active',
    })),
    SupportedNetworkTypes: ['IPV4'],
  };
}

function dbShape(ctx: CallContext, r: ResourceRecord): DBInstance {
  const a = r.attrs;
  const all = inRegion(ctx, 'AWS::RDS::DBInstance');
  return {
    DBInstanceIdentifier: r.physicalId,
    DBInstanceArn: String(a.DBInstanceArn),
    DBInstanceClass: String(a.DBInstanceClass),
    Engine: String(a.Engine),
    EngineVersion: String(a.EngineVersion),
    DBInstanceStatus: 'available',
    MasterUsername: r.props.MasterUsername as string | undefined,
    DBName: r.props.DBName as string | undefined,
    Endpoint: {
      Address: String(a['Endpoint.Address']),
      Port: Number(a['Endpoint.Port']),
      HostedZoneId: 'Z2R2ITUGPM61AM',
    },
    AllocatedStorage: Number(a.AllocatedStorage),
    InstanceCreateTime: new Date(r.createdAt),
    BackupRetentionPeriod: Number(a.BackupRetentionPeriod),
    VpcSecurityGroups: ((a.VPCSecurityGroups as string[]) ?? []).map((g) => ({
      VpcSecurityGroupId: g,
      Status: 'active',
    })),
    DBSubnetGroup: subnetGroupShape(ctx, String(a.DBSubnetGroupName)),
    AvailabilityZone: String(a.AvailabilityZone),
    SecondaryAvailabilityZone: a.SecondaryAvailabilityZone as string | undefined,
    MultiAZ: a.MultiAZ === true,
    PubliclyAccessible: a.PubliclyAccessible === true,
    StorageEncrypted: a.StorageEncrypted === true,
    StorageType: String(r.props.StorageType ?? 'gp2'),
    DbiResourceId: String(a.DbiResourceId),
    DeletionProtection: r.props.DeletionProtection === true || r.props.DeletionProtection === 'true',
    ReadReplicaSourceDBInstanceIdentifier: a.SourceDBInstanceIdentifier as string | undefined,
    ReadReplicaDBInstanceIdentifiers: all
      .filter((x) => x.attrs.SourceDBInstanceIdentifier === r.physicalId)
      .map((x) => x.physicalId),
    DBClusterIdentifier: a.DBClusterIdentifier as string | undefined,
    AutoMinorVersionUpgrade: true,
    TagList: tagList(r),
  };
}

function clusterShape(ctx: CallContext, r: ResourceRecord): DBCluster {
  const a = r.attrs;
  const members = inRegion(ctx, 'AWS::RDS::DBInstance')
    .filter((i) => i.attrs.DBClusterIdentifier === r.physicalId)
    .sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  return {
    DBClusterIdentifier: r.physicalId,
    DBClusterArn: String(a.DBClusterArn),
    Engine: String(a.Engine),
    EngineVersion: String(a.EngineVersion),
    Status: 'available',
    Endpoint: String(a['Endpoint.Address']),
    ReaderEndpoint: String(a['ReadEndpoint.Address']),
    Port: Number(a['Endpoint.Port']),
    MultiAZ: new Set(members.map((m) => m.attrs.AvailabilityZone)).size > 1,
    AvailabilityZones: a.AvailabilityZones as string[],
    DBSubnetGroup: String(a.DBSubnetGroupName),
    StorageEncrypted: a.StorageEncrypted === true,
    DbClusterResourceId: String(a.DBClusterResourceId),
    VpcSecurityGroups: ((a.VpcSecurityGroupIds as string[]) ?? []).map((g) => ({
      VpcSecurityGroupId: g,
      Status: 'active',
    })),
    DBClusterMembers: members.map((m, i) => ({
      DBInstanceIdentifier: m.physicalId,
      IsClusterWriter: i === 0,
      PromotionTier: 1,
      DBClusterParameterGroupStatus: 'in-sync',
    })),
    GlobalClusterIdentifier: a.GlobalClusterIdentifier as string | undefined,
    ClusterCreateTime: new Date(r.createdAt),
    TagList: tagList(r),
  } as DBCluster;
}

/** Instances registered with a target group: its own Targets plus what Auto Scaling groups attached to it launched. */
function targetsOf(ctx: CallContext, tg: ResourceRecord): { id: string; port: number }[] {
  const own = ((tg.props.Targets as Record<string, unknown>[] | undefined) ?? []).map((t) => ({
    id: String(t.Id),
    port: Number(t.Port ?? tg.props.Port),
  }));
  const fromGroups = inRegion(ctx, 'AWS::AutoScaling::AutoScalingGroup')
    .filter((g) => ((g.props.TargetGroupARNs as string[] | undefined) ?? []).includes(tg.physicalId))
    .flatMap((g) =>
      inRegion(ctx, 'AWS::EC2::Instance').filter(
        (i) => i.parent === `AWS::AutoScaling::AutoScalingGroup|${g.physicalId}`,
      ),
    )
    .map((i) => ({ id: i.physicalId, port: Number(tg.props.Port) }));
  return [...own, ...fromGroups];
}

function balancersOf(ctx: CallContext, tgArn: string): string[] {
  const listeners = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::Listener');
  const rules = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::ListenerRule');
  const out = new Set<string>();
  for (const l of listeners)
    if (forwardedGroups(l.props.DefaultActions).includes(tgArn)) out.add(String(l.props.LoadBalancerArn));
  for (const r of rules)
    if (forwardedGroups(r.props.Actions).includes(tgArn)) {
      const l = listeners.find((x) => x.physicalId === r.props.ListenerArn);
      if (l) out.add(String(l.props.LoadBalancerArn));
    }
  return [...out];
}

export const computeHandlers: Handlers = {
  'RDS.DescribeDBInstances': (ctx) => {
    const id = ctx.input.DBInstanceIdentifier as string | undefined;
    const items = inRegion(ctx, 'AWS::RDS::DBInstance').filter(
      (r) => !id || r.physicalId === id.toLowerCase() || r.attrs.DBInstanceArn === id,
    );
    if (id && !items.length) throw awsError('DBInstanceNotFoundFault', `DBInstance ${id} not found.`, 404);
    return rdsPage(
      ctx,
      items.map((r) => dbShape(ctx, r)),
      'DBInstances',
    );
  },
  'RDS.DescribeDBClusters': (ctx) => {
    const id = ctx.input.DBClusterIdentifier as string | undefined;
    const items = inRegion(ctx, 'AWS::RDS::DBCluster').filter(
      (r) => !id || r.physicalId === id.toLowerCase() || r.attrs.DBClusterArn === id,
    );
    if (id && !items.length) throw awsError('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404);
    return rdsPage(
      ctx,
      items.map((r) => clusterShape(ctx, r)),
      'DBClusters',
    );
  },
  'RDS.DescribeDBSubnetGroups': (ctx) => {
    const name = ctx.input.DBSubnetGroupName as string | undefined;
    const items = inRegion(ctx, 'AWS::RDS::DBSubnetGroup').filter((r) => !name || r.physicalId === name.toLowerCase());
    if (name && !items.length) throw awsError('DBSubnetGroupNotFoundFault', `DBSubnetGroup ${name} not found.`, 404);
    return rdsPage(
      ctx,
      items.map((r) => subnetGroupShape(ctx, r.physicalId)!),
      'DBSubnetGroups',
    );
  },

  'ElasticLoadBalancingV2.DescribeLoadBalancers': (ctx) => {
    const arns = (ctx.input.LoadBalancerArns as string[] | undefined) ?? [];
    const names = (ctx.input.Names as string[] | undefined) ?? [];
    const items: LoadBalancer[] = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::LoadBalancer')
      .filter(
        (r) =>
          (!arns.length || arns.includes(r.physicalId)) &&
          (!names.length || names.includes(String(r.attrs.LoadBalancerName))),
      )
      .map((r) => ({
        LoadBalancerArn: r.physicalId,
        LoadBalancerName: String(r.attrs.LoadBalancerName),
        DNSName: String(r.attrs.DNSName),
        CanonicalHostedZoneId: String(r.attrs.CanonicalHostedZoneID),
        CreatedTime: new Date(r.createdAt),
        Scheme: r.attrs.Scheme as LoadBalancer['Scheme'],
        Type: r.attrs.Type as LoadBalancer['Type'],
        VpcId: String(r.attrs.VpcId),
        State: { Code: 'active' },
        IpAddressType: 'ipv4',
        SecurityGroups: r.attrs.SecurityGroups as string[],
        AvailabilityZones: [
          ...((r.props.Subnets as string[] | undefined) ?? []),
          ...((r.props.SubnetMappings as { SubnetId: string }[] | undefined) ?? []).map((m) => m.SubnetId),
        ].map((s) => ({
          SubnetId: s,
          ZoneName: String(
            inRegion(ctx, 'AWS::EC2::Subnet').find((x) => x.physicalId === s)?.attrs.AvailabilityZone ?? '',
          ),
        })),
      }));
    if ((arns.length || names.length) && !items.length)
      throw awsError('LoadBalancerNotFoundException', 'One or more load balancers not found', 400);
    return elbPage(ctx, items, 'LoadBalancers');
  },
  'ElasticLoadBalancingV2.DescribeTargetGroups': (ctx) => {
    const { LoadBalancerArn: lb, TargetGroupArns: arns = [], Names: names = [] } = ctx.input;
    const items: TargetGroup[] = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::TargetGroup')
      .map((r) => {
        const hc = r.props as Record<string, unknown>;
        return {
          TargetGroupArn: r.physicalId,
          TargetGroupName: String(r.attrs.TargetGroupName),
          Protocol: hc.Protocol as TargetGroup['Protocol'],
          Port: hc.Port === undefined ? undefined : Number(hc.Port),
          VpcId: hc.VpcId as string | undefined,
          TargetType: (hc.TargetType as TargetGroup['TargetType']) ?? 'instance',
          HealthCheckProtocol:
            (hc.HealthCheckProtocol as TargetGroup['HealthCheckProtocol']) ?? (hc.Protocol as TargetGroup['Protocol']),
          HealthCheckPath: (hc.HealthCheckPath as string | undefined) ?? '/',
          HealthCheckPort: String(hc.HealthCheckPort ?? 'traffic-port'),
          HealthCheckEnabled: true,
          HealthCheckIntervalSeconds: Number(hc.HealthCheckIntervalSeconds ?? 30),
          HealthCheckTimeoutSeconds: Number(hc.HealthCheckTimeoutSeconds ?? 5),
          HealthyThresholdCount: Number(hc.HealthyThresholdCount ?? 5),
          UnhealthyThresholdCount: Number(hc.UnhealthyThresholdCount ?? 2),
          LoadBalancerArns: balancersOf(ctx, r.physicalId),
          IpAddressType: 'ipv4' as const,
        };
      })
      .filter(
        (t) =>
          (!lb || t.LoadBalancerArns?.includes(lb)) &&
          (!arns.length || arns.includes(t.TargetGroupArn)) &&
          (!names.length || names.includes(t.TargetGroupName)),
      );
    return elbPage(ctx, items, 'TargetGroups');
  },
  'ElasticLoadBalancingV2.DescribeTargetHealth': (ctx) => {
    const tg = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::TargetGroup').find(
      (r) => r.physicalId === ctx.input.TargetGroupArn,
    );
    if (!tg)
      throw awsError('TargetGroupNotFoundException', `Target groups '${String(ctx.input.TargetGroupArn)}' not found`);
    const inUse = balancersOf(ctx, tg.physicalId).length > 0;
    const instances = inRegion(ctx, 'AWS::EC2::Instance');
    const descriptions: TargetHealthDescription[] = targetsOf(ctx, tg).map((t) => {
      const instance = instances.find((i) => i.physicalId === t.id);
      return {
        Target: {
          Id: t.id,
          Port: t.port,
          AvailabilityZone: instance ? String(instance.attrs.AvailabilityZone) : undefined,
        },
        HealthCheckPort: String(t.port),
        TargetHealth: !instance
          ? { State: 'unavailable', Reason: 'Target.InvalidState', Description: 'Target is in the stopped state' }
          : inUse
            ? { State: 'healthy' }
            : {
                State: 'unused',
                Reason: 'Target.NotInUse',
                Description: 'Target group is not configured to receive traffic from the load balancer',
              },
      };
    });
    return { TargetHealthDescriptions: descriptions };
  },
  'ElasticLoadBalancingV2.DescribeListeners': (ctx) => {
    const { LoadBalancerArn: lb, ListenerArns: arns = [] } = ctx.input;
    const items: Listener[] = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::Listener')
      .filter((r) => (!lb || r.props.LoadBalancerArn === lb) && (!arns.length || arns.includes(r.physicalId)))
      .map((r) => ({
        ListenerArn: r.physicalId,
        LoadBalancerArn: String(r.props.LoadBalancerArn),
        Port: Number(r.props.Port),
        Protocol: (r.props.Protocol as Listener['Protocol']) ?? 'HTTP',
        Certificates: r.props.Certificates as Listener['Certificates'],
        SslPolicy: r.props.SslPolicy as string | undefined,
        DefaultActions: r.props.DefaultActions as Listener['DefaultActions'],
      }));
    return elbPage(ctx, items, 'Listeners');
  },
  'ElasticLoadBalancingV2.DescribeRules': (ctx) => {
    const items = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::ListenerRule')
      .filter((r) => !ctx.input.ListenerArn || r.props.ListenerArn === ctx.input.ListenerArn)
      .map((r) => ({
        RuleArn: r.physicalId,
        Priority: String(r.props.Priority),
        Conditions: r.props.Conditions,
        Actions: r.props.Actions,
        IsDefault: false,
      }));
    return elbPage(ctx, items, 'Rules');
  },

  'AutoScaling.DescribeAutoScalingGroups': (ctx) => {
    const names = (ctx.input.AutoScalingGroupNames as string[] | undefined) ?? [];
    const items: AutoScalingGroup[] = inRegion(ctx, 'AWS::AutoScaling::AutoScalingGroup')
      .filter((r) => !names.length || names.includes(r.physicalId))
      .map((r) => {
        const p = r.props;
        const instances = inRegion(ctx, 'AWS::EC2::Instance').filter(
          (i) => i.parent === `AWS::AutoScaling::AutoScalingGroup|${r.physicalId}`,
        );
        const subnets = ((p.VPCZoneIdentifier as string[] | undefined) ?? []).map(String);
        const lt = p.LaunchTemplate as Record<string, string> | undefined;
        return {
          AutoScalingGroupName: r.physicalId,
          AutoScalingGroupARN: String(r.attrs.Arn),
          MinSize: Number(p.MinSize),
          MaxSize: Number(p.MaxSize),
          DesiredCapacity: Number(p.DesiredCapacity ?? p.MinSize),
          DefaultCooldown: Number(p.Cooldown ?? 300),
          AvailabilityZones: [
            ...new Set(
              subnets.map((s) =>
                String(inRegion(ctx, 'AWS::EC2::Subnet').find((x) => x.physicalId === s)?.attrs.AvailabilityZone ?? ''),
              ),
            ),
          ],
          VPCZoneIdentifier: subnets.join(','),
          HealthCheckType: String(p.HealthCheckType ?? 'EC2'),
          HealthCheckGracePeriod: Number(p.HealthCheckGracePeriod ?? 0),
          TargetGroupARNs: (p.TargetGroupARNs as string[] | undefined) ?? [],
          LoadBalancerNames: [],
          LaunchTemplate: lt
            ? { LaunchTemplateId: lt.LaunchTemplateId, LaunchTemplateName: lt.LaunchTemplateName, Version: lt.Version }
            : undefined,
          CreatedTime: new Date(r.createdAt),
          Instances: instances.map((i) => ({
            InstanceId: i.physicalId,
            InstanceType: String(i.attrs.InstanceType),
            AvailabilityZone: String(i.attrs.AvailabilityZone),
            LifecycleState: 'InService',
            HealthStatus: 'Healthy',
            ProtectedFromScaleIn: false,
            LaunchTemplate: lt ? { LaunchTemplateId: lt.LaunchTemplateId, Version: lt.Version } : undefined,
          })),
          Tags: r.tags.map((t) => ({
            ResourceId: r.physicalId,
            ResourceType: 'auto-scaling-group',
            Key: t.Key,
            Value: t.Value,
            PropagateAtLaunch: false,
          })),
          TerminationPolicies: ['Default'],
          NewInstancesProtectedFromScaleIn: false,
          ServiceLinkedRoleARN: `arn:aws:iam::${ctx.state.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
        } as AutoScalingGroup;
      });
    const p = page(items, ctx.input, { sizeKey: 'MaxRecords', maxSize: 100 });
    return { AutoScalingGroups: p.items, ...p.token };
  },
  'AutoScaling.DescribePolicies': (ctx) => {
    const group = ctx.input.AutoScalingGroupName as string | undefined;
    const items: ScalingPolicy[] = inRegion(ctx, 'AWS::AutoScaling::ScalingPolicy')
      .filter((r) => !group || r.attrs.AutoScalingGroupName === group)
      .map((r) => ({
        AutoScalingGroupName: String(r.attrs.AutoScalingGroupName),
        PolicyName: String(r.attrs.PolicyName),
        PolicyARN: r.physicalId,
        PolicyType: String(r.props.PolicyType ?? 'SimpleScaling'),
        AdjustmentType: r.props.AdjustmentType as string | undefined,
        ScalingAdjustment: r.props.ScalingAdjustment === undefined ? undefined : Number(r.props.ScalingAdjustment),
        TargetTrackingConfiguration: r.props
          .TargetTrackingConfiguration as ScalingPolicy['TargetTrackingConfiguration'],
        StepAdjustments: r.props.StepAdjustments as ScalingPolicy['StepAdjustments'],
        Alarms: [],
        Enabled: true,
      }));
    const p = page(items, ctx.input, { sizeKey: 'MaxRecords', maxSize: 100 });
    return { ScalingPolicies: p.items, ...p.token };
  },
};
