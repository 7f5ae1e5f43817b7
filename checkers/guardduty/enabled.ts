import { defineCheck, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'guardduty.enabled',
  stage: '04-cache-automate-secure',
  severity: 'recommended',
  reads: ['detectors'],
  title: {
    en: 'GuardDuty is enabled in the lab region',
    ko: '실습 리전에서 GuardDuty가 켜져 있다',
  },
  why: {
    en: 'GuardDuty reads CloudTrail, VPC flow logs and DNS logs for you and raises findings such as an instance talking to a known crypto-mining pool or credentials used from an unusual place, with nothing to install. It works per region, so the lab region needs its own detector.',
    ko: 'GuardDuty는 설치할 것 없이 CloudTrail, VPC 흐름 로그, DNS 로그를 대신 읽고, 알려진 암호화폐 채굴 풀과 통신하는 인스턴스나 낯선 곳에서 쓰인 자격 증명 같은 결과를 알려 줍니다. 리전 단위로 동작하므로 실습 리전에도 디텍터가 있어야 합니다.',
  },
  hint: {
    en: 'Add an AWS::GuardDuty::Detector with Enable: true (or enable GuardDuty in the console); an account has one detector per region.',
    ko: 'Enable: true인 AWS::GuardDuty::Detector를 추가하거나 콘솔에서 GuardDuty를 켜세요. 계정에는 리전마다 디텍터가 하나씩 있습니다.',
  },
  step: 'guardduty',
  remediation: {
    template:
      'Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n    Enable: true\n    FindingPublishingFrequency: FIFTEEN_MINUTES',
    console: {
      en: 'GuardDuty (in the lab region) → Get started → Enable GuardDuty. A suspended detector: Settings → Resume GuardDuty.',
      ko: 'GuardDuty(실습 리전) → 시작하기 → GuardDuty 활성화. 일시 중지된 디텍터는 설정 → GuardDuty 재개.',
    },
    cli: 'aws guardduty create-detector --enable   # or: aws guardduty update-detector --detector-id <id> --enable',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const detectors = await inv.detectors();
    if (detectors.length === 0) {
      return fail({
        en: `No GuardDuty detector in ${inv.clients.region}.`,
        ko: `${inv.clients.region} 리전에 GuardDuty 디텍터가 없습니다.`,
      });
    }
    const evidence = detectors.map((d) => ({
      id: d.detectorId,
      type: 'AWS::GuardDuty::Detector',
      values: { Status: d.status ?? null },
    }));
    const on = detectors.find((d) => d.status === 'ENABLED');
    return on
      ? pass(
          {
            en: `GuardDuty detector ${on.detectorId} is ENABLED in ${inv.clients.region}.`,
            ko: `${inv.clients.region} 리전의 GuardDuty 디텍터 ${on.detectorId}가 켜져 있습니다 (ENABLED).`,
          },
          evidence,
        )
      : fail(
          {
            en: `GuardDuty detector ${detectors.map((d) => `${d.detectorId} is ${d.status ?? 'unknown'}`).join(', ')} in ${inv.clients.region}.`,
            ko: `${inv.clients.region} 리전의 GuardDuty 디텍터가 꺼져 있습니다: ${detectors.map((d) => `${d.detectorId}=${d.status ?? 'unknown'}`).join(', ')}.`,
          },
          evidence,
        );
  },
});
