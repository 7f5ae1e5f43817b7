import { defineCheck, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'ec2.imdsv2-required',
  stage: '00-one-user',
  severity: 'recommended',
  reads: ['instances'],
  title: { en: 'Web instances require IMDSv2', ko: '웹 인스턴스가 IMDSv2를 강제한다' },
  why: {
    en: 'IMDSv2 needs a session token, which blocks the SSRF tricks that read instance credentials through IMDSv1.',
    ko: 'IMDSv2는 세션 토큰을 요구하므로, IMDSv1을 통해 인스턴스 자격 증명을 읽어 가는 SSRF 공격을 막습니다.',
  },
  hint: {
    en: 'Set MetadataOptions.HttpTokens to required.',
    ko: 'MetadataOptions.HttpTokens를 required로 설정하세요.',
  },
  step: 'imdsv2',
  remediation: {
    template: 'MetadataOptions:\n  HttpTokens: required',
    console: {
      en: 'EC2 → Instances → Actions → Instance settings → Modify instance metadata options → IMDSv2: Required.',
      ko: 'EC2 → 인스턴스 → 작업 → 인스턴스 설정 → 인스턴스 메타데이터 옵션 수정 → IMDSv2: 필수.',
    },
    cli: 'aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-tokens required',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const web = await inv.webInstances();
    if (web.length === 0)
      return fail({ en: 'No web instance in the lab VPC.', ko: '실습 VPC에 웹 인스턴스가 없습니다.' });
    const evidence = web.map((i) => ({
      id: i.InstanceId ?? '?',
      type: 'AWS::EC2::Instance',
      values: { HttpTokens: i.MetadataOptions?.HttpTokens ?? null },
    }));
    const optional = web.filter((i) => i.MetadataOptions?.HttpTokens !== 'required').map((i) => i.InstanceId);
    return optional.length === 0
      ? pass(
          {
            en: `EC2 instances ${web.map((i) => i.InstanceId).join(', ')} require IMDSv2.`,
            ko: `EC2 인스턴스 ${web.map((i) => i.InstanceId).join(', ')}가 IMDSv2를 강제합니다.`,
          },
          evidence,
        )
      : fail(
          {
            en: `EC2 instances ${optional.join(', ')} still accept IMDSv1 (HttpTokens=optional).`,
            ko: `EC2 인스턴스 ${optional.join(', ')}가 아직 IMDSv1을 허용합니다 (HttpTokens=optional).`,
          },
          evidence,
        );
  },
});
