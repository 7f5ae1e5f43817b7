import type { DistributionSummary } from '@aws-sdk/client-cloudfront';
import type {
  Address,
  Instance,
  InternetGateway,
  NetworkAcl,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
} from '@aws-sdk/client-ec2';
import type { Listener, LoadBalancer, Rule, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { DBCluster, DBInstance } from '@aws-sdk/client-rds';
import type { CallRequest } from '@/lib/aws/clients';
import type { CallContext } from '../context';
import { targetsOf } from '../describe/load-balancing';
import { bucketView } from '../describe/s3-objects';
import { dispatch } from '../responder';
import { resourcesIn, resourcesOf, type SandboxState } from '../state';
import { labAppsOf } from './user-data';

/** The lab app an instance's user data installs: the port it listens on and the script it runs (see lab-app.ts). */
export interface InstalledApp {
  port: number;
  script: string;
  /** `Environment=` lines of its systemd unit. */
  env: Record<string, string>;
}

/** One region's network as the describe APIs show it: the SDK's own shapes, so a view could come from real AWS too. */
export interface RegionView {
  region: string;
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  internetGateways: InternetGateway[];
  /** Empty where network ACLs are not modelled: every subnet then has its VPC's default ACL, which allows all. */
  networkAcls: NetworkAcl[];
  securityGroups: SecurityGroup[];
  instances: Instance[];
  addresses: Address[];
  loadBalancers: LoadBalancer[];
  listeners: Listener[];
  /** Listener rules (besides the default action) by listener ARN. */
  rules: Record<string, Rule[]>;
  targetGroups: TargetGroup[];
  /** Registered targets per target group ARN (instance id and port), health left to the data plane to judge. */
  registered: Record<string, { id: string; port: number }[]>;
  dbInstances: DBInstance[];
  dbClusters: DBCluster[];
  /** What runs on each instance, by instance id (absent: nothing listens). */
  apps: Record<string, InstalledApp>;
}

/** The account's view: every region's network, and the global pieces (CloudFront, S3). */
export interface NetworkView {
  accountId: string;
  regions: RegionView[];
  /** With the DefaultRootObject of each one's config (ListDistributions leaves it out). */
  distributions: (DistributionSummary & { DefaultRootObject?: string })[];
  /** A bucket of this account by name (S3 names are global). */
  bucket(name: string): StaticBucket | undefined;
}

export interface StaticBucket {
  name: string;
  region: string;
  /** The bucket policy document (JSON text), if it has one. */
  policy?: string;
  /** S3 Block Public Access: RestrictPublicBuckets / BlockPublicPolicy make a public policy grant nothing. */
  restrictsPublicPolicy: boolean;
  object(key: string): { body: Uint8Array; contentType: string } | undefined;
}

/** A context that can only read: the data plane never changes the account. */
function readOnly(state: SandboxState, region: string, input: Record<string, unknown>): CallContext {
  const refuse = () => {
    throw new Error('The sandbox data plane only reads the state.');
  };
  return { state, region, input, now: () => Math.max(Date.now(), state.clockMs + 1000), run: refuse, changed: refuse };
}

type Out = Record<string, unknown>;

/** Answer one describe in-process, as the responder would (no IAM, no faults: the data plane is not an API call). */
async function read(state: SandboxState, region: string, service: string, operation: string, input = {}): Promise<Out> {
  const request: CallRequest = { service, operation, region, input };
  return (await dispatch(request, readOnly(state, region, input))) as Out;
}

/** Every page of a paginated describe, its items under `key`. */
async function all<T>(
  state: SandboxState,
  region: string,
  operation: string,
  key: string,
  token: [input: string, output: string] = ['NextToken', 'NextToken'],
): Promise<T[]> {
  const [service, op] = operation.split('.') as [string, string];
  const out: T[] = [];
  let next: unknown;
  do {
    const page = await read(state, region, service, op, next ? { [token[0]]: next } : {});
    out.push(...((page[key] as T[] | undefined) ?? []));
    next = page[token[1]];
  } while (next);
  return out;
}

const ELB_MARKER: [string, string] = ['Marker', 'NextMarker'];
const RDS_MARKER: [string, string] = ['Marker', 'Marker'];

export async function regionView(state: SandboxState, region: string): Promise<RegionView> {
  const elb = (op: string, key: string) => all<never>(state, region, `ElasticLoadBalancingV2.${op}`, key, ELB_MARKER);
  const [vpcs, subnets, routeTables, internetGateways, securityGroups, reservations, addresses] = await Promise.all([
    all<Vpc>(state, region, 'EC2.DescribeVpcs', 'Vpcs'),
    all<Subnet>(state, region, 'EC2.DescribeSubnets', 'Subnets'),
    all<RouteTable>(state, region, 'EC2.DescribeRouteTables', 'RouteTables'),
    all<InternetGateway>(state, region, 'EC2.DescribeInternetGateways', 'InternetGateways'),
    all<SecurityGroup>(state, region, 'EC2.DescribeSecurityGroups', 'SecurityGroups'),
    all<{ Instances?: Instance[] }>(state, region, 'EC2.DescribeInstances', 'Reservations'),
    read(state, region, 'EC2', 'DescribeAddresses').then((o) => (o.Addresses as Address[] | undefined) ?? []),
  ]);
  const [loadBalancers, listeners, targetGroups, dbInstances, dbClusters] = await Promise.all([
    elb('DescribeLoadBalancers', 'LoadBalancers') as Promise<LoadBalancer[]>,
    elb('DescribeListeners', 'Listeners') as Promise<Listener[]>,
    elb('DescribeTargetGroups', 'TargetGroups') as Promise<TargetGroup[]>,
    all<DBInstance>(state, region, 'RDS.DescribeDBInstances', 'DBInstances', RDS_MARKER),
    all<DBCluster>(state, region, 'RDS.DescribeDBClusters', 'DBClusters', RDS_MARKER),
  ]);
  // The registered targets themselves, not DescribeTargetHealth: the sandbox answers that from this view.
  const registered: RegionView['registered'] = {};
  const ctx = readOnly(state, region, {});
  for (const tg of resourcesIn(state, region, 'AWS::ElasticLoadBalancingV2::TargetGroup'))
    registered[tg.physicalId] = targetsOf(ctx, tg);
  const rules: RegionView['rules'] = {};
  for (const l of listeners) {
    const out = await read(state, region, 'ElasticLoadBalancingV2', 'DescribeRules', { ListenerArn: l.ListenerArn });
    rules[l.ListenerArn ?? ''] = (out.Rules as Rule[] | undefined) ?? [];
  }
  return {
    region,
    vpcs,
    subnets,
    routeTables,
    internetGateways,
    networkAcls: [],
    securityGroups,
    instances: reservations.flatMap((r) => r.Instances ?? []),
    addresses,
    loadBalancers,
    listeners,
    rules,
    targetGroups,
    registered,
    dbInstances,
    dbClusters,
    apps: labAppsOf(state, region),
  };
}

/** The whole account as the data plane routes over it: every region it has resources in, CloudFront, S3. */
export async function networkView(state: SandboxState): Promise<NetworkView> {
  const home = Object.keys(state.regions)[0] ?? 'us-east-1';
  const [regions, list, buckets] = await Promise.all([
    Promise.all(Object.keys(state.regions).map((r) => regionView(state, r))),
    read(state, home, 'CloudFront', 'ListDistributions', { MaxItems: 100 }),
    Promise.all(resourcesOf(state, 'AWS::S3::Bucket').map((b) => staticBucket(state, home, b.physicalId, b.region))),
  ]);
  const summaries = (list.DistributionList as { Items?: DistributionSummary[] } | undefined)?.Items ?? [];
  const distributions = await Promise.all(
    summaries.map(async (d) => {
      const config = await read(state, home, 'CloudFront', 'GetDistributionConfig', { Id: d.Id });
      const root = (config.DistributionConfig as { DefaultRootObject?: string } | undefined)?.DefaultRootObject;
      return { ...d, DefaultRootObject: root };
    }),
  );
  return {
    accountId: state.accountId,
    regions,
    distributions,
    bucket: (name) => buckets.find((b) => b.name === name),
  };
}

async function staticBucket(state: SandboxState, home: string, name: string, region: string): Promise<StaticBucket> {
  const attempt = (operation: string) => read(state, home, 'S3', operation, { Bucket: name }).catch(() => undefined); // NoSuchBucketPolicy: no policy
  const [block, policy] = await Promise.all([attempt('GetPublicAccessBlock'), attempt('GetBucketPolicy')]);
  const config = block?.PublicAccessBlockConfiguration as Record<string, boolean> | undefined;
  const expirations = bucketView(state, name)?.expirations ?? [];
  return {
    name,
    region,
    policy: policy?.Policy as string | undefined,
    restrictsPublicPolicy: Boolean(config?.RestrictPublicBuckets || config?.BlockPublicPolicy),
    object(key) {
      const found = state.objects?.[name]?.[key];
      if (!found) return undefined;
      const rule = expirations.find((e) => key.startsWith(e.prefix));
      // Expired by a lifecycle rule: gone for every reader (the API deletes it on its next read; this one only reads).
      if (rule && Date.parse(found.lastModified) + rule.days * 86_400_000 <= Date.now()) return undefined;
      return { body: Buffer.from(found.data, 'base64'), contentType: found.contentType };
    },
  };
}
