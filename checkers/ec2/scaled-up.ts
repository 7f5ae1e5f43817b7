import { defineCheck, fail, noLabYet, pass } from '../define';

/**
 * The type stage 00 launches the one box with (`InstanceType`'s default in templates/00-one-user/solution.yaml; a
 * content test keeps the two equal). Scaling up means the running instance has another type now.
 */
export const LAUNCH_TYPE = 't3.micro';

export default defineCheck({
  id: 'ec2.scaled-up',
  stage: '00-one-user',
  severity: 'recommended',
  reads: ['instances'],
  title: {
    en: `The web server was scaled up: it no longer runs the ${LAUNCH_TYPE} it was launched with`,
    ko: `웹 서버를 스케일 업했다: 처음 띄운 ${LAUNCH_TYPE}로 더는 실행되지 않는다`,
  },
  why: {
    en: 'Vertical scaling is the only way one box grows: a bigger instance type, at the price of a stop and a start, and only up to the largest type there is.',
    ko: '서버 한 대가 커지는 방법은 수직 확장뿐입니다. 더 큰 인스턴스 유형으로 바꾸는 대가는 중지와 시작이고, 가장 큰 유형에서 한계에 닿습니다.',
  },
  hint: {
    en: `Change InstanceType from ${LAUNCH_TYPE} to t3.small and deploy; watch the stop and the start in the events.`,
    ko: `InstanceType을 ${LAUNCH_TYPE}에서 t3.small로 바꾸고 배포한 뒤, 이벤트에서 중지와 시작을 확인하세요.`,
  },
  step: 'scale-up',
  remediation: {
    template: 'InstanceType:\n  Type: String\n  Default: t3.small',
    console: {
      en: 'CloudFormation → your stack → Update → Use current template → InstanceType = t3.small (AmiId: keep the AMI the stack runs) → Submit.',
      ko: 'CloudFormation → 내 스택 → 업데이트 → 현재 템플릿 사용 → InstanceType = t3.small (AmiId: 스택이 쓰는 AMI 유지) → 제출.',
    },
    cli: 'aws cloudformation update-stack --stack-name <stack> --use-previous-template --parameters ParameterKey=InstanceType,ParameterValue=t3.small ParameterKey=LatestAmiId,UsePreviousValue=true ParameterKey=AmiId,ParameterValue=<ami the stack runs>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const web = (await inv.webInstances()).filter((i) => i.State?.Name === 'running');
    if (web.length === 0)
      return fail({
        en: 'No running web instance in the lab VPC.',
        ko: '실습 VPC에 실행 중인 웹 인스턴스가 없습니다.',
      });
    const evidence = web.map((i) => ({
      id: i.InstanceId ?? '?',
      type: 'AWS::EC2::Instance',
      values: { InstanceType: i.InstanceType ?? null, launchedAs: LAUNCH_TYPE },
    }));
    const same = web.filter((i) => !i.InstanceType || i.InstanceType === LAUNCH_TYPE);
    if (same.length === 0) {
      const types = [...new Set(web.map((i) => i.InstanceType))].join(', ');
      return pass(
        {
          en: `EC2 instance ${web.map((i) => i.InstanceId).join(', ')} runs ${types}, scaled up from ${LAUNCH_TYPE}.`,
          ko: `EC2 인스턴스 ${web.map((i) => i.InstanceId).join(', ')}가 ${LAUNCH_TYPE}에서 스케일 업한 ${types}로 실행 중입니다.`,
        },
        evidence,
      );
    }
    return fail(
      {
        en: `EC2 instance ${same.map((i) => i.InstanceId).join(', ')} still runs ${LAUNCH_TYPE}, the type it was launched with.`,
        ko: `EC2 인스턴스 ${same.map((i) => i.InstanceId).join(', ')}가 아직 처음 띄운 유형인 ${LAUNCH_TYPE}로 실행 중입니다.`,
      },
      evidence,
    );
  },
});
