import type { Instance } from '@aws-sdk/client-ec2';
import { admitsEgress, admitsIngress, groupsLabel } from './security-groups';
import { type Hop, hop, type Impairments, impairedAz } from './trace';
import type { RegionView } from './view';

/** A database call the lab app makes, traced: the endpoint it names, the instance behind it, the security chain. */
export type DatabaseCall = { ok: true; hop: Hop; key: string } | { ok: false; hop: Hop; error: string };

/** mysql's own words for a connection that never got an answer (errno 110: ETIMEDOUT). */
const cannotConnect = (host: string, port: number) =>
  `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}:${port}' (110)`;

/**
 * The lab app's call from `instance` to the database at `host` (its DB_HOST): it succeeds only when an available DB
 * instance answers to that endpoint in the same VPC, the instance's security groups let it out on the DB port, and
 * the DB's security groups admit it (by reference to the web SG or by a CIDR holding the instance's address). When
 * a drill darkens the primary's AZ, a Multi-AZ instance answers from its standby (Amazon RDS User Guide › Failover
 * process for Amazon RDS); a single-AZ one does not answer at all.
 */
export function callDatabase(
  view: RegionView,
  instance: Instance,
  host: string,
  impairments: Impairments,
): DatabaseCall {
  const db = view.dbInstances.find((d) => d.Endpoint?.Address === host);
  const cluster = view.dbClusters.find((c) => c.Endpoint === host || c.ReaderEndpoint === host);
  const port = db?.Endpoint?.Port ?? cluster?.Port ?? 3306;
  const id = db?.DBInstanceIdentifier ?? cluster?.DBClusterIdentifier ?? host;
  const fail = (en: string, ko: string): DatabaseCall => ({
    ok: false,
    hop: hop('database', id, false, en, ko),
    error: cannotConnect(host, port),
  });
  if (!db && !cluster)
    return fail(
      `No database of this account answers to ${host}.`,
      `이 계정의 어떤 데이터베이스도 ${host}에 응답하지 않습니다.`,
    );
  const status = db?.DBInstanceStatus ?? cluster?.Status ?? 'available';
  if (status !== 'available')
    return fail(
      `The database ${id} is ${status}, not available.`,
      `데이터베이스 ${id}의 상태가 available이 아니라 ${status}입니다.`,
    );
  if (db && impairedAz(impairments, db.AvailabilityZone)) {
    const standby = db.MultiAZ ? db.SecondaryAvailabilityZone : undefined;
    if (!standby || impairedAz(impairments, standby))
      return fail(
        `The database ${id} runs in ${db.AvailabilityZone} only, and that AZ is down: no standby to fail over to.`,
        `데이터베이스 ${id}는 ${db.AvailabilityZone}에서만 실행되는데 그 AZ가 중단되었습니다. 장애 조치할 대기 인스턴스가 없습니다.`,
      );
  }
  const dbGroups = (db?.VpcSecurityGroups ?? cluster?.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '');
  const webGroups = (instance.SecurityGroups ?? []).map((g) => g.GroupId ?? '');
  const groupsOf = (ids: string[]) => view.securityGroups.filter((g) => ids.includes(g.GroupId ?? ''));
  const dbVpc = db?.DBSubnetGroup?.VpcId;
  if (dbVpc && dbVpc !== instance.VpcId)
    return fail(
      `The database ${id} is in ${dbVpc}, not in the web server's ${instance.VpcId}.`,
      `데이터베이스 ${id}는 웹 서버의 ${instance.VpcId}가 아니라 ${dbVpc}에 있습니다.`,
    );
  const dbIp = instance.PrivateIpAddress ?? '';
  if (!admitsEgress(groupsOf(webGroups), port, { ip: dbIp, groupIds: dbGroups }))
    return fail(
      `The web SG (${groupsLabel(view.securityGroups, webGroups)}) does not let ${instance.InstanceId} out to port ${port}.`,
      `웹 SG(${groupsLabel(view.securityGroups, webGroups)})가 ${instance.InstanceId}에서 ${port}번 포트로 나가는 것을 허용하지 않습니다.`,
    );
  if (!admitsIngress(groupsOf(dbGroups), port, { cidrs: [dbIp], groupIds: webGroups }))
    return fail(
      `The DB SG (${groupsLabel(view.securityGroups, dbGroups)}) does not admit port ${port} from the web SG (${groupsLabel(view.securityGroups, webGroups)}).`,
      `DB SG(${groupsLabel(view.securityGroups, dbGroups)})가 웹 SG(${groupsLabel(view.securityGroups, webGroups)})에서 오는 ${port}번 포트를 허용하지 않습니다.`,
    );
  return {
    ok: true,
    key: id,
    hop: hop(
      'database',
      id,
      true,
      `The DB SG admits port ${port} from ${instance.InstanceId}; ${id} answers.`,
      `DB SG가 ${instance.InstanceId}에서 오는 ${port}번 포트를 허용하고 ${id}가 응답합니다.`,
    ),
  };
}
