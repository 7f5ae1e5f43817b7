import { defineCheck, fail, noLabYet, pass } from '../define';

const COMPLETE = ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE'];

export default defineCheck({
  id: 'cloudformation.second-region',
  stage: '06-go-global',
  severity: 'required',
  reads: ['secondRegion'],
  title: {
    en: 'The lab stack is deployed and complete in a second region',
    ko: '실습 스택이 두 번째 리전에도 배포되어 완료 상태이다',
  },
  why: {
    en: 'A Region can fail as a whole. Deploying the same template in a second Region gives users somewhere to go, and because it is the same template (names made region-safe) the two copies do not drift apart: infrastructure as code is what makes a second Region affordable to run.',
    ko: '리전도 통째로 장애가 날 수 있습니다. 같은 템플릿을 두 번째 리전에 배포하면 사용자가 갈 곳이 생기고, 같은 템플릿(리전에 안전한 이름)이라 두 사본이 서로 어긋나지 않습니다. 코드형 인프라 덕분에 두 번째 리전을 감당할 수 있습니다.',
  },
  hint: {
    en: 'Choose a second region on the stack card (us-west-2 by default, ap-northeast-3 with Seoul) and launch the same stage template there, with the same stack name.',
    ko: '스택 카드에서 두 번째 리전(기본 us-west-2, 서울이면 ap-northeast-3)을 고르고 같은 스테이지 템플릿을 같은 스택 이름으로 그곳에 배포하세요.',
  },
  step: 'second-region',
  remediation: {
    template:
      'The same template, launched again in the second region (region-safe names: no hard-coded AZs or global names).',
    console: {
      en: 'Switch the console to the second region → CloudFormation → Create stack → With new resources → upload the stage template → the same stack name.',
      ko: '콘솔을 두 번째 리전으로 바꾸고 → CloudFormation → 스택 생성 → 새 리소스 사용 → 스테이지 템플릿 업로드 → 같은 스택 이름.',
    },
    cli: 'aws cloudformation deploy --region us-west-2 --stack-name <stack> --template-file solution.yaml --capabilities CAPABILITY_IAM',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const second = await inv.global.secondRegion();
    const name = inv.scope.stackName;
    if (!second)
      return fail({
        en: `No second region is set for this account (only ${inv.clients.region}): choose one on the stack card and deploy ${name} there.`,
        ko: `이 계정에는 두 번째 리전이 정해져 있지 않습니다(${inv.clients.region}뿐). 스택 카드에서 하나를 고르고 ${name}를 그곳에 배포하세요.`,
      });
    const { region, stack } = second;
    if (!stack)
      return fail({
        en: `CloudFormation stack ${name} does not exist in ${region} yet: deploy the same template there.`,
        ko: `${region}에 아직 CloudFormation 스택 ${name}가 없습니다. 같은 템플릿을 그곳에 배포하세요.`,
      });
    const status = stack.StackStatus ?? 'UNKNOWN';
    const evidence = [{ id: stack.StackId ?? name, type: 'AWS::CloudFormation::Stack', values: { region, status } }];
    return COMPLETE.includes(status)
      ? pass(
          {
            en: `CloudFormation stack ${name} is ${status} in ${region}.`,
            ko: `${region}의 CloudFormation 스택 ${name}는 ${status} 상태입니다.`,
          },
          evidence,
        )
      : fail(
          {
            en: `CloudFormation stack ${name} in ${region} is ${status}, not complete.`,
            ko: `${region}의 CloudFormation 스택 ${name}가 완료 상태가 아니라 ${status}입니다.`,
          },
          evidence,
        );
  },
});
