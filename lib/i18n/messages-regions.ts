/**
 * UI strings of stage 06's pair on the stack card (the second region, the secondary and the primary, both regions'
 * clean-up), in both languages. Spread into lib/i18n/messages.ts. Korean follows the stage 06 lab: 기본(primary),
 * 보조(secondary), 두 번째 리전, 호스팅 영역.
 */
export const regionsEn = {
  'stack.pair.title': 'Two Regions',
  'stack.pair.lead':
    'This stage deploys the template twice under the same stack name: the secondary in the second Region first, then the primary in {primary}, given the secondary’s outputs.',
  'stack.pair.secondRegion': 'Second Region',
  'stack.pair.regionFixed': 'A stack runs in {region}: delete the pair to choose another second Region.',
  'stack.pair.hostedZone': 'Hosted zone ID (optional)',
  'stack.pair.hostedZoneHint':
    'A public hosted zone of a domain you own, for the failover records. Empty: the one the primary already uses, or no records.',
  'stack.pair.hostedZoneSandbox': 'In the sandbox a hosted zone ({domain}) is made for the failover records.',
  'stack.pair.region.primary': 'Primary · {region}',
  'stack.pair.region.secondary': 'Secondary · {region}',
  'stack.pair.changeSetIn.primary': 'Change set of the primary in {region}',
  'stack.pair.changeSetIn.secondary': 'Change set of the secondary in {region}',
  'stack.pair.secondaryUnchanged': 'Nothing changes in {region}: next, the primary.',
  'stack.pair.nextPrimary': 'The secondary is ready. Next: the primary in {region}, given the secondary’s outputs.',
  'stack.pair.single':
    'This template has no Role parameter, so it deploys in {region} only. Add the two-Region parameters (the first step) to deploy it in the second Region too.',
  'stack.pair.deleteConfirm':
    'Delete {name} in both Regions, {primary} first, then {second}? Everything in the stacks is lost.',
  'stack.pair.deleteNext': 'Then {region}, once the primary is gone.',
  'stack.pair.uptime':
    'Up for {primaryTime} in {primary} and {secondTime} in {second}: about {cost} USD so far at ≈ {rate} USD/h.',
  'stack.pair.uptimeSandbox': 'Up for {primaryTime} in {primary} and {secondTime} in {second} in the sandbox: free.',
  'stack.error.second-region-same': 'The second Region must differ from the lab Region ({primary}).',
  'stack.error.second-region-unavailable':
    'This stage cannot run in {region} from this account: choose one of the Regions listed.',
  'stack.error.second-region-invalid': '{region} is not an AWS Region name (like us-west-2).',
  'stack.error.secondary-missing': 'Deploy the secondary in {region} first: the primary takes its outputs.',
};

export const regionsKo: Record<keyof typeof regionsEn, string> = {
  'stack.pair.title': '두 리전',
  'stack.pair.lead':
    '이 스테이지는 같은 스택 이름으로 템플릿을 두 번 배포합니다. 먼저 두 번째 리전에 보조 스택을, 그다음 {primary}에 보조 스택의 출력을 받은 기본 스택을 배포합니다.',
  'stack.pair.secondRegion': '두 번째 리전',
  'stack.pair.regionFixed': '{region}에 스택이 실행 중입니다. 다른 두 번째 리전을 고르려면 두 스택을 먼저 삭제하세요.',
  'stack.pair.hostedZone': '호스팅 영역 ID(선택)',
  'stack.pair.hostedZoneHint':
    '장애 조치 레코드를 만들 내 도메인의 퍼블릭 호스팅 영역입니다. 비우면 기본 스택이 이미 쓰는 영역을 쓰고, 없으면 레코드를 만들지 않습니다.',
  'stack.pair.hostedZoneSandbox': '샌드박스에서는 장애 조치 레코드용 호스팅 영역({domain})을 대신 만듭니다.',
  'stack.pair.region.primary': '기본 · {region}',
  'stack.pair.region.secondary': '보조 · {region}',
  'stack.pair.changeSetIn.primary': '{region}의 기본 스택 변경 세트',
  'stack.pair.changeSetIn.secondary': '{region}의 보조 스택 변경 세트',
  'stack.pair.secondaryUnchanged': '{region}에서는 바뀌는 것이 없습니다. 다음은 기본 스택입니다.',
  'stack.pair.nextPrimary': '보조 스택이 준비됐습니다. 다음: {region}의 기본 스택(보조 스택의 출력을 받습니다).',
  'stack.pair.single':
    '이 템플릿에는 Role 파라미터가 없어서 {region}에만 배포됩니다. 두 번째 리전에도 배포하려면 두 리전용 파라미터를 추가하세요(첫 번째 절차).',
  'stack.pair.deleteConfirm':
    '{name}을(를) 두 리전에서 삭제할까요? {primary}의 스택을 먼저, 그다음 {second}의 스택을 삭제합니다. 스택 안의 모든 것이 사라집니다.',
  'stack.pair.deleteNext': '기본 스택이 없어지면 {region}도 삭제합니다.',
  'stack.pair.uptime':
    '{primary}에서 {primaryTime}, {second}에서 {secondTime} 동안 실행 중: 시간당 약 {rate} USD로 지금까지 약 {cost} USD.',
  'stack.pair.uptimeSandbox': '샌드박스의 {primary}에서 {primaryTime}, {second}에서 {secondTime} 동안 실행 중: 무료.',
  'stack.error.second-region-same': '두 번째 리전은 실습 리전({primary})과 달라야 합니다.',
  'stack.error.second-region-unavailable':
    '이 계정에서는 {region}에서 이 스테이지를 실행할 수 없습니다. 목록에 있는 리전 중에서 고르세요.',
  'stack.error.second-region-invalid': '{region}은(는) AWS 리전 이름이 아닙니다(예: us-west-2).',
  'stack.error.secondary-missing': '먼저 {region}에 보조 스택을 배포하세요. 기본 스택이 그 출력을 받습니다.',
};
