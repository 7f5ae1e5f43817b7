/**
 * UI strings of the journey's end (the journey page once the last stage is completed), in both languages. Spread
 * into lib/i18n/messages.ts.
 */
export const journeyEndEn = {
  'journey.finished.title': 'You finished the journey',
  'journey.finished.lead':
    'Every stage is completed: from one server for one user to two Regions for ten million. This is what you built.',
  'journey.finished.built': 'What you built',
  'journey.finished.stage': 'Stage {n} · {title}',
  'journey.finished.capstone': 'Read the ten commandments for ten million users again',
  'journey.finished.cleanUp': 'Clean up both Regions',
} as const;

export const journeyEndKo: Record<keyof typeof journeyEndEn, string> = {
  'journey.finished.title': '여정을 마쳤습니다',
  'journey.finished.lead':
    '모든 스테이지를 완료했습니다. 사용자 한 명을 위한 서버 한 대에서 천만 사용자를 위한 두 리전까지 왔습니다. 여러분이 만든 것입니다.',
  'journey.finished.built': '여러분이 만든 것',
  'journey.finished.stage': '스테이지 {n} · {title}',
  'journey.finished.capstone': '천만 사용자를 위한 십계명 다시 읽기',
  'journey.finished.cleanUp': '두 리전 모두 정리하기',
};
