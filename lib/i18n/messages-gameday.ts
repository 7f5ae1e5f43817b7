import { formatMessage } from './format-message';
import type { Locale } from './locales';

/** UI strings of the game-day panel (components/gameday), in both languages. Korean follows labs/glossary.ts. */
const en = {
  'gameday.title': 'Game day: break it on purpose',
  'gameday.lead':
    'Send a few requests a second to your lab and inject a failure, then watch what your architecture does. In the sandbox the drill plays on simulated time, faster than the clock; nothing in your account changes.',
  'gameday.choose': 'Choose a drill',
  'gameday.minutes': '{n} min simulated',
  'gameday.confirm': 'I understand this drill sends traffic to my lab and injects the failure described above.',
  'gameday.start': 'Start the drill',
  'gameday.running': 'Drill running… {t} s of {n} s',
  'gameday.stop': 'Stop',
  'gameday.chart': 'Requests, errors and latency per second, per Availability Zone',
  'gameday.chartRequests':
    'Requests per second (lines: per AZ; red bars: errors, amber: answered without the database)',
  'gameday.chartLatency': 'Latency of served requests, ms (per AZ)',
  'gameday.events': 'What happened',
  'gameday.at': 'at {t} s',
  'gameday.verdict': 'Verdict',
  'gameday.held': 'Held',
  'gameday.blip': 'Held, with a blip',
  'gameday.outage': 'Outage',
  'gameday.summary':
    '{requests} requests, {errors} errors, {degraded} without the database, {inService} web {inService, plural, one {instance} other {instances}} in service',
  'gameday.failed': 'The drill could not run: {reason}',
  'gameday.seconds': '{t} s',
  'gameday.none': 'no AZ',
  'gameday.leadReal':
    'Your lab runs in your AWS account: the ScaleLab server sends a few requests a second to your lab’s own address (from your stack’s outputs) for the drill’s real duration, and injects the failure only on resources tagged for your lab. The failure is lifted at the end, when you stop the drill, or by another server if this one stops.',
  'gameday.minutesReal': '{n} min',
  'gameday.sandboxOnly':
    'Sandbox only: on a real fleet this drill would need a load test or stopping your workers by hand.',
  'gameday.confirmReal':
    'I understand this drill stops or reboots real resources of my lab in my AWS account (only those tagged for the lab) and sends traffic to my lab while it runs.',
  'gameday.stopping': 'Stopping: lifting the failure…',
  'gameday.progress': 'Drill progress',
  'gameday.canLeave':
    'You can leave this page: the drill goes on on the server, and this panel shows it again when you come back.',
  'gameday.outcome.stopped': 'Stopped early: the failure was lifted when you stopped the drill.',
  'gameday.outcome.interrupted':
    'The server running the drill stopped; another server lifted the failure and closed the drill.',
  'gameday.outcome.failed': 'The failure could not be injected; nothing was left broken.',
} as const;

type Key = keyof typeof en;

const ko: Record<Key, string> = {
  'gameday.title': '게임 데이: 일부러 망가뜨려 보기',
  'gameday.lead':
    '실습에 초당 몇 개의 요청을 보내고 장애를 주입한 뒤, 아키텍처가 어떻게 버티는지 지켜보세요. 샌드박스에서는 훈련이 실제 시간보다 빠른 시뮬레이션 시간으로 진행되며, 계정의 어떤 것도 바뀌지 않습니다.',
  'gameday.choose': '훈련 선택',
  'gameday.minutes': '시뮬레이션 {n}분',
  'gameday.confirm': '이 훈련이 내 실습에 트래픽을 보내고 위에 설명된 장애를 주입한다는 것을 이해했습니다.',
  'gameday.start': '훈련 시작',
  'gameday.running': '훈련 진행 중… {n}초 중 {t}초',
  'gameday.stop': '중지',
  'gameday.chart': '가용 영역별 초당 요청, 오류, 지연 시간',
  'gameday.chartRequests': '초당 요청(선: AZ별, 빨간 막대: 오류, 주황: 데이터베이스 없이 응답)',
  'gameday.chartLatency': '처리된 요청의 지연 시간, ms(AZ별)',
  'gameday.events': '일어난 일',
  'gameday.at': '{t}초',
  'gameday.verdict': '판정',
  'gameday.held': '버팀',
  'gameday.blip': '짧은 끊김 후 버팀',
  'gameday.outage': '장애',
  'gameday.summary':
    '요청 {requests}개, 오류 {errors}개, 데이터베이스 없이 응답 {degraded}개, 서비스 중인 웹 인스턴스 {inService}개',
  'gameday.failed': '훈련을 실행할 수 없습니다: {reason}',
  'gameday.seconds': '{t}초',
  'gameday.none': 'AZ 없음',
  'gameday.leadReal':
    '실습이 내 AWS 계정에서 실행됩니다. ScaleLab 서버가 훈련의 실제 시간 동안 실습 자신의 주소(스택 출력에서 가져옴)로 초당 몇 개의 요청을 보내고, 실습 태그가 있는 리소스에만 장애를 주입합니다. 장애는 훈련이 끝날 때, 훈련을 중지할 때, 또는 이 서버가 멈추면 다른 서버가 해제합니다.',
  'gameday.minutesReal': '{n}분',
  'gameday.sandboxOnly': '샌드박스 전용: 실제 플릿에서는 이 훈련에 부하 테스트나 워커를 직접 멈추는 일이 필요합니다.',
  'gameday.confirmReal':
    '이 훈련이 내 AWS 계정에 있는 실습의 실제 리소스(실습 태그가 있는 것만)를 중지하거나 재부팅하고, 실행되는 동안 내 실습에 트래픽을 보낸다는 것을 이해했습니다.',
  'gameday.stopping': '중지 중: 장애를 해제하고 있습니다…',
  'gameday.progress': '훈련 진행률',
  'gameday.canLeave': '이 페이지를 떠나도 됩니다. 훈련은 서버에서 계속되고, 돌아오면 이 패널이 다시 보여 줍니다.',
  'gameday.outcome.stopped': '일찍 중지됨: 훈련을 중지할 때 장애가 해제되었습니다.',
  'gameday.outcome.interrupted': '훈련을 실행하던 서버가 멈췄습니다. 다른 서버가 장애를 해제하고 훈련을 종료했습니다.',
  'gameday.outcome.failed': '장애를 주입할 수 없었습니다. 망가진 채로 남은 것은 없습니다.',
};

export type GamedayKey = Key;

/** The panel's strings for a locale, with their placeholders filled in (lib/i18n/format-message.ts). */
export function gamedayText(locale: Locale) {
  const table: Record<Key, string> = locale === 'ko' ? ko : en;
  return (k: Key, values: Record<string, string | number> = {}) => formatMessage(table[k], locale, values);
}
