import { CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { checkTemplateObject } from '@/lib/sandbox/rules/limits';
import { expectAccepted, expectRefused, sandbox, template } from './support';

const ROLE = `
  FnRole:
    Type: AWS::IAM::Role
    Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: 'sts:AssumeRole' }] } }
`;
const fn = (props: string) =>
  template(
    `${ROLE}
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Role: !GetAtt FnRole.Arn, Handler: index.handler, Code: { ZipFile: 'exports.handler = async () => 1' }, ${props} }
`,
    false,
  );

describe("Lambda ('lambda.runtime-not-deprecated', 'lambda.timeout-1-900', 'lambda.memory-128-10240')", () => {
  it('refuses a runtime past its block-create date', () =>
    expectRefused(
      fn('Runtime: nodejs16.x'),
      /The runtime parameter of nodejs16\.x is no longer supported for creating or updating AWS Lambda functions\. We recommend you use the new runtime \(nodejs22\.x\)/,
    ));
  it('refuses a timeout over 900 seconds and memory under 128 MB', async () => {
    await expectRefused(
      fn('Runtime: nodejs22.x, Timeout: 901'),
      /Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900/,
    );
    await expectRefused(
      fn('Runtime: nodejs22.x, MemorySize: 64'),
      /Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128/,
    );
  });
  it('accepts a current runtime, 900 seconds and 10,240 MB', () =>
    expectAccepted(fn('Runtime: nodejs22.x, Timeout: 900, MemorySize: 10240')));
});

describe("API Gateway ('apigateway.http-api-lambda-integration')", () => {
  const api = (integration: string) =>
    template(
      `${ROLE}
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Role: !GetAtt FnRole.Arn, Runtime: nodejs22.x, Handler: index.handler, Code: { ZipFile: 'exports.handler = async () => 1' } }
  Api: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: shop, ProtocolType: HTTP } }
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationUri: !GetAtt Fn.Arn, ${integration} }
`,
      false,
    );
  it('refuses a Lambda proxy integration without a payload format version', () =>
    expectRefused(api('IntegrationType: AWS_PROXY'), /PayloadFormatVersion is required for AWS_PROXY integrations/));
  it('refuses a non-proxy AWS integration on an HTTP API', () =>
    expectRefused(
      api("IntegrationType: AWS, PayloadFormatVersion: '2.0'"),
      /Integration type AWS is not supported for HTTP APIs/,
    ));
  it('accepts AWS_PROXY with payload format 2.0', () =>
    expectAccepted(api("IntegrationType: AWS_PROXY, PayloadFormatVersion: '2.0'")));
});

describe("SQS ('sqs.dlq-same-account-region', 'sqs.fifo-dlq-is-fifo', 'sqs.max-receive-count')", () => {
  const queues = (dlq: string, policy: string, fifo = false) =>
    template(
      `
  Dlq: { Type: AWS::SQS::Queue, Properties: { ${dlq} } }
  Work:
    Type: AWS::SQS::Queue
    Properties: { ${fifo ? 'FifoQueue: true, ' : ''}RedrivePolicy: ${policy} }
`,
      false,
    );
  const to = (count: number | string) => `{ deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: ${count} }`;
  it('refuses a maxReceiveCount outside 1–1000', () =>
    expectRefused(
      queues('', to(0)),
      /for parameter RedrivePolicy is invalid\. Reason: Invalid value for maxReceiveCount: 0, valid values are from 1 to 1000 both inclusive\./,
    ));
  it('refuses a standard dead-letter queue for a FIFO queue', () =>
    expectRefused(queues('', to(5), true), /Reason: Dead-letter queue must be same type of queue as the source\./));
  it('refuses a dead-letter queue of another account or Region', async () => {
    await expectRefused(
      queues('', "{ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:999988887777:dlq', maxReceiveCount: 5 }"),
      /Reason: Dead-letter target owner should be same as the source\./,
    );
    await expectRefused(
      queues('', "{ deadLetterTargetArn: 'arn:aws:sqs:us-west-2:111122223333:dlq', maxReceiveCount: 5 }"),
      /Reason: Dead-letter target must be in the same region as the source\./,
    );
  });
  it('accepts a same-type queue here with maxReceiveCount 1000', async () => {
    await expectAccepted(queues('', to(1000)));
    await expectAccepted(queues('FifoQueue: true', to(5), true));
  });
});

describe("DynamoDB global tables ('dynamodb.global-table-distinct-replicas', 'dynamodb.global-table-stream', 'dynamodb.global-table-billing-mode')", () => {
  const table = (props: string, replicas = '[{ Region: us-east-1 }, { Region: us-west-2 }]') =>
    template(
      `
  Sessions:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      Replicas: ${replicas}
      ${props}
`,
      false,
    );
  const STREAM = 'StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }';
  it('refuses two replicas in one Region', () =>
    expectRefused(
      table(`BillingMode: PAY_PER_REQUEST\n      ${STREAM}`, '[{ Region: us-east-1 }, { Region: us-east-1 }]'),
      /Duplicate replica Region: us-east-1/,
    ));
  it('refuses several replicas without a stream', () =>
    expectRefused(
      table('BillingMode: PAY_PER_REQUEST'),
      /StreamSpecification is required when a global table has more than one replica/,
    ));
  it('refuses PROVISIONED (the default) without write capacity settings', () =>
    expectRefused(
      table(STREAM),
      /WriteProvisionedThroughputSettings must be specified when BillingMode is PROVISIONED/,
    ));
  it('accepts on-demand replicas in two Regions with a stream', () =>
    expectAccepted(table(`BillingMode: PAY_PER_REQUEST\n      ${STREAM}`)));
});

describe("Route 53 ('route53.failover-one-primary-one-secondary', 'route53.health-check-config')", () => {
  const records = (second: string, interval = 30) =>
    template(
      `
  Zone: { Type: AWS::Route53::HostedZone, Properties: { Name: example.com } }
  Check: { Type: AWS::Route53::HealthCheck, Properties: { HealthCheckConfig: { Type: HTTP, FullyQualifiedDomainName: web.example.com, RequestInterval: ${interval} } } }
  Primary:
    Type: AWS::Route53::RecordSet
    Properties: { HostedZoneId: !Ref Zone, Name: app.example.com, Type: A, TTL: '60', ResourceRecords: [192.0.2.1], SetIdentifier: east, Failover: PRIMARY, HealthCheckId: !Ref Check }
  Second:
    Type: AWS::Route53::RecordSet
    DependsOn: Primary
    Properties: { HostedZoneId: !Ref Zone, Name: app.example.com, Type: A, TTL: '60', ResourceRecords: [192.0.2.2], ${second} }
`,
      false,
    );
  it('refuses a second PRIMARY for the same name and type', () =>
    expectRefused(
      records('SetIdentifier: west, Failover: PRIMARY'),
      /cannot have more than one failover record with Failover PRIMARY/,
    ));
  it('refuses a simple record beside a failover pair', () =>
    expectRefused(records('Comment: plain'), /a different routing policy already exists/));
  it('refuses a health check interval other than 10 or 30 seconds', () =>
    expectRefused(records('SetIdentifier: west, Failover: SECONDARY', 20), /RequestInterval must be 10 or 30/));
  it('accepts one PRIMARY with its health check and one SECONDARY', () =>
    expectAccepted(records('SetIdentifier: west, Failover: SECONDARY')));
});

describe("CloudFormation API limits ('cloudformation.template-body-51200', 'cloudformation.template-url-1mb', 'cloudformation.resources-500')", () => {
  const create = (body: string) =>
    sandbox().cloudformation.send(new CreateStackCommand({ StackName: 'big', TemplateBody: body }));
  it('refuses a TemplateBody over 51,200 bytes at CreateStack', async () => {
    const body = `Resources:\n  Topic: { Type: AWS::SNS::Topic }\n#${'x'.repeat(51_200)}`;
    await expect(create(body)).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(
        /^1 validation error detected: Value '.{20}\.\.\.' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to 51200$/s,
      ),
    });
  });
  it('refuses 501 resources, accepts 500', async () => {
    const topics = (n: number) =>
      `Resources:\n${Array.from({ length: n }, (_, i) => `  T${i}: { Type: AWS::SNS::Topic }`).join('\n')}\n`;
    await expect(create(topics(501))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Template format error: Number of resources, 501, is greater than maximum allowed, 500',
    });
    await expectAccepted(topics(500));
  });
  it('refuses a template object over 1 MB read from a TemplateURL (the sandbox reads no URL yet)', () => {
    expect(() => checkTemplateObject('x'.repeat(1_000_001))).toThrow(
      /^Template may not exceed 1000000 bytes in size\.$/,
    );
    expect(() => checkTemplateObject('x'.repeat(1_000_000))).not.toThrow();
  });
});
