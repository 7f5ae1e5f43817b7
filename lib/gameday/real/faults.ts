import { DescribeAutoScalingInstancesCommand } from '@aws-sdk/client-auto-scaling';
import type { Instance } from '@aws-sdk/client-ec2';
import { type DBInstance, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import type { AwsClients } from '@/lib/aws/clients';
import type { Localized } from '@/lib/i18n/locales';
import {
  labInstances,
  markLabInstanceUnhealthy,
  rebootLabDatabase,
  startLabInstances,
  stopLabInstances,
} from '../aws-faults';
import { DrillUnavailableError } from '../load-world';
import type { DrillId } from '../types';

/** The lab as a real drill finds it: its tagged instances (web ones first) and its primary database. */
export interface RealLab {
  instances: Instance[];
  web: Instance[];
  database?: DBInstance;
}

/**
 * What a drill breaks on a real account, decided before it starts and stored in its job before any call is made, so
 * whichever server closes the job knows what to lift even if the server that injected it died mid-call.
 */
export interface FaultPlan {
  /** Lab instances to stop (an AZ going dark; a web instance dying outside an Auto Scaling group). */
  stop: string[];
  az?: string;
  /** The lab database to reboot, with failover when Multi-AZ. */
  reboot?: { id: string; failover: boolean };
  /** A web instance marked unhealthy in its Auto Scaling group, which replaces it (nothing to lift). */
  unhealthy?: string;
  says: Localized;
}

export interface LiftRecord {
  /** Instances started again. */
  started: string[];
  /** Planned instances that were gone (an Auto Scaling group had terminated them) or never stopped. */
  gone: string[];
  says: Localized;
}

const LAB_TAG = 'scalelab:lab';
const roleOf = (i: Instance) => i.Tags?.find((t) => t.Key === 'scalelab:role')?.Value;

export async function findRealLab(clients: AwsClients, stackName: string): Promise<RealLab> {
  const instances = (await labInstances(clients, stackName, {})).filter((i) => i.State?.Name === 'running');
  const web = instances.filter((i) => roleOf(i) === 'web');
  const dbs = (await clients.rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
  const database = dbs.find(
    (d) =>
      d.TagList?.some((t) => t.Key === LAB_TAG && t.Value === stackName) && !d.ReadReplicaSourceDBInstanceIdentifier,
  );
  return { instances, web: web.length ? web : instances, ...(database ? { database } : {}) };
}

const unavailable = (en: string, ko: string) => new DrillUnavailableError({ en, ko });

/** What a drill will break in this lab; refuses a drill that has nothing of the lab to act on. */
export async function planFault(clients: AwsClients, drill: DrillId, lab: RealLab): Promise<FaultPlan> {
  const db = lab.database;
  const dbId = db?.DBInstanceIdentifier ?? '';
  if (drill === 'az-outage') {
    const az = db?.AvailabilityZone ?? lab.web[0]?.Placement?.AvailabilityZone;
    if (!az)
      throw unavailable(
        'The lab has no running instance or database to take down.',
        '중단할 실습 인스턴스나 데이터베이스가 없습니다.',
      );
    const stop = lab.instances.filter((i) => i.Placement?.AvailabilityZone === az).map((i) => i.InstanceId ?? '');
    const reboot = db?.AvailabilityZone === az ? { id: dbId, failover: db.MultiAZ === true } : undefined;
    const listed = stop.join(', ');
    return {
      stop,
      az,
      ...(reboot ? { reboot } : {}),
      says: {
        en: `${az} goes dark: ${listed ? `the lab's instances there stop (${listed})` : 'no lab instance runs there'}${reboot ? `; the database ${dbId} there reboots${reboot.failover ? ' with failover to its standby' : ', and it has no standby'}` : ''}.`,
        ko: `${az}가 중단됩니다. ${listed ? `그곳의 실습 인스턴스가 멈춥니다(${listed})` : '그곳에는 실습 인스턴스가 없습니다'}${reboot ? `. 그곳의 데이터베이스 ${dbId}가 ${reboot.failover ? '대기 인스턴스로 장애 조치하며 ' : '대기 인스턴스 없이 '}재부팅합니다` : ''}.`,
      },
    };
  }
  if (drill === 'db-failover') {
    if (!db)
      throw unavailable(
        'The lab has no database tagged for it to fail over.',
        '장애 조치할, 실습 태그가 있는 데이터베이스가 없습니다.',
      );
    const failover = db.MultiAZ === true;
    return {
      stop: [],
      reboot: { id: dbId, failover },
      says: failover
        ? {
            en: `${dbId} reboots with failover: RDS promotes the standby.`,
            ko: `${dbId}가 장애 조치를 동반해 재부팅합니다. RDS가 대기 인스턴스를 승격합니다.`,
          }
        : { en: `${dbId} reboots, and it has no standby.`, ko: `${dbId}가 재부팅합니다. 대기 인스턴스가 없습니다.` },
    };
  }
  if (drill === 'instance-dies') {
    const victim = lab.web[0]?.InstanceId;
    if (!victim) throw unavailable('The lab has no running web instance.', '실행 중인 실습 웹 인스턴스가 없습니다.');
    const inGroup = await clients.autoscaling
      .send(new DescribeAutoScalingInstancesCommand({ InstanceIds: [victim] }))
      .then((o) => (o.AutoScalingInstances ?? []).length > 0);
    return inGroup
      ? {
          stop: [],
          unhealthy: victim,
          says: {
            en: `${victim} is marked unhealthy: its Auto Scaling group terminates and replaces it.`,
            ko: `${victim}가 비정상으로 표시됩니다. Auto Scaling 그룹이 종료하고 교체합니다.`,
          },
        }
      : { stop: [victim], says: { en: `${victim} stops.`, ko: `${victim}가 멈춥니다.` } };
  }
  throw unavailable(
    'This drill runs in the sandbox only: on a real fleet it would take a load test, which this platform does not send.',
    '이 훈련은 샌드박스에서만 실행됩니다. 실제 플릿에서는 부하 테스트가 필요하며, 이 플랫폼은 부하 테스트를 보내지 않습니다.',
  );
}

/** Break what the plan says, through lib/gameday/aws-faults.ts (each call refuses a resource without the lab tag). */
export async function injectFault(clients: AwsClients, stackName: string, plan: FaultPlan): Promise<void> {
  if (plan.stop.length) await stopLabInstances(clients, stackName, plan.stop);
  if (plan.reboot) await rebootLabDatabase(clients, stackName, plan.reboot.id);
  if (plan.unhealthy) await markLabInstanceUnhealthy(clients, stackName, plan.unhealthy);
}

/**
 * Lift what the plan broke, safely repeated (each server that closes the job may call it): the planned instances that
 * are stopped are started again, after waiting for the ones still stopping (Amazon EC2 User Guide › Stop and start
 * Amazon EC2 instances: StartInstances refuses an instance in the `stopping` state with IncorrectInstanceState). A
 * reboot and a replacement end by themselves.
 */
export async function liftFault(
  clients: AwsClients,
  stackName: string,
  plan: FaultPlan,
  options: { pollMs?: number; waitMs?: number } = {},
): Promise<LiftRecord> {
  const started: string[] = [];
  let gone: string[] = [];
  if (plan.stop.length) {
    const until = Date.now() + (options.waitMs ?? 300_000);
    let lab = await labInstances(clients, stackName, {});
    const mine = () => lab.filter((i) => plan.stop.includes(i.InstanceId ?? ''));
    while (mine().some((i) => i.State?.Name === 'stopping') && Date.now() < until) {
      await new Promise((r) => setTimeout(r, options.pollMs ?? 5_000));
      lab = await labInstances(clients, stackName, {});
    }
    const stopped = mine()
      .filter((i) => i.State?.Name === 'stopped')
      .map((i) => i.InstanceId ?? '');
    if (stopped.length) started.push(...(await startLabInstances(clients, stackName, stopped)));
    const present = new Set(mine().map((i) => i.InstanceId));
    gone = plan.stop.filter((id) => !present.has(id));
  }
  const parts = [
    started.length ? `started ${started.join(', ')} again` : '',
    gone.length ? `${gone.join(', ')} no longer there (replaced by its Auto Scaling group)` : '',
    plan.reboot ? `the database reboot ends by itself` : '',
    plan.unhealthy ? `the Auto Scaling group replaces ${plan.unhealthy} by itself` : '',
  ].filter(Boolean);
  const partsKo = [
    started.length ? `${started.join(', ')}를 다시 시작함` : '',
    gone.length ? `${gone.join(', ')}는 더 이상 없음(Auto Scaling 그룹이 교체)` : '',
    plan.reboot ? '데이터베이스 재부팅은 저절로 끝남' : '',
    plan.unhealthy ? `Auto Scaling 그룹이 ${plan.unhealthy}를 스스로 교체함` : '',
  ].filter(Boolean);
  return {
    started,
    gone,
    says: {
      en: `Failure lifted: ${parts.join('; ') || 'nothing was broken'}.`,
      ko: `장애 해제: ${partsKo.join('. ') || '망가진 것이 없음'}.`,
    },
  };
}
