import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'dynamodb.global-table',
  stage: '06-go-global',
  severity: 'required',
  reads: ['globalTables'],
  title: {
    en: 'A lab DynamoDB table has replicas in at least two regions',
    ko: '실습 DynamoDB 테이블의 복제본이 두 개 이상의 리전에 있다',
  },
  why: {
    en: 'The service that goes multi-Region most easily is a DynamoDB global table: every Region holds a full replica that the app reads and writes locally, and DynamoDB replicates the changes between them, typically within a second. No replication code, no primary to promote.',
    ko: '멀티 리전을 가장 쉽게 적용할 수 있는 서비스는 DynamoDB 글로벌 테이블입니다. 리전마다 앱이 로컬에서 읽고 쓰는 전체 복제본이 있고, DynamoDB가 보통 1초 안에 변경 사항을 서로 복제합니다. 복제 코드도, 승격할 기본 DB도 필요 없습니다.',
  },
  hint: {
    en: 'Use an AWS::DynamoDB::GlobalTable with Replicas for both lab regions (BillingMode PAY_PER_REQUEST, StreamSpecification NEW_AND_OLD_IMAGES), deployed in the first region only.',
    ko: '두 실습 리전을 Replicas에 넣은 AWS::DynamoDB::GlobalTable(BillingMode PAY_PER_REQUEST, StreamSpecification NEW_AND_OLD_IMAGES)을 첫 리전에만 배포하세요.',
  },
  step: 'global-table',
  remediation: {
    template:
      'GlobalTable:\n  Type: AWS::DynamoDB::GlobalTable\n  Properties:\n    BillingMode: PAY_PER_REQUEST\n    StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }\n    Replicas:\n      - Region: us-east-1\n      - Region: us-west-2',
    console: {
      en: 'DynamoDB → Tables → the lab table → Global tables → Create replica → the second region.',
      ko: 'DynamoDB → 테이블 → 실습 테이블 → 글로벌 테이블 → 복제본 생성 → 두 번째 리전.',
    },
    cli: 'aws dynamodb update-table --table-name <table> --replica-updates \'[{"Create":{"RegionName":"us-west-2"}}]\'',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const tables = (await inv.global.globalTables()).filter((t) => t.table);
    if (!tables.length)
      return fail({
        en: 'No lab DynamoDB table yet (none named by the GlobalTable output, tagged scalelab:lab, or named after the stack).',
        ko: '아직 실습 DynamoDB 테이블이 없습니다(GlobalTable 출력이 가리키거나, scalelab:lab 태그가 있거나, 스택 이름으로 시작하는 테이블이 없습니다).',
      });
    const evidence: Evidence[] = tables.map((t) => ({
      id: t.name,
      type: 'AWS::DynamoDB::Table',
      values: { regions: t.regions.join(', '), globalTableVersion: t.table?.GlobalTableVersion ?? null },
    }));
    const global = tables.find((t) => t.regions.length >= 2);
    return global
      ? pass(
          {
            en: `DynamoDB table ${global.name} has replicas in ${global.regions.join(', ')}.`,
            ko: `DynamoDB 테이블 ${global.name}의 복제본이 ${global.regions.join(', ')}에 있습니다.`,
          },
          evidence,
        )
      : fail(
          {
            en: `DynamoDB table ${tables.map((t) => t.name).join(', ')} lives only in ${inv.clients.region}: add a replica in the second region.`,
            ko: `DynamoDB 테이블 ${tables.map((t) => t.name).join(', ')}가 ${inv.clients.region}에만 있습니다. 두 번째 리전에 복제본을 추가하세요.`,
          },
          evidence,
        );
  },
});
