import { defineCheck, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'ec2.web-instance-running',
  stage: '00-one-user',
  severity: 'required',
  reads: ['instances'],
  title: { en: 'A web instance is running in the lab VPC', ko: '실습 VPC에서 웹 인스턴스가 실행 중이다' },
  why: {
    en: 'Day one is one box: a single EC2 instance runs the web app and its database.',
    ko: '첫날의 서비스는 상자 하나입니다. EC2 인스턴스 한 대가 웹 앱과 데이터베이스를 모두 실행합니다.',
  },
  hint: {
    en: 'Launch the stage template, or start an instance tagged scalelab:role=web in the lab VPC.',
    ko: '스테이지 템플릿을 배포하거나, 실습 VPC에 scalelab:role=web 태그를 단 인스턴스를 시작하세요.',
  },
  step: 'launch',
  remediation: {
    template:
      'WebInstance:\n  Type: AWS::EC2::Instance\n  Properties:\n    Tags:\n      - { Key: scalelab:role, Value: web }',
    console: {
      en: 'EC2 → Instances → select the web instance → Instance state → Start instance.',
      ko: 'EC2 → 인스턴스 → 웹 인스턴스 선택 → 인스턴스 상태 → 인스턴스 시작.',
    },
    cli: 'aws ec2 start-instances --instance-ids <instance-id>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const web = await inv.webInstances();
    const evidence = web.map((i) => ({
      id: i.InstanceId ?? '?',
      type: 'AWS::EC2::Instance',
      values: { State: i.State?.Name ?? null, InstanceType: i.InstanceType ?? null, 'scalelab:role': 'web' },
    }));
    const running = web.find((i) => i.State?.Name === 'running');
    if (running) {
      return pass(
        {
          en: `EC2 instance ${running.InstanceId} is running.`,
          ko: `EC2 인스턴스 ${running.InstanceId}가 실행 중입니다.`,
        },
        evidence,
      );
    }
    if (web.length === 0) {
      return fail({
        en: 'No EC2 instance tagged scalelab:role=web in the lab VPC.',
        ko: '실습 VPC에 scalelab:role=web 태그가 달린 EC2 인스턴스가 없습니다.',
      });
    }
    const states = web.map((i) => `${i.InstanceId}=${i.State?.Name}`).join(', ');
    return fail(
      { en: `No web instance is running (${states}).`, ko: `실행 중인 웹 인스턴스가 없습니다 (${states}).` },
      evidence,
    );
  },
});
