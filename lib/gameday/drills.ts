import type { Localized } from '@/lib/i18n/locales';
import type { DrillId } from './types';

/**
 * The game-day drills as data: from which stage each is offered, how long it runs (simulated seconds), when the
 * failure starts and ends, and the traffic it sends. The traffic is bounded: a few requests a second for a few
 * minutes; only the spike sends more, and only in the sandbox (a real fleet's CPU does not move at a few requests a
 * second, so on AWS the spike would have to be a load test, which this platform does not send).
 */
export interface DrillSpec {
  id: DrillId;
  /** The first stage (its order, 0–6) whose lab page offers the drill. */
  fromStage: number;
  title: Localized;
  summary: Localized;
  /** How the verdict names what happened ("through the AZ failure"). */
  through: Localized;
  seconds: number;
  /** The failure starts at this second and is lifted at `liftAt` (the drill restores what it broke). */
  failAt: number;
  liftAt: number;
  /** Requests per second before, during and after; `spikeRps` during the failure window instead, for the spike. */
  rps: number;
  spikeRps?: number;
  /** Offered against real AWS too (bounded traffic from the server, failures on lab-tagged resources only). */
  realAws: boolean;
}

export const drills: DrillSpec[] = [
  {
    id: 'az-outage',
    fromStage: 2,
    title: { en: 'An Availability Zone goes dark', ko: '가용 영역 하나가 중단된다' },
    summary: {
      en: 'Everything in one AZ stops answering: its web instances, its load balancer node, the database primary if it runs there. A Multi-AZ database fails over to its standby; the ALB routes around the dark AZ.',
      ko: '한 AZ의 모든 것이 응답을 멈춥니다. 그 AZ의 웹 인스턴스, 로드 밸런서 노드, 그리고 그곳에서 실행 중이면 데이터베이스 기본 인스턴스까지. 다중 AZ 데이터베이스는 대기 인스턴스로 장애 조치하고, ALB는 중단된 AZ를 피해 라우팅합니다.',
    },
    through: { en: 'through the AZ failure', ko: 'AZ 장애 동안' },
    seconds: 240,
    failAt: 30,
    liftAt: 210,
    rps: 5,
    realAws: true,
  },
  {
    id: 'db-failover',
    fromStage: 2,
    title: { en: 'The database primary fails over', ko: '데이터베이스 기본 인스턴스가 장애 조치된다' },
    summary: {
      en: 'The primary DB instance fails (on AWS: a reboot with failover). Multi-AZ promotes the standby; a single-AZ database is down until it is back.',
      ko: '기본 DB 인스턴스가 실패합니다(AWS에서는 장애 조치를 동반한 재부팅). 다중 AZ는 대기 인스턴스를 승격하고, 단일 AZ 데이터베이스는 돌아올 때까지 중단됩니다.',
    },
    through: { en: 'through the database failure', ko: '데이터베이스 장애 동안' },
    seconds: 180,
    failAt: 30,
    liftAt: 150,
    rps: 5,
    realAws: true,
  },
  {
    id: 'instance-dies',
    fromStage: 3,
    title: { en: 'One web instance dies', ko: '웹 인스턴스 하나가 죽는다' },
    summary: {
      en: 'One web instance stops. The ALB marks it unhealthy after its failed health checks, and the Auto Scaling group (ELB health checks) replaces it.',
      ko: '웹 인스턴스 하나가 멈춥니다. ALB는 상태 확인 실패 후 그 인스턴스를 비정상으로 표시하고, Auto Scaling 그룹(ELB 상태 확인)이 교체합니다.',
    },
    through: { en: 'while a web instance died and was replaced', ko: '웹 인스턴스가 죽고 교체되는 동안' },
    seconds: 300,
    failAt: 30,
    liftAt: 300,
    rps: 5,
    realAws: true,
  },
  {
    id: 'traffic-spike',
    fromStage: 3,
    title: { en: 'A traffic spike', ko: '트래픽 급증' },
    summary: {
      en: 'Traffic jumps tenfold for six minutes. The fleet’s CPU rises; target tracking scales the Auto Scaling group out once its alarm has seen three minutes above the target.',
      ko: '트래픽이 6분 동안 열 배로 뜁니다. 플릿의 CPU가 오르고, 대상 추적 정책은 경보가 목표를 넘는 3분을 본 뒤 Auto Scaling 그룹을 확장합니다.',
    },
    through: { en: 'through the traffic spike', ko: '트래픽 급증 동안' },
    seconds: 600,
    failAt: 60,
    liftAt: 420,
    rps: 5,
    spikeRps: 50,
    realAws: false,
  },
  {
    id: 'workers-stop',
    fromStage: 5,
    title: { en: 'The workers stop', ko: '워커가 멈춘다' },
    summary: {
      en: 'The worker processes stop for two minutes (as during an upgrade) while the web tier keeps queuing a job a second. The jobs wait in the SQS queue and are done when the workers are back.',
      ko: '웹 계층이 초당 작업 하나씩 계속 큐에 넣는 동안 워커 프로세스가 2분간 멈춥니다(업그레이드 중처럼). 작업은 SQS 큐에서 기다렸다가 워커가 돌아오면 처리됩니다.',
    },
    through: { en: 'while the workers were stopped', ko: '워커가 멈춘 동안' },
    seconds: 360,
    failAt: 30,
    liftAt: 150,
    rps: 5,
    realAws: false,
  },
];

export const drillSpec = (id: DrillId): DrillSpec => {
  const d = drills.find((x) => x.id === id);
  if (!d) throw new Error(`No drill ${id}.`);
  return d;
};

/** The drills a stage's lab page offers (stage 02 and later). */
export const drillsForStage = (order: number): DrillSpec[] => drills.filter((d) => order >= d.fromStage);
