import type { Instance } from '@aws-sdk/client-ec2';
import { type AppMemory, labAppAnswer } from './lab-app';
import { blocked, INTERNET_CLIENT, internetToSubnet } from './routes';
import { admitsIngress, groupsLabel, type Sender } from './security-groups';
import { answered, dropped, type Hop, hop, type Impairments, impairedAz, type Outcome, type Request } from './trace';
import type { RegionView } from './view';

/** Who the instance sees the request come from: the internet, or a load balancer (its groups, its subnets' ranges). */
export interface Origin {
  sender: Sender;
  /** How a sentence names the sender: "the internet", "the ALB SG (sg-…)". */
  label: { en: string; ko: string };
}

export const fromInternet: Origin = {
  sender: { cidrs: [`${INTERNET_CLIENT}/32`], groupIds: [] },
  label: { en: 'the internet', ko: '인터넷' },
};

const groupIdsOf = (i: Instance) => (i.SecurityGroups ?? []).map((g) => g.GroupId ?? '');

/**
 * The last hops to an instance: its state, its security groups admitting the port from the origin, and something
 * listening there. A stopped (or drill-impaired) instance and a closed security group drop the request silently; an
 * instance where nothing listens on the port answers with a reset (connection refused).
 */
export function toInstance(
  view: RegionView,
  instance: Instance,
  port: number,
  origin: Origin,
  impairments: Impairments,
): { hops: Hop[]; stop?: Outcome } {
  const id = instance.InstanceId ?? '';
  const state = instance.State?.Name ?? 'pending';
  const hops: Hop[] = [];
  if (state !== 'running')
    return {
      hops,
      stop: dropped(
        hops,
        hop(
          'instance',
          id,
          false,
          `${id} is ${state}, not running: nothing answers at its address.`,
          `${id}의 상태가 running이 아니라 ${state}이므로 그 주소에서 아무것도 응답하지 않습니다.`,
        ),
      ),
    };
  const az = instance.Placement?.AvailabilityZone;
  if (impairedAz(impairments, az) || impairments.instances?.includes(id)) {
    const why = impairedAz(impairments, az)
      ? { en: `its AZ ${az} is down`, ko: `AZ ${az}가 중단되었습니다` }
      : { en: 'it stopped answering', ko: '응답을 멈췄습니다' };
    return {
      hops,
      stop: dropped(
        hops,
        hop('instance', id, false, `${id} does not answer: ${why.en}.`, `${id}가 응답하지 않습니다. ${why.ko}.`),
      ),
    };
  }
  hops.push(hop('instance', id, true, `${id} is running in ${az}.`, `${id}가 ${az}에서 실행 중입니다.`));
  const ids = groupIdsOf(instance);
  const groups = view.securityGroups.filter((g) => ids.includes(g.GroupId ?? ''));
  const label = groupsLabel(view.securityGroups, ids);
  if (!admitsIngress(groups, port, origin.sender))
    return {
      hops,
      stop: dropped(
        hops,
        hop(
          'security-group',
          ids.join(','),
          false,
          `The security group ${label} of ${id} does not admit port ${port} from ${origin.label.en}.`,
          `${id}의 보안 그룹 ${label}이(가) ${origin.label.ko}에서 오는 ${port}번 포트를 허용하지 않습니다.`,
        ),
      ),
    };
  hops.push(
    hop(
      'security-group',
      ids.join(','),
      true,
      `The security group ${label} admits port ${port} from ${origin.label.en}.`,
      `보안 그룹 ${label}이(가) ${origin.label.ko}에서 오는 ${port}번 포트를 허용합니다.`,
    ),
  );
  const app = view.apps[id];
  if (!app || app.port !== port) {
    const what = app ? `the lab app listens on port ${app.port}, not ${port}` : 'its user data starts no web server';
    const whatKo = app
      ? `실습 앱은 ${port}번이 아니라 ${app.port}번 포트에서 대기합니다`
      : '사용자 데이터가 웹 서버를 시작하지 않습니다';
    return {
      hops,
      stop: dropped(
        hops,
        hop(
          'app',
          id,
          false,
          `Nothing listens on port ${port} on ${id}: ${what}.`,
          `${id}의 ${port}번 포트에서 대기하는 것이 없습니다. ${whatKo}.`,
        ),
        'ECONNREFUSED',
      ),
    };
  }
  return { hops };
}

/** The instance's app answering a request that got through every hop. */
export function appAnswers(
  view: RegionView,
  instance: Instance,
  request: Request,
  hops: Hop[],
  memory: AppMemory,
  impairments: Impairments,
): Outcome {
  const id = instance.InstanceId ?? '';
  const { answer, database } = labAppAnswer(view, instance, view.apps[id]!, request.path, memory, impairments);
  const trail = database ? [...hops, database] : hops;
  return answered(
    trail,
    hop(
      'app',
      id,
      true,
      `The lab app on ${id} (${instance.Placement?.AvailabilityZone}) answered ${answer.status}.`,
      `${id}(${instance.Placement?.AvailabilityZone})의 실습 앱이 ${answer.status}(으)로 응답했습니다.`,
    ),
    answer,
  );
}

/**
 * A request to a public IPv4 address: an Elastic IP (associated with an instance) or an instance's own public
 * address, then the path in — internet gateway, route table, network ACL — and the instance's own hops.
 */
export function toPublicIp(
  view: RegionView,
  request: Request,
  memory: AppMemory,
  impairments: Impairments,
): Outcome | undefined {
  const ip = request.host;
  const eip = view.addresses.find((a) => a.PublicIp === ip);
  const instance = view.instances.find((i) =>
    eip ? i.InstanceId === eip.InstanceId : i.PublicIpAddress === ip && (i.State?.Name ?? '') !== 'terminated',
  );
  if (!eip && !instance) return undefined;
  if (!instance)
    return dropped(
      [],
      hop(
        'address',
        ip,
        false,
        `The Elastic IP ${ip} is not associated with any instance.`,
        `탄력적 IP ${ip}가 어떤 인스턴스에도 연결되어 있지 않습니다.`,
      ),
    );
  const id = instance.InstanceId ?? '';
  const hops = [
    hop(
      'address',
      ip,
      true,
      `${ip} is ${eip ? 'the Elastic IP' : 'the public IP'} of ${id}.`,
      `${ip}는 ${id}의 ${eip ? '탄력적 IP' : '퍼블릭 IP'}입니다.`,
    ),
  ];
  hops.push(...internetToSubnet(view, instance.SubnetId ?? '', request.port));
  const stopped = blocked(hops);
  if (stopped) return dropped(hops.slice(0, -1), stopped);
  const last = toInstance(view, instance, request.port, fromInternet, impairments);
  if (last.stop) return { ...last.stop, hops: [...hops, ...last.stop.hops] };
  return appAnswers(view, instance, request, [...hops, ...last.hops], memory, impairments);
}
