import type { AutoScalingGroup, ScalingPolicy } from '@aws-sdk/client-auto-scaling';
import type { Stack } from '@aws-sdk/client-cloudformation';
import type { DistributionSummary } from '@aws-sdk/client-cloudfront';
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import {
  type Address,
  DescribeAddressesCommand,
  DescribeVpcsCommand,
  type Instance,
  paginateDescribeInstances,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  type RouteTable,
  type SecurityGroup,
  type Subnet,
} from '@aws-sdk/client-ec2';
import type { LoadBalancer, TargetGroup, TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import { type DBInstance, paginateDescribeDBInstances } from '@aws-sdk/client-rds';
import type { AwsClients } from '@/lib/aws/clients';
import { currentStack } from '@/lib/stacks/current-stack';
import { asgSubnetIds, loadAutoScalingGroups, loadScalingPolicies } from './auto-scaling';
import { loadDistributions, type StaticContent, traceLabDistributions, traceStaticContent } from './cloudfront';
import { loadTrails, type TrailState } from './cloudtrail';
import { loadAlarms } from './cloudwatch';
import { loadLabDashboards } from './dashboards';
import { DecoupledReads } from './decoupled';
import { type LabTable, loadNamedTables, loadTaggedTables, loadTimeToLive } from './dynamodb';
import { type CacheGroup, loadCacheGroups } from './elasticache';
import {
  type LaunchConfiguration,
  launchConfigurationOf,
  loadDefaultHostManagementRole,
  loadSsmView,
  type SsmView,
} from './fleet';
import { type DetectorState, loadDetectors } from './guardduty';
import { type HttpProbe, probeHttp } from './http';
import { type FleetProfile, loadAttachedPolicies, loadInstanceProfiles, profileNameFromArn } from './iam';
import { findByLabRule, roleFirst } from './lab-resources';
import { isLaterRead, type LaterRead, laterReads } from './later-reads';
import {
  isInternetFacingAlb,
  loadBalancerAzs,
  loadLoadBalancers,
  loadTargetGroups,
  loadTargetHealth,
  type PlacedTarget,
  placeTargets,
  targetGroupsOf,
} from './load-balancing';
import { collect, Memo } from './memo';
import { MultiRegionReads } from './multi-region';
import { replicasOf } from './rds';
import { type BucketAccess, loadBucketAccess, loadLabBuckets, loadTaggedBuckets } from './s3';
import { type SecurityChain, traceSecurityChain } from './security-chain';

/** Which lab a run grades: the learner's lab stack (its `VpcId` output) and the `scalelab:lab` tag value. */
export interface LabScope {
  stackName: string;
}

/**
 * What checks read. Every describe is called at most once per run (memoized), through the SDK's paginators, and
 * scoped to the lab VPC, so a check run costs a handful of calls however many checks read the same resources.
 * Resources a learner made by hand inside the lab VPC are graded like the stack's own.
 */
/** Inventory reads without arguments, which a run can start ahead of the checks that need them. */
export type Prefetchable =
  | 'stack'
  | 'instances'
  | 'securityGroups'
  | 'subnets'
  | 'routeTables'
  | 'addresses'
  | 'dbInstances'
  | 'loadBalancers'
  | 'targetGroups'
  | 'autoScalingGroups'
  | 'webGroup'
  | 'webLaunchConfiguration'
  | 'ssmView'
  | 'defaultHostManagementRole'
  | 'scalingPolicies'
  | 'alarms'
  | 'distributions'
  | 'staticBucket'
  | 'securityChain'
  | 'staticContent'
  | 'labDistributions'
  | 'caches'
  | 'sessionTables'
  | 'fleetProfiles'
  | 'trails'
  | 'detectors'
  | 'labDashboards'
  | LaterRead;

export class Inventory {
  private readonly memo = new Memo();
  /** Stage 05's reads: internal ALB, five-tier chain, queues, worker scaling, S3 endpoint, topics, serverless. */
  readonly decoupled: DecoupledReads = new DecoupledReads(this, this.memo);
  /** Stage 06's reads: the second region, global table, Aurora, Route 53 failover, S3 replication. */
  readonly global: MultiRegionReads = new MultiRegionReads(this, this.memo, (c) => new Inventory(c, this.scope));

  constructor(
    readonly clients: AwsClients,
    readonly scope: LabScope,
  ) {}

  get isSandbox(): boolean {
    return this.clients.account.kind === 'sandbox';
  }

  /**
   * Start these reads now, without waiting for them: the checks that need them later find them in flight (memoized).
   * Errors are left for the checks to meet and report.
   */
  prefetch(reads: Iterable<Prefetchable>): void {
    for (const read of new Set(reads)) {
      const started =
        read === 'scalingPolicies'
          ? loadScalingPolicies(this.clients, this.memo)
          : isLaterRead(read)
            ? laterReads[read](this)
            : (this[read]() as Promise<unknown>);
      started.catch(() => undefined);
    }
  }

  /** The lab stack, or undefined when it does not exist (yet, or any more). */
  stack(): Promise<Stack | undefined> {
    return this.memo.get('stack', () => currentStack(this.clients, this.scope.stackName));
  }

  async stackOutput(key: string): Promise<string | undefined> {
    return (await this.stack())?.Outputs?.find((o) => o.OutputKey === key)?.OutputValue;
  }

  /** The lab VPC: the stack's `VpcId` output, else a VPC tagged `scalelab:lab=<stack name>`. */
  vpcId(): Promise<string | undefined> {
    return this.memo.get('vpcId', async () => {
      const fromStack = await this.stackOutput('VpcId');
      if (fromStack) return fromStack;
      const out = await this.clients.ec2.send(
        new DescribeVpcsCommand({ Filters: [{ Name: 'tag:scalelab:lab', Values: [this.scope.stackName] }] }),
      );
      return out.Vpcs?.[0]?.VpcId;
    });
  }

  /**
   * An account-wide describe (the API has no VPC filter) is started at once, in parallel with finding the lab VPC,
   * and filtered to the lab afterwards: the run does not wait a round-trip for the VPC id first. Without a lab VPC
   * the result is empty, and a failure of the describe does not matter.
   */
  private async accountWide<T>(load: () => Promise<T[]>, inLab: (item: T, vpcId: string) => boolean): Promise<T[]> {
    const [vpc, all] = await Promise.allSettled([this.vpcId(), load()]);
    if (vpc.status === 'rejected') throw vpc.reason;
    if (!vpc.value) return [];
    if (all.status === 'rejected') throw all.reason;
    const vpcId = vpc.value;
    return all.value.filter((item) => inLab(item, vpcId));
  }

  /**
   * Resources inside the lab VPC, nothing when there is no lab VPC yet. The describe asks for the region's resources
   * (no `vpc-id` filter) at once, with the stack, and keeps the lab VPC's by their `VpcId`: the same resources a
   * filtered describe answers, one round-trip earlier (a lab account holds little beyond the lab and the default VPC).
   */
  private inVpc<T extends { VpcId?: string }>(key: string, load: () => Promise<T[]>): Promise<T[]> {
    return this.memo.get(key, () =>
      this.accountWide(
        () => this.memo.get(`ec2.${key}`, load),
        (item, vpcId) => item.VpcId === vpcId,
      ),
    );
  }

  /** Instances in the lab VPC that are not terminated. */
  instances(): Promise<Instance[]> {
    return this.inVpc('instances', async () => {
      const reservations = await collect(
        paginateDescribeInstances({ client: this.clients.ec2 }, {}),
        (p) => p.Reservations,
      );
      return reservations
        .flatMap((r) => r.Instances ?? [])
        .filter((i) => !['terminated', 'shutting-down'].includes(i.State?.Name ?? ''));
    });
  }

  securityGroups(): Promise<SecurityGroup[]> {
    return this.inVpc('securityGroups', () =>
      collect(paginateDescribeSecurityGroups({ client: this.clients.ec2 }, {}), (p) => p.SecurityGroups),
    );
  }

  async securityGroup(groupId: string): Promise<SecurityGroup | undefined> {
    return (await this.securityGroups()).find((g) => g.GroupId === groupId);
  }

  subnets(): Promise<Subnet[]> {
    return this.inVpc('subnets', () =>
      collect(paginateDescribeSubnets({ client: this.clients.ec2 }, {}), (p) => p.Subnets),
    );
  }

  routeTables(): Promise<RouteTable[]> {
    return this.inVpc('routeTables', () =>
      collect(paginateDescribeRouteTables({ client: this.clients.ec2 }, {}), (p) => p.RouteTables),
    );
  }

  /** Elastic IPs of the account's region (DescribeAddresses has no VPC filter and no paginator). */
  addresses(): Promise<Address[]> {
    return this.memo.get(
      'addresses',
      async () => (await this.clients.ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [],
    );
  }

  /** Is this subnet public: does its route table (or the VPC's main one) send 0.0.0.0/0 to an internet gateway? */
  async subnetIsPublic(subnetId: string): Promise<boolean> {
    const tables = await this.routeTables();
    const explicit = tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId));
    const table = explicit ?? tables.find((t) => t.Associations?.some((a) => a.Main));
    return (table?.Routes ?? []).some(
      (r) =>
        r.GatewayId?.startsWith('igw-') &&
        (r.DestinationCidrBlock === '0.0.0.0/0' || r.DestinationIpv6CidrBlock === '::/0'),
    );
  }

  /** Running web instances: the ones the lab tags `scalelab:role=web`. */
  async webInstances(): Promise<Instance[]> {
    return (await this.instances()).filter((i) => tag(i.Tags, 'scalelab:role') === 'web');
  }

  /** RDS DB instances whose subnet group is in the lab VPC (Aurora cluster members included). */
  dbInstances(): Promise<DBInstance[]> {
    return this.accountWide(
      () =>
        this.memo.get('rds.dbInstances', () =>
          collect(paginateDescribeDBInstances({ client: this.clients.rds }, {}), (p) => p.DBInstances),
        ),
      (db, vpcId) => db.DBSubnetGroup?.VpcId === vpcId && db.DBInstanceStatus !== 'deleting',
    );
  }

  /** The lab's primary database: a DB instance in the lab VPC that is not a read replica. */
  async primaryDatabase(): Promise<DBInstance | undefined> {
    const dbs = await this.dbInstances();
    return dbs.find((db) => !db.ReadReplicaSourceDBInstanceIdentifier && !db.DBClusterIdentifier) ?? dbs[0];
  }

  /**
   * GET a URL from the server, once per run, through the account's fetcher: the network on AWS, the sandbox's data
   * plane in the sandbox (which names the hop that dropped a request).
   */
  http(url: string): Promise<HttpProbe> {
    return this.memo.get(`http:${url}`, () => probeHttp(url, undefined, this.clients.fetch));
  }
  // ------------------------------------------------------------ stages 02–03: load balancing, scaling, static content

  /** Load balancers in the lab VPC (ALB, NLB, internal or internet-facing). */
  loadBalancers(): Promise<LoadBalancer[]> {
    return this.accountWide(
      () => loadLoadBalancers(this.clients, this.memo),
      (lb, vpcId) => lb.VpcId === vpcId && lb.State?.Code !== 'failed',
    );
  }

  /** Target groups in the lab VPC. */
  targetGroups(): Promise<TargetGroup[]> {
    return this.accountWide(
      () => loadTargetGroups(this.clients, this.memo),
      (tg, vpcId) => tg.VpcId === vpcId,
    );
  }

  targetHealth(targetGroupArn: string): Promise<TargetHealthDescription[]> {
    return loadTargetHealth(this.clients, this.memo, targetGroupArn);
  }

  /**
   * The lab's internet-facing ALB: the one the stack's `AlbDnsName` output names, else the one spanning the most AZs.
   */
  async labAlb(): Promise<LoadBalancer | undefined> {
    const [albs, dns] = await Promise.all([this.loadBalancers(), this.stackOutput('AlbDnsName')]);
    const facing = albs.filter(isInternetFacingAlb);
    return (
      facing.find((lb) => dns && lb.DNSName === dns) ??
      [...facing].sort((a, b) => loadBalancerAzs(b).length - loadBalancerAzs(a).length)[0]
    );
  }

  /** The target groups behind a load balancer, each with its targets placed in their AZs. */
  async albTargets(lb: LoadBalancer): Promise<{ targetGroup: TargetGroup; targets: PlacedTarget[] }[]> {
    // Target health is asked as soon as the groups are known, while the instances are still being described.
    const instances = this.instances();
    const groups = targetGroupsOf(lb, await this.targetGroups());
    return Promise.all(
      groups.map(async (targetGroup) => {
        const health = await this.targetHealth(targetGroup.TargetGroupArn ?? '');
        return { targetGroup, targets: placeTargets(health, await instances) };
      }),
    );
  }

  /** The security chain ALB → web → DB (see lib/inventory/security-chain.ts). */
  securityChain(): Promise<SecurityChain> {
    return this.memo.get('securityChain', () => traceSecurityChain(this));
  }

  /** Read replicas of the lab's primary database. */
  async readReplicas(): Promise<DBInstance[]> {
    const [primary, all] = await Promise.all([this.primaryDatabase(), this.dbInstances()]);
    return primary ? replicasOf(primary, all) : [];
  }

  /** Auto Scaling groups launching into the lab VPC's subnets. */
  async autoScalingGroups(): Promise<AutoScalingGroup[]> {
    const [groups, subnets] = await Promise.all([
      this.accountWide(
        () => loadAutoScalingGroups(this.clients, this.memo),
        (asg) => !asg.Status?.startsWith('Delete'),
      ),
      this.subnets(),
    ]);
    const lab = new Set(subnets.flatMap((s) => (s.SubnetId ? [s.SubnetId] : [])));
    return groups.filter((asg) => asgSubnetIds(asg).some((id) => lab.has(id)));
  }

  /**
   * The lab's web tier group, the one the `asg.*` checks judge, found by the lab rule (lab-resources.ts): the stack's
   * `WebAsgName` output, else a lab-VPC group tagged `scalelab:lab` (`scalelab:role=web` first), else one named
   * after the stack.
   */
  webGroup(): Promise<AutoScalingGroup | undefined> {
    return this.memo.get('webGroup', async () => {
      const groups = this.autoScalingGroups();
      const stackName = this.scope.stackName;
      const { found } = await findByLabRule({
        fromOutput: async () => {
          const name = await this.stackOutput('WebAsgName');
          return name ? (await groups).filter((g) => g.AutoScalingGroupName === name) : [];
        },
        tagged: async () =>
          roleFirst(
            (await groups).filter((g) => tag(g.Tags, 'scalelab:lab') === stackName),
            (g) => tag(g.Tags, 'scalelab:role'),
            'web',
          ),
        named: async () => (await groups).filter((g) => g.AutoScalingGroupName?.startsWith(stackName)),
      });
      return found[0];
    });
  }

  /** What the web group's instances start with: its launch template version's user data. */
  async webLaunchConfiguration(): Promise<LaunchConfiguration | undefined> {
    const group = await this.webGroup();
    return group ? launchConfigurationOf(this.clients, this.memo, group) : undefined;
  }

  /** Systems Manager's own view of the instances (in the sandbox no SSM agent runs, and the view says so). */
  ssmView(): Promise<SsmView> {
    if (this.isSandbox)
      return Promise.resolve({
        answered: false,
        reason: 'the sandbox simulates AWS resources; no SSM agent runs there',
      });
    return loadSsmView(this.clients, this.memo);
  }

  /** The role Default Host Management Configuration lends every instance of the region, when it is on. */
  defaultHostManagementRole(): Promise<string | undefined> {
    if (this.isSandbox) return Promise.resolve(undefined);
    return loadDefaultHostManagementRole(this.clients, this.memo);
  }

  /** The scaling policies of one Auto Scaling group. */
  async scalingPolicies(groupName: string): Promise<ScalingPolicy[]> {
    return (await loadScalingPolicies(this.clients, this.memo)).filter((p) => p.AutoScalingGroupName === groupName);
  }

  /**
   * The lab's static bucket, by the lab rule (lab-resources.ts): the stack's `StaticBucket` output, else a bucket
   * tagged `scalelab:lab` (`scalelab:role=static-bucket` first), else one named after the stack.
   */
  staticBucket(): Promise<string | undefined> {
    return this.memo.get('staticBucket', async () => {
      const output = await this.stackOutput('StaticBucket');
      if (!output && !(await this.vpcId())) return undefined;
      const stackName = this.scope.stackName;
      const { found } = await findByLabRule({
        fromOutput: async () => (output ? [output] : []),
        tagged: () => loadTaggedBuckets(this.clients, this.memo, stackName),
        named: async () => {
          const named = await loadLabBuckets(this.clients, this.memo, stackName);
          return [...named.filter((b) => b.includes('static')), ...named.filter((b) => !b.includes('static'))];
        },
      });
      return found[0];
    });
  }

  bucketAccess(bucket: string): Promise<BucketAccess> {
    return loadBucketAccess(this.clients, this.memo, bucket);
  }

  /** Every CloudFront distribution of the account (a global service: not scoped to the VPC). */
  distributions(): Promise<DistributionSummary[]> {
    return loadDistributions(this.clients, this.memo);
  }

  /** The static bucket, the distributions serving it (with their OAC) and its bucket policy's read grants. */
  staticContent(): Promise<StaticContent | undefined> {
    return this.memo.get('staticContent', () => traceStaticContent(this));
  }

  /** The lab's distributions: serving the static bucket, named by `DistributionDomain`, or in front of the lab ALB. */
  labDistributions(): Promise<DistributionSummary[]> {
    return this.memo.get('labDistributions', () => traceLabDistributions(this));
  }

  /** Every CloudWatch metric alarm of the region. */
  alarms(): Promise<MetricAlarm[]> {
    return loadAlarms(this.clients, this.memo);
  }
  // ------------------------------------------------------------ stage 04: cache, sessions, Systems Manager, audit

  /** ElastiCache replication groups whose nodes sit in the lab VPC (by their cache subnet group). */
  caches(): Promise<CacheGroup[]> {
    return this.accountWide(
      () => loadCacheGroups(this.clients, this.memo),
      (cache, vpcId) => cache.vpcId === vpcId,
    );
  }

  /**
   * The lab's session tables with their TTL, by the lab rule (lab-resources.ts): the stack's `SessionTable` output,
   * else tables tagged `scalelab:lab` (`scalelab:role=session-table` first), else tables named after the stack.
   * Nothing without a lab VPC.
   */
  sessionTables(): Promise<LabTable[]> {
    return this.memo.get('sessionTables', async () => {
      const stackName = this.scope.stackName;
      const [vpcId, output] = await Promise.all([this.vpcId(), this.stackOutput('SessionTable')]);
      if (!vpcId) return [];
      const { found: names } = await findByLabRule({
        fromOutput: async () => (output ? [output] : []),
        tagged: () => loadTaggedTables(this.clients, this.memo, stackName),
        named: () => loadNamedTables(this.clients, this.memo, stackName),
      });
      return Promise.all(
        names.map(async (name) => ({ name, ttl: await loadTimeToLive(this.clients, this.memo, name) })),
      );
    });
  }

  /** The instance profiles of the web fleet, each with its instances and its roles' managed policies. */
  fleetProfiles(): Promise<FleetProfile[]> {
    return this.memo.get('fleetProfiles', async () => {
      // The account's profiles are listed with the instances (their failure matters only for a profiled instance).
      const listed = loadInstanceProfiles(this.clients, this.memo);
      listed.catch(() => undefined);
      const byArn = new Map<string | undefined, string[]>();
      for (const i of await this.webInstances()) {
        const arn = i.IamInstanceProfile?.Arn;
        byArn.set(arn, [...(byArn.get(arn) ?? []), i.InstanceId ?? '?']);
      }
      return Promise.all(
        [...byArn].map(async ([arn, instanceIds]) => {
          if (!arn) return { arn, name: undefined, instanceIds, roles: [] };
          const name = profileNameFromArn(arn);
          const profile = (await listed).get(name);
          const roles = await Promise.all(
            (profile?.Roles ?? []).map(async (r) => ({
              name: r.RoleName ?? '?',
              policyArns: await loadAttachedPolicies(this.clients, this.memo, r.RoleName ?? ''),
            })),
          );
          return { arn, name, instanceIds, roles };
        }),
      );
    });
  }

  /** CloudTrail trails covering the lab region (account-wide), with the logging status of the multi-region ones. */
  trails(): Promise<TrailState[]> {
    return this.accountWide(
      () => loadTrails(this.clients, this.memo),
      () => true,
    );
  }

  /** GuardDuty detectors of the lab region (account-wide). */
  detectors(): Promise<DetectorState[]> {
    return this.accountWide(
      () => loadDetectors(this.clients, this.memo),
      () => true,
    );
  }

  /** CloudWatch dashboards of the lab: their name starts with the stack name. */
  labDashboards(): Promise<string[]> {
    return this.accountWide(
      () => loadLabDashboards(this.clients, this.memo, this.scope.stackName),
      () => true,
    );
  }
}

export function tag(tags: { Key?: string; Value?: string }[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.Key === key)?.Value;
}
