import type { ServerlessPath } from '@/lib/inventory/decoupled';
import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

const evidenceOf = (p: ServerlessPath): Evidence => ({
  id: p.api.Name ?? p.api.ApiId ?? '?',
  type: 'AWS::ApiGatewayV2::Api',
  values: {
    apiId: p.api.ApiId ?? null,
    endpoint: p.api.ApiEndpoint ?? null,
    function: p.fn?.FunctionName ?? p.integration?.IntegrationUri ?? null,
    table: p.table?.TableName ?? null,
  },
});

export default defineCheck({
  id: 'lambda.serverless-api',
  stage: '05-decouple',
  severity: 'recommended',
  reads: ['serverlessPaths'],
  title: {
    en: 'A lab API Gateway API invokes a Lambda function that uses a DynamoDB table',
    ko: '실습 API Gateway API가 DynamoDB 테이블을 쓰는 Lambda 함수를 호출한다',
  },
  why: {
    en: 'Try something new without touching the service running in the VPC: a small API Gateway → Lambda → DynamoDB path has no servers to patch or scale and costs nothing when idle, so an experiment can live beside the main architecture instead of inside it.',
    ko: 'VPC 안에서 운영하던 서비스를 건드리지 않고 실험적으로 새것을 시도합니다. 작은 API Gateway → Lambda → DynamoDB 경로에는 패치하거나 확장할 서버가 없고 쓰지 않을 때는 비용이 들지 않으므로, 실험을 주 아키텍처 안이 아니라 옆에 둘 수 있습니다.',
  },
  hint: {
    en: 'Add an AWS::ApiGatewayV2::Api (HTTP) tagged scalelab:lab or named after the stack, an AWS_PROXY integration to an AWS::Lambda::Function, and give the function a TABLE_NAME environment variable naming the DynamoDB table it reads and writes.',
    ko: 'scalelab:lab 태그를 달거나 스택 이름으로 시작하는 AWS::ApiGatewayV2::Api(HTTP)와 AWS::Lambda::Function으로 가는 AWS_PROXY 통합을 추가하고, 함수에 읽고 쓰는 DynamoDB 테이블을 가리키는 TABLE_NAME 환경 변수를 두세요.',
  },
  step: 'serverless',
  remediation: {
    template:
      'Integration:\n  Type: AWS::ApiGatewayV2::Integration\n  Properties:\n    ApiId: !Ref HttpApi\n    IntegrationType: AWS_PROXY\n    IntegrationUri: !GetAtt ItemsFunction.Arn\n    PayloadFormatVersion: "2.0"',
    console: {
      en: 'Lambda → Create function (environment variable TABLE_NAME = the table) → Add trigger → API Gateway → Create a new API → HTTP API; name it <stack>-api.',
      ko: 'Lambda → 함수 생성(환경 변수 TABLE_NAME = 테이블) → 트리거 추가 → API Gateway → 새 API 생성 → HTTP API, 이름은 <stack>-api.',
    },
    cli: 'aws apigatewayv2 create-api --name <stack>-api --protocol-type HTTP --target <function-arn> --tags scalelab:lab=<stack>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const paths = await inv.decoupled.serverlessPaths();
    if (!paths.length)
      return fail({
        en: 'No lab API Gateway API yet (none tagged scalelab:lab or named after the stack).',
        ko: '아직 실습 API Gateway API가 없습니다(scalelab:lab 태그가 있거나 스택 이름으로 시작하는 API가 없습니다).',
      });
    const evidence = paths.map(evidenceOf);
    const whole = paths.find((p) => p.fn && p.table);
    if (whole)
      return pass(
        {
          en: `API ${whole.api.Name} invokes Lambda function ${whole.fn?.FunctionName}, which uses DynamoDB table ${whole.table?.TableName}.`,
          ko: `API ${whole.api.Name}가 DynamoDB 테이블 ${whole.table?.TableName}를 쓰는 Lambda 함수 ${whole.fn?.FunctionName}를 호출합니다.`,
        },
        evidence,
      );
    const withFn = paths.find((p) => p.fn);
    if (withFn)
      return fail(
        {
          en: `Lambda function ${withFn.fn?.FunctionName} behind API ${withFn.api.Name} names no existing DynamoDB table in its environment.`,
          ko: `API ${withFn.api.Name} 뒤의 Lambda 함수 ${withFn.fn?.FunctionName}가 환경 변수에 있는 DynamoDB 테이블을 가리키지 않습니다.`,
        },
        evidence,
      );
    const names = paths.map((p) => p.api.Name).join(', ');
    return fail(
      {
        en: `API ${names} has no Lambda proxy integration to an existing function.`,
        ko: `API ${names}에 실제로 있는 함수로 가는 Lambda 프록시 통합이 없습니다.`,
      },
      evidence,
    );
  },
});
