import type { Api, Integration } from '@aws-sdk/client-apigatewayv2';
import type { AutoScalingGroup, ScalingPolicy } from '@aws-sdk/client-auto-scaling';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { RouteTable, VpcEndpoint } from '@aws-sdk/client-ec2';
import type { LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { Subscription } from '@aws-sdk/client-sns';
import { asgSubnetIds, attachedTargetGroups } from './auto-scaling';
import { loadTableNames, tableNameFromArn } from './dynamodb';
import { type FiveTierChain, isInternalAlb, traceFiveTierChain } from './five-tier-chain';
import type { Inventory } from './inventory';
import { findByLabRule, roleFirst } from './lab-resources';
import type { Memo } from './memo';
import { bestQueueTracking, type QueueTracking } from './queue-scaling';
import { type LabQueue, loadNamedQueues, loadQueue, queueUrlOf } from './queues';
import {
  environmentValues,
  existingTables,
  integratedConfiguration,
  integratedFunction,
  loadApis,
  loadFunctions,
  loadIntegrations,
} from './serverless';
import { loadLabTagged, mappingTag } from './tagging';
import { loadSubscriptions, loadTopics, topicName } from './topics';
import { isS3Gateway, loadVpcEndpoints } from './vpc-endpoints';

/** An internal ALB and the subnets its targets run in (instances behind it, and the groups attached to it). */
export interface InternalAlbPlacement {
  lb: LoadBalancer;
  subnets: { subnetId: string; public: boolean }[];
}

export interface WorkerScaling {
  group: AutoScalingGroup;
  policies: ScalingPolicy[];
  policy: ScalingPolicy | undefined;
  tracking: QueueTracking;
}

export interface LabTopic {
  arn: string;
  subscriptions: Subscription[];
}

/** One API → function → table path of the serverless side (any link may be missing). */
export interface ServerlessPath {
  api: Api;
  integration: Integration | undefined;
  fn: FunctionConfiguration | undefined;
  /** The first table the function's environment names that exists in the region. */
  table: Pick<TableDescription, 'TableName'> | undefined;
}

const tagOf = (tags: { Key?: string; Value?: string }[] | undefined, key: string) =>
  tags?.find((t) => t.Key === key)?.Value;

/**
 * Stage 05's reads (decouple: internal ALB, five-tier chain, queue, worker group, S3 gateway endpoint, topic,
 * serverless path), each memoized on the run's Inventory memo. Lab resources are found by the lab rule
 * (lab-resources.ts): the stack's output, else `scalelab:lab` tags, else the stack name as a prefix.
 */
export class DecoupledReads {
  constructor(
    private readonly inv: Inventory,
    private readonly memo: Memo,
  ) {}

  private get clients() {
    return this.inv.clients;
  }

  /** Internal ALBs in the lab VPC, with the subnets (public or not) their targets run in. */
  internalAlbs(): Promise<InternalAlbPlacement[]> {
    return this.memo.get('decoupled.internalAlbs', async () => {
      // Target health is asked as soon as the load balancers are known, not after the Auto Scaling groups too.
      const groups = this.inv.autoScalingGroups();
      groups.catch(() => undefined);
      const lbs = await this.inv.loadBalancers();
      const placed = Promise.all(
        lbs.filter(isInternalAlb).map(async (lb) => {
          const served = await this.inv.albTargets(lb);
          const tgArns = new Set(served.map((s) => s.targetGroup.TargetGroupArn));
          const fromTargets = served.flatMap((s) => s.targets.flatMap((t) => t.instance?.SubnetId ?? []));
          const fromGroups = (await groups)
            .filter((g) => attachedTargetGroups(g).some((arn) => tgArns.has(arn)))
            .flatMap(asgSubnetIds);
          const ids = [...new Set([...fromTargets, ...fromGroups])];
          const subnets = await Promise.all(
            ids.map(async (subnetId) => ({ subnetId, public: await this.inv.subnetIsPublic(subnetId) })),
          );
          return { lb, subnets };
        }),
      );
      return (await Promise.all([placed, groups]))[0];
    });
  }

  fiveTierChain(): Promise<FiveTierChain> {
    return this.memo.get('decoupled.fiveTierChain', () => traceFiveTierChain(this.inv));
  }

  /** The lab's queues with their attributes: output `QueueUrl`, else tagged (role `queue` first), else named. */
  labQueues(): Promise<LabQueue[]> {
    return this.memo.get('decoupled.labQueues', async () => {
      const [vpcId, output] = await Promise.all([this.inv.vpcId(), this.inv.stackOutput('QueueUrl')]);
      if (!vpcId) return [];
      const stackName = this.inv.scope.stackName;
      const { found: urls } = await findByLabRule({
        fromOutput: async () => (output ? [output] : []),
        tagged: async () => {
          const mappings = roleFirst(
            await loadLabTagged(this.clients, this.memo, stackName, 'sqs'),
            (m) => mappingTag(m, 'scalelab:role'),
            'queue',
          );
          const urls = await Promise.all(mappings.map((m) => queueUrlOf(this.clients, this.memo, m.ResourceARN ?? '')));
          return urls.filter((u): u is string => !!u);
        },
        named: () => loadNamedQueues(this.clients, this.memo, stackName),
      });
      const queues = await Promise.all(urls.map((url) => loadQueue(this.clients, this.memo, url)));
      return queues.filter((q): q is LabQueue => !!q);
    });
  }

  /** Is there a queue at this dead-letter ARN (the DLQ a redrive policy names must exist)? */
  async queueExists(arn: string): Promise<boolean> {
    return !!(await queueUrlOf(this.clients, this.memo, arn));
  }

  /**
   * The worker groups and how their policies follow the lab's queues: the stack's `WorkerAsgName` output, else lab-VPC
   * groups tagged `scalelab:role=worker`, else every lab-VPC group but the web tier's.
   */
  workerScaling(): Promise<WorkerScaling[]> {
    return this.memo.get('decoupled.workerScaling', async () => {
      const [groups, web, output, queues] = await Promise.all([
        this.inv.autoScalingGroups(),
        this.inv.webGroup(),
        this.inv.stackOutput('WorkerAsgName'),
        this.labQueues(),
      ]);
      const named = groups.filter((g) => output && g.AutoScalingGroupName === output);
      const tagged = groups.filter((g) => tagOf(g.Tags, 'scalelab:role') === 'worker');
      const others = groups.filter((g) => g.AutoScalingGroupName !== web?.AutoScalingGroupName);
      const workers = named.length ? named : tagged.length ? tagged : others;
      const names = queues.map((q) => q.name);
      return Promise.all(
        workers.map(async (group) => {
          const policies = await this.inv.scalingPolicies(group.AutoScalingGroupName ?? '');
          const { policy, tracking } = bestQueueTracking(policies, names, group.AutoScalingGroupName ?? '');
          return { group, policies, policy, tracking };
        }),
      );
    });
  }

  /** The lab VPC's S3 gateway endpoints, and the route tables of its private subnets (which must use one). */
  s3GatewayEndpoints(): Promise<{ endpoints: VpcEndpoint[]; privateRouteTables: RouteTable[] }> {
    return this.memo.get('decoupled.s3GatewayEndpoints', async () => {
      // The region's endpoints are asked at once, with the lab VPC lookup (their failure matters only with a lab).
      const region = loadVpcEndpoints(this.clients, this.memo);
      region.catch(() => undefined);
      const vpcId = await this.inv.vpcId();
      if (!vpcId) return { endpoints: [], privateRouteTables: [] };
      const [endpoints, subnets, tables] = await Promise.all([region, this.inv.subnets(), this.inv.routeTables()]);
      const all = endpoints.filter((e) => e.VpcId === vpcId);
      const privateIds = new Set<string>();
      for (const s of subnets) {
        if (!s.SubnetId || (await this.inv.subnetIsPublic(s.SubnetId))) continue;
        const table =
          tables.find((t) => t.Associations?.some((a) => a.SubnetId === s.SubnetId)) ??
          tables.find((t) => t.Associations?.some((a) => a.Main));
        if (table?.RouteTableId) privateIds.add(table.RouteTableId);
      }
      return {
        endpoints: all.filter((e) => isS3Gateway(e, this.clients.region)),
        privateRouteTables: tables.filter((t) => t.RouteTableId && privateIds.has(t.RouteTableId)),
      };
    });
  }

  /** The lab's SNS topics with their subscriptions: output `TopicArn`, else tagged, else named after the stack. */
  labTopics(): Promise<LabTopic[]> {
    return this.memo.get('decoupled.labTopics', async () => {
      const [vpcId, output] = await Promise.all([this.inv.vpcId(), this.inv.stackOutput('TopicArn')]);
      if (!vpcId) return [];
      const stackName = this.inv.scope.stackName;
      const { found } = await findByLabRule({
        fromOutput: async () => (output ? [output] : []),
        tagged: async () =>
          (await loadLabTagged(this.clients, this.memo, stackName, 'sns')).flatMap((m) =>
            m.ResourceARN ? [m.ResourceARN] : [],
          ),
        named: async () =>
          (await loadTopics(this.clients, this.memo)).filter((a) => topicName(a).startsWith(stackName)),
      });
      return Promise.all(
        found.map(async (arn) => ({ arn, subscriptions: await loadSubscriptions(this.clients, this.memo, arn) })),
      );
    });
  }

  /**
   * The serverless side: lab APIs (tagged `scalelab:lab=<stack>` or named after the stack), each Lambda proxy
   * integration, its function, and the DynamoDB table the function's environment names.
   */
  serverlessPaths(): Promise<ServerlessPath[]> {
    return this.memo.get('decoupled.serverlessPaths', async () => {
      const stackName = this.inv.scope.stackName;
      // The region's APIs, functions and tables have no VPC to wait for: they start with the lab VPC lookup (their
      // failure matters only with a lab API), so the path costs GetApis then GetIntegrations, not four round-trips.
      const all = loadApis(this.clients, this.memo);
      all.catch(() => undefined);
      loadFunctions(this.clients, this.memo).catch(() => undefined);
      loadTableNames(this.clients, this.memo).catch(() => undefined);
      if (!(await this.inv.vpcId())) return [];
      const apis = (await all).filter((a) => a.Tags?.['scalelab:lab'] === stackName || a.Name?.startsWith(stackName));
      const paths = await Promise.all(
        apis.map(async (api): Promise<ServerlessPath[]> => {
          const integrations = (await loadIntegrations(this.clients, this.memo, api.ApiId ?? '')).filter(
            (i) => !!integratedFunction(i),
          );
          if (!integrations.length) return [{ api, integration: undefined, fn: undefined, table: undefined }];
          return Promise.all(
            integrations.map(async (integration) => {
              const fn = await integratedConfiguration(this.clients, this.memo, integratedFunction(integration) ?? '');
              const names = fn ? environmentValues(fn).map((v) => tableNameFromArn(v) ?? v) : [];
              const [table] = await existingTables(this.clients, this.memo, names);
              return { api, integration, fn, table: table === undefined ? undefined : { TableName: table } };
            }),
          );
        }),
      );
      return paths.flat();
    });
  }
}
