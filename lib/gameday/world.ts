import type { AutoScalingGroup, ScalingPolicy } from '@aws-sdk/client-auto-scaling';
import type { Instance } from '@aws-sdk/client-ec2';
import type { LoadBalancer, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { NetworkView, RegionView } from '@/lib/sandbox/data-plane/view';

/**
 * What a drill plays over: the account's network as the describe APIs show it (the data plane's view), the lab
 * region's Auto Scaling groups and policies, and the lab's public URL (the stack's AppUrl output). SDK shapes all the
 * way, so the same engine reads a sandbox or a real account's describes.
 */
export interface DrillWorld {
  view: NetworkView;
  region: string;
  url: string;
  groups: AutoScalingGroup[];
  policies: ScalingPolicy[];
}

/** The pieces of the lab a drill acts on, found from the URL the traffic goes to. */
export interface LabTopology {
  regionView: RegionView;
  /** The internet-facing load balancer the URL reaches (stage 02+), if any. */
  lb?: LoadBalancer;
  targetGroups: TargetGroup[];
  /** The instances that answer the URL: the load balancer's registered targets, or the Elastic IP's instance. */
  web: Instance[];
  webGroup?: AutoScalingGroup;
  workerGroup?: AutoScalingGroup;
  /** The primary DB instance the web tier's app names (its DB_HOST), if any. */
  database?: DBInstance;
}

const tag = (g: AutoScalingGroup, key: string) => g.Tags?.find((t) => t.Key === key)?.Value;

export function topology(world: DrillWorld): LabTopology {
  const regionView = world.view.regions.find((r) => r.region === world.region) ?? world.view.regions[0];
  if (!regionView) throw new Error('The account has no resources in any region.');
  const host = new URL(world.url).hostname.toLowerCase();
  const internetFacing = regionView.loadBalancers.filter((l) => l.Scheme !== 'internal' && l.Type !== 'network');
  const lb =
    internetFacing.find((l) => l.DNSName?.toLowerCase() === host) ??
    (/^\d+\.\d+\.\d+\.\d+$/.test(host) ? undefined : internetFacing[0]);
  const listenerTgs = lb
    ? regionView.listeners
        .filter((l) => l.LoadBalancerArn === lb.LoadBalancerArn)
        .flatMap((l) => l.DefaultActions ?? [])
        .flatMap((a) => [a.TargetGroupArn, ...(a.ForwardConfig?.TargetGroups ?? []).map((t) => t.TargetGroupArn)])
    : [];
  const targetGroups = regionView.targetGroups.filter((g) => listenerTgs.includes(g.TargetGroupArn));
  const webIds = lb
    ? targetGroups.flatMap((g) => (regionView.registered[g.TargetGroupArn ?? ''] ?? []).map((t) => t.id))
    : regionView.addresses.filter((a) => a.PublicIp === host).map((a) => a.InstanceId ?? '');
  const web = regionView.instances
    .filter((i) => webIds.includes(i.InstanceId ?? '') && i.State?.Name !== 'terminated')
    .sort((a, b) => String(a.InstanceId).localeCompare(String(b.InstanceId)));
  const webGroup =
    world.groups.find((g) => (g.TargetGroupARNs ?? []).some((arn) => listenerTgs.includes(arn))) ??
    world.groups.find((g) => tag(g, 'scalelab:role') === 'web');
  const workerGroup = world.groups.find((g) => tag(g, 'scalelab:role') === 'worker');
  const dbHost = web.map((i) => regionView.apps[i.InstanceId ?? '']?.env.DB_HOST).find(Boolean);
  const database =
    regionView.dbInstances.find((d) => d.Endpoint?.Address === dbHost) ??
    regionView.dbInstances.find((d) => !d.ReadReplicaSourceDBInstanceIdentifier && d.Engine !== 'aurora-mysql');
  return { regionView, lb, targetGroups, web, webGroup, workerGroup, database };
}
