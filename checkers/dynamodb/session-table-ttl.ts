import { ttlOn } from '@/lib/inventory/dynamodb';
import { configurationNames } from '@/lib/inventory/fleet';
import { defineCheck, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'dynamodb.session-table-ttl',
  stage: '04-cache-automate-secure',
  severity: 'required',
  reads: ['sessionTables', 'webLaunchConfiguration'],
  title: {
    en: 'The web servers keep sessions in a lab DynamoDB table that expires them with TTL',
    ko: '웹 서버가 세션을 TTL로 만료되는 실습 DynamoDB 테이블에 둔다',
  },
  why: {
    en: 'Sessions move out of the web servers so that any instance can serve any user and scaling in logs nobody out. DynamoDB keeps them at any scale without servers to run, and TTL deletes expired sessions for free, with no clean-up job.',
    ko: '세션을 웹 서버 밖으로 옮겨야 어느 인스턴스든 어떤 사용자든 처리할 수 있고, 인스턴스를 줄여도 아무도 로그아웃되지 않습니다. DynamoDB는 운영할 서버 없이 어떤 규모에서도 세션을 보관하고, TTL은 정리 작업 없이 만료된 세션을 무료로 지웁니다.',
  },
  hint: {
    en: 'Add an AWS::DynamoDB::Table (BillingMode PAY_PER_REQUEST) with TimeToLiveSpecification { AttributeName: expiresAt, Enabled: true }. Tables made by hand count when named after the stack or tagged scalelab:lab=<stack>.',
    ko: 'TimeToLiveSpecification { AttributeName: expiresAt, Enabled: true }를 켠 AWS::DynamoDB::Table(BillingMode PAY_PER_REQUEST)을 추가하세요. 직접 만든 테이블은 이름이 스택 이름으로 시작하거나 scalelab:lab=<스택> 태그가 있으면 인정됩니다.',
  },
  step: 'session-table',
  remediation: {
    template:
      'SessionTable:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    BillingMode: PAY_PER_REQUEST\n    AttributeDefinitions:\n      - { AttributeName: sessionId, AttributeType: S }\n    KeySchema:\n      - { AttributeName: sessionId, KeyType: HASH }\n    TimeToLiveSpecification:\n      AttributeName: expiresAt\n      Enabled: true',
    console: {
      en: 'DynamoDB → Tables → the sessions table → Additional settings → Time to Live (TTL) → Turn on → attribute name expiresAt.',
      ko: 'DynamoDB → 테이블 → 세션 테이블 → 추가 설정 → TTL(Time to Live) → 켜기 → 속성 이름 expiresAt.',
    },
    cli: 'aws dynamodb update-time-to-live --table-name <table> --time-to-live-specification "Enabled=true,AttributeName=expiresAt"',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [found, config] = await Promise.all([inv.sessionTables(), inv.webLaunchConfiguration()]);
    const all = found.filter((t) => t.ttl !== undefined);
    if (all.length === 0) {
      return fail({
        en: `No DynamoDB table for the lab (the stack's SessionTable output, a table tagged scalelab:lab=${inv.scope.stackName}, or one named after ${inv.scope.stackName}).`,
        ko: `실습용 DynamoDB 테이블(스택 출력 SessionTable, scalelab:lab=${inv.scope.stackName} 태그가 있는 테이블, 또는 이름이 ${inv.scope.stackName}로 시작하는 테이블)이 없습니다.`,
      });
    }
    // The table that counts is the one the app keeps its sessions in: named in the web servers' configuration.
    const tables = all.filter((t) => configurationNames(config, t.name));
    if (tables.length === 0) {
      const where = config ? `launch template ${config.source}` : 'no web Auto Scaling group launch template';
      const names = all.map((t) => t.name).join(', ');
      return fail(
        {
          en: `The web servers' configuration (${where}) names none of the lab's DynamoDB tables (${names}): the app does not keep its sessions there.`,
          ko: `웹 서버의 구성(${where})에 실습 DynamoDB 테이블(${names})이 없습니다. 앱이 세션을 그곳에 두지 않습니다.`,
        },
        all.map((t) => ({ id: t.name, type: 'AWS::DynamoDB::Table', values: { usedByApp: false } })),
      );
    }
    const evidence = tables.map((t) => ({
      id: t.name,
      type: 'AWS::DynamoDB::Table',
      values: {
        TimeToLiveStatus: t.ttl?.TimeToLiveStatus ?? null,
        AttributeName: t.ttl?.AttributeName ?? null,
        usedByApp: config?.source ?? null,
      },
    }));
    const good = tables.find((t) => ttlOn(t.ttl));
    if (good) {
      return pass(
        {
          en: `DynamoDB table ${good.name}, where the web servers keep sessions, expires items on ${good.ttl?.AttributeName} (TTL ${good.ttl?.TimeToLiveStatus}).`,
          ko: `웹 서버가 세션을 두는 DynamoDB 테이블 ${good.name}이 ${good.ttl?.AttributeName} 속성으로 항목을 만료시킵니다 (TTL ${good.ttl?.TimeToLiveStatus}).`,
        },
        evidence,
      );
    }
    const list = tables.map((t) => `${t.name} (TTL ${t.ttl?.TimeToLiveStatus ?? 'DISABLED'})`).join(', ');
    return fail(
      {
        en: `The DynamoDB table the web servers keep sessions in has no TTL enabled: ${list}.`,
        ko: `웹 서버가 세션을 두는 DynamoDB 테이블에 TTL이 켜져 있지 않습니다: ${list}.`,
      },
      evidence,
    );
  },
});
