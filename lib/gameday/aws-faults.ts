import { SetInstanceHealthCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeInstancesCommand,
  type Instance,
  StartInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, RebootDBInstanceCommand } from '@aws-sdk/client-rds';
import type { AwsClients } from '@/lib/aws/clients';
import { DrillUnavailableError } from './load-world';

/**
 * The failures a drill injects on a real account, through the SDK clients of lib/aws (AWS_ENDPOINT_URL honoured), each
 * only on a resource that carries the lab's tag `scalelab:lab=<stack>`: checked here first, and enforced again by the
 * workshop role, which allows these four actions only on that tag (templates/access/learner-access.yaml,
 * GameDayOnLabTaggedResources). Direct calls rather than AWS FIS: see the role's comment.
 */
const LAB_TAG = 'scalelab:lab';

const refused = (what: string, stackName: string) =>
  new DrillUnavailableError({
    en: `${what} does not carry the tag ${LAB_TAG}=${stackName}: a drill touches only the lab's own resources.`,
    ko: `${what}에 ${LAB_TAG}=${stackName} 태그가 없습니다. 훈련은 실습 자신의 리소스만 건드립니다.`,
  });

/** The lab's instances (running or stopped) among `ids`, or every one in `az`; any id not tagged for the lab refuses. */
export async function labInstances(
  clients: AwsClients,
  stackName: string,
  select: { ids?: string[]; az?: string },
): Promise<Instance[]> {
  const out = await clients.ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: `tag:${LAB_TAG}`, Values: [stackName] },
        { Name: 'instance-state-name', Values: ['running', 'stopped', 'stopping', 'pending'] },
        ...(select.az ? [{ Name: 'availability-zone', Values: [select.az] }] : []),
      ],
    }),
  );
  const found = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  if (!select.ids) return found;
  for (const id of select.ids)
    if (!found.some((i) => i.InstanceId === id)) throw refused(`The instance ${id}`, stackName);
  return found.filter((i) => select.ids?.includes(i.InstanceId ?? ''));
}

/** Stop lab instances (an AZ going dark, a web instance dying). */
export async function stopLabInstances(clients: AwsClients, stackName: string, ids: string[]): Promise<string[]> {
  const lab = await labInstances(clients, stackName, { ids });
  const out = await clients.ec2.send(new StopInstancesCommand({ InstanceIds: lab.map((i) => i.InstanceId ?? '') }));
  return (out.StoppingInstances ?? []).map((i) => i.InstanceId ?? '');
}

/** Start them again when the drill lifts the failure. */
export async function startLabInstances(clients: AwsClients, stackName: string, ids: string[]): Promise<string[]> {
  const lab = await labInstances(clients, stackName, { ids });
  const out = await clients.ec2.send(new StartInstancesCommand({ InstanceIds: lab.map((i) => i.InstanceId ?? '') }));
  return (out.StartingInstances ?? []).map((i) => i.InstanceId ?? '');
}

/**
 * Reboot the lab database, with failover when it is Multi-AZ (Amazon RDS User Guide › Rebooting a DB instance:
 * "Reboot with failover" is only for a Multi-AZ DB instance; a single-AZ one simply reboots).
 */
export async function rebootLabDatabase(clients: AwsClients, stackName: string, id: string) {
  const db = (await clients.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances?.[0];
  if (!db?.TagList?.some((t) => t.Key === LAB_TAG && t.Value === stackName))
    throw refused(`The DB instance ${id}`, stackName);
  const out = await clients.rds.send(
    new RebootDBInstanceCommand({ DBInstanceIdentifier: id, ForceFailover: db.MultiAZ === true }),
  );
  return { status: out.DBInstance?.DBInstanceStatus, failover: db.MultiAZ === true };
}

/** Mark a lab instance unhealthy in its Auto Scaling group, which then replaces it (the instance-dies drill). */
export async function markLabInstanceUnhealthy(clients: AwsClients, stackName: string, id: string) {
  await labInstances(clients, stackName, { ids: [id] });
  await clients.autoscaling.send(
    new SetInstanceHealthCommand({ InstanceId: id, HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: false }),
  );
}
