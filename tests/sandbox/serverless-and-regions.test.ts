import { GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import { DescribeStacksCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeInstancesCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { GetFunctionCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '@/lib/sandbox';
import { deploy } from './deploy';

const httpApi = (name: string) => `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: ${name}-fn
      Runtime: nodejs20.x
      Handler: index.handler
      MemorySize: 256
      Timeout: 10
      Role: !GetAtt Role.Arn
      Code: { ZipFile: "exports.handler = async () => ({ statusCode: 200, body: 'ok' })" }
  Api: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: ${name}, ProtocolType: HTTP } }
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn, PayloadFormatVersion: '2.0' }
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: 'GET /hello', Target: !Sub 'integrations/\${Integration}' }
  Stage: { Type: AWS::ApiGatewayV2::Stage, Properties: { ApiId: !Ref Api, StageName: $default, AutoDeploy: true } }
  Invoke:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Fn
      Action: lambda:InvokeFunction
      Principal: apigateway.amazonaws.com
      SourceArn: !Sub arn:aws:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${Api}/*
Outputs:
  Url: { Value: !GetAtt Api.ApiEndpoint }
  Stage: { Value: !Ref Stage }
`;

describe('sandbox Lambda behind an API Gateway HTTP API', () => {
  it('describes the function and the API; two stacks each have their own $default stage', async () => {
    const sandbox = createSandbox({ accountId: '111122223333' });
    const c = sandbox.clientsFor('us-east-1');
    const one = await deploy(c, 'api-one', httpApi('one'));
    await deploy(c, 'api-two', httpApi('two'));
    expect(one.Stage).toBe('$default');
    const fn = await c.lambda.send(new GetFunctionCommand({ FunctionName: 'one-fn' }));
    expect(fn.Configuration).toMatchObject({
      FunctionName: 'one-fn',
      FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:one-fn',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 10,
      State: 'Active',
    });
    expect(fn.Configuration?.Role).toMatch(/^arn:aws:iam::111122223333:role\/api-one-Role-/);
    expect((await c.lambda.send(new ListFunctionsCommand({}))).Functions?.map((f) => f.FunctionName)).toEqual([
      'one-fn',
      'two-fn',
    ]);
    const apis = (await c.apigatewayv2.send(new GetApisCommand({}))).Items ?? [];
    expect(apis.map((a) => [a.Name, a.ProtocolType])).toEqual([
      ['one', 'HTTP'],
      ['two', 'HTTP'],
    ]);
    expect(apis[0]?.ApiEndpoint).toBe(one.Url);
    expect(one.Url).toMatch(/^https:\/\/[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/);
    for (const stack of ['api-one', 'api-two']) {
      const resources =
        (await c.cloudformation.send(new ListStackResourcesCommand({ StackName: stack }))).StackResourceSummaries ?? [];
      expect(resources.find((r) => r.LogicalResourceId === 'Stage')?.ResourceStatus).toBe('CREATE_COMPLETE');
    }
    const stages = sandbox.snapshot().regions['us-east-1']!.resources;
    expect(Object.values(stages).filter((r) => r.type === 'AWS::ApiGatewayV2::Stage')).toHaveLength(2);
    await expect(c.lambda.send(new GetFunctionCommand({ FunctionName: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});

describe('sandbox stack in us-west-2', () => {
  const network = `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.2.0.0/16 } }
  Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.2.1.0/24, AvailabilityZone: !Select [1, !GetAZs ''] } }
  Web: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-0123456789abcdef0, InstanceType: t3.micro, SubnetId: !Ref Subnet } }
Outputs:
  Az: { Value: !GetAtt Subnet.AvailabilityZone }
`;

  it('places everything in us-west-2, where only that region sees it', async () => {
    const sandbox = createSandbox({ accountId: '111122223333' });
    const west = sandbox.clientsFor('us-west-2');
    const out = await deploy(west, 'west', network);
    expect(out.Az).toBe('us-west-2b');
    const stack = (await west.cloudformation.send(new DescribeStacksCommand({ StackName: 'west' }))).Stacks?.[0];
    expect(stack?.StackId).toMatch(/^arn:aws:cloudformation:us-west-2:111122223333:stack\/west\//);
    const subnet = (await west.ec2.send(new DescribeSubnetsCommand({}))).Subnets?.[0];
    expect(subnet).toMatchObject({ AvailabilityZone: 'us-west-2b', AvailabilityZoneId: 'usw2-az2' });
    expect(subnet?.SubnetArn).toMatch(/^arn:aws:ec2:us-west-2:111122223333:subnet\//);
    const instance = (await west.ec2.send(new DescribeInstancesCommand({}))).Reservations?.[0]?.Instances?.[0];
    expect(instance?.Placement?.AvailabilityZone).toBe('us-west-2b');
    expect(instance?.PrivateDnsName).toMatch(/\.us-west-2\.compute\.internal$/);
    const east = sandbox.clientsFor('us-east-1');
    expect((await east.ec2.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
    await expect(east.cloudformation.send(new DescribeStacksCommand({ StackName: 'west' }))).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });
});
