/**
 * UI strings of the change-set preview's cost warning (lib/stacks/cost-warnings.ts, components/stacks/cost-warning.tsx),
 * in both languages. Spread into lib/i18n/messages.ts.
 */
export const costWarningEn = {
  'stack.cost.title': 'Cost warning: this deploy costs money while it runs',
  'stack.cost.global':
    'It turns on an Aurora global database, the stage’s stretch goal: every write is replicated to the other Region at {perMillion} USD per million, and the other Region’s cluster runs instances of its own.',
  'stack.cost.instances':
    '{n, plural, one {# Aurora instance} other {# Aurora instances}} in this Region ({classes}): about {hourly} USD an hour, {weekly} USD a week.',
  'stack.cost.serverless':
    'Aurora Serverless v2 is billed per ACU-hour: the lower figure is the cluster’s minimum capacity, the higher its maximum.',
  'stack.cost.priced': 'On-demand prices of {region}.',
  'stack.cost.estimated': 'An estimate: this Region is priced as {region}.',
  'stack.cost.unpriced': 'Not counted, no price known here: {classes}.',
  'stack.cost.cleanUp': 'Deploy it only if you will delete it the same day (the lab’s clean-up step).',
} as const;

export const costWarningKo: Record<keyof typeof costWarningEn, string> = {
  'stack.cost.title': '비용 경고: 이 배포는 실행되는 동안 비용이 듭니다',
  'stack.cost.global':
    '스테이지의 도전 과제인 Aurora 글로벌 데이터베이스를 켭니다. 모든 쓰기가 다른 리전으로 복제되어 100만 건마다 {perMillion} USD가 들고, 다른 리전의 클러스터도 자기 인스턴스를 돌립니다.',
  'stack.cost.instances': '이 리전의 Aurora 인스턴스 {n}개({classes}): 시간당 약 {hourly} USD, 일주일에 {weekly} USD.',
  'stack.cost.serverless':
    'Aurora Serverless v2는 ACU시간 단위로 과금됩니다. 낮은 금액은 클러스터의 최소 용량, 높은 금액은 최대 용량 기준입니다.',
  'stack.cost.priced': '{region}의 온디맨드 요금입니다.',
  'stack.cost.estimated': '추정치입니다. 이 리전은 {region} 요금으로 계산했습니다.',
  'stack.cost.unpriced': '요금을 몰라 계산에서 뺀 클래스: {classes}.',
  'stack.cost.cleanUp': '같은 날 삭제할 때만 배포하세요(실습의 정리 절차를 따르세요).',
};
