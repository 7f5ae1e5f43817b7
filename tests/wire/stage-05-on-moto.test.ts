import { CreateApiCommand, CreateIntegrationCommand } from '@aws-sdk/client-apigatewayv2';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  ModifyVpcEndpointCommand,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { CreateTopicCommand, SubscribeCommand, UnsubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import { type AwsClients, createClients } from '@/lib/aws/clients';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { motoAvailable, startMoto } from './moto';

/**
 * Stage 05's checks over the real SDK wire format against moto, built by hand with SDK calls (the console path): the
 * S3 gateway endpoint and the API Gateway → Lambda → DynamoDB path (which the sandbox does not simulate), the queue
 * with its DLQ and the topic. Each passes, then one change makes it fail.
 */
const hasMoto = motoAvailable();
const STACK = 'scalelab-wire5';
const labTag = [{ Key: 'scalelab:lab', Value: STACK }];
const ids = ['vpc.s3-gateway-endpoint', 'sqs.queue-with-dlq', 'sns.fanout-to-sqs', 'lambda.serverless-api'];

describe.skipIf(!hasMoto)('stage 05 checks on moto, built by hand', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  let c: AwsClients;
  const made: Record<string, string> = {};
  const saved = { ...process.env };

  const verdicts = async () => {
    const checks = allChecks.filter((x) => ids.includes(x.id));
    const results = await evaluateChecks(checks, new Inventory(c, { stackName: STACK }));
    return Object.fromEntries(results.map((r) => [r.id, `${r.status}: ${r.message.en}`]));
  };

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
    });
    delete process.env.AWS_PROFILE;
    moto = await startMoto();
    c = createClients(
      { kind: 'profile', regions: ['us-east-1'], endpoint: moto.endpoint },
      { region: 'us-east-1', maxAttempts: 1 },
    );

    const vpc = await c.ec2.send(
      new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: labTag }] }),
    );
    const VpcId = vpc.Vpc?.VpcId ?? '';
    const subnet = async (cidr: string, az: string) =>
      (await c.ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: cidr, AvailabilityZone: az }))).Subnet?.SubnetId ??
      '';
    const [pubA, privA, privB] = [
      await subnet('10.0.1.0/24', 'us-east-1a'),
      await subnet('10.0.11.0/24', 'us-east-1a'),
      await subnet('10.0.12.0/24', 'us-east-1b'),
    ];
    const igw = (await c.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway?.InternetGatewayId ?? '';
    await c.ec2.send(new AttachInternetGatewayCommand({ VpcId, InternetGatewayId: igw }));
    const table = async () => (await c.ec2.send(new CreateRouteTableCommand({ VpcId }))).RouteTable?.RouteTableId ?? '';
    const pub = await table();
    await c.ec2.send(new CreateRouteCommand({ RouteTableId: pub, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
    await c.ec2.send(new AssociateRouteTableCommand({ RouteTableId: pub, SubnetId: pubA }));
    made.private = await table();
    for (const s of [privA, privB])
      await c.ec2.send(new AssociateRouteTableCommand({ RouteTableId: made.private, SubnetId: s }));
    const endpoint = await c.ec2.send(
      new CreateVpcEndpointCommand({
        VpcId,
        VpcEndpointType: 'Gateway',
        ServiceName: 'com.amazonaws.us-east-1.s3',
        RouteTableIds: [made.private],
      }),
    );
    made.endpoint = endpoint.VpcEndpoint?.VpcEndpointId ?? '';

    const dlq = await c.sqs.send(new CreateQueueCommand({ QueueName: `${STACK}-dlq` }));
    const dlqArn = (
      await c.sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }))
    ).Attributes?.QueueArn;
    const work = await c.sqs.send(
      new CreateQueueCommand({
        QueueName: `${STACK}-work`,
        Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: '5' }) },
      }),
    );
    made.work = work.QueueUrl ?? '';
    const workArn = (
      await c.sqs.send(new GetQueueAttributesCommand({ QueueUrl: made.work, AttributeNames: ['QueueArn'] }))
    ).Attributes?.QueueArn;
    const topic = await c.sns.send(new CreateTopicCommand({ Name: `${STACK}-events` }));
    made.subscription =
      (await c.sns.send(new SubscribeCommand({ TopicArn: topic.TopicArn, Protocol: 'sqs', Endpoint: workArn })))
        .SubscriptionArn ?? '';

    await c.dynamodb.send(
      new CreateTableCommand({
        TableName: `${STACK}-items`,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    const role = await c.iam.send(
      new CreateRoleCommand({
        RoleName: `${STACK}-fn`,
        AssumeRolePolicyDocument: JSON.stringify({
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    const fn = await c.lambda.send(
      new CreateFunctionCommand({
        FunctionName: `${STACK}-items`,
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: role.Role?.Arn,
        Code: { ZipFile: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]) },
        Environment: { Variables: { TABLE_NAME: `${STACK}-items` } },
      }),
    );
    const api = await c.apigatewayv2.send(
      new CreateApiCommand({ Name: `${STACK}-api`, ProtocolType: 'HTTP', Tags: { 'scalelab:lab': STACK } }),
    );
    await c.apigatewayv2.send(
      new CreateIntegrationCommand({
        ApiId: api.ApiId,
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: fn.FunctionArn,
        PayloadFormatVersion: '2.0',
      }),
    );
  }, 60_000);

  afterAll(() => {
    moto?.stop();
    process.env = saved;
  });

  it('passes the endpoint, queue, topic and serverless checks, read through the SDK’s real serializers', async () => {
    const seen = await verdicts();
    for (const id of ids) expect(seen[id], id).toMatch(/^pass: /);
  });

  it('fails each one after the change that breaks it', async () => {
    await c.ec2.send(
      new ModifyVpcEndpointCommand({ VpcEndpointId: made.endpoint, RemoveRouteTableIds: [made.private ?? ''] }),
    );
    await c.sqs.send(new SetQueueAttributesCommand({ QueueUrl: made.work, Attributes: { RedrivePolicy: '' } }));
    await c.sns.send(new UnsubscribeCommand({ SubscriptionArn: made.subscription }));
    await c.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: `${STACK}-items`, Environment: { Variables: {} } }),
    );
    const seen = await verdicts();
    for (const id of ids) expect(seen[id], id).toMatch(/^fail: /);
  });
});
