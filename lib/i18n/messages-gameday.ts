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
    '{requests} requests, {errors} errors, {degraded} without the database, {inService} web instance(s) in service',
  'gameday.failed': 'The drill could not run: {reason}',
  'gameday.seconds': '{t} s',
  'gameday.none': 'no AZ',
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
};

export type GamedayKey = Key;

/** The panel's strings for a locale, with `{name}` placeholders filled in. */
export function gamedayText(locale: Locale) {
  const table: Record<Key, string> = locale === 'ko' ? ko : en;
  return (k: Key, values: Record<string, string | number> = {}) =>
    table[k].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
