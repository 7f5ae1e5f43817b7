import {
  type Api,
  GetApisCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStagesCommand,
  type Integration,
  type Route,
  type Stage,
} from '@aws-sdk/client-apigatewayv2';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeRouteTablesCommand,
  DescribeVpcEndpointsCommand,
  type DescribeVpcEndpointsCommandOutput,
  paginateDescribeVpcEndpoints,
} from '@aws-sdk/client-ec2';
import { GetFunctionCommand, type GetFunctionCommandOutput } from '@aws-sdk/client-lambda';
import {
  DescribeDBClustersCommand,
  DescribeGlobalClustersCommand,
  type DescribeGlobalClustersCommandOutput,
} from '@aws-sdk/client-rds';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwsClients } from '@/lib/aws/clients';
import { createSandbox, type Sandbox } from '@/lib/sandbox';
import { deploy } from './deploy';
import { tableAndFunction } from './snippets';

/**
 * The describes stage 05's and 06's checks read, asserted field by field against small templates deployed into the
 * sandbox: VPC endpoints and their routes, API Gateway v2 integrations / routes / stages, a function's environment,
 * an Auto Scaling group's enabled metrics, Aurora global databases. Fixture types are the SDK's own outputs.
 */
const ACCOUNT = '111122223333';

const network = `
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  SubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs ''] } }
  SubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [1, !GetAZs ''] } }`;

const endpoints = `
Resources:${network}
  PrivateRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  OtherRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  EndpointSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: endpoints, VpcId: !Ref Vpc } }
  S3Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: !Ref Vpc
      ServiceName: !Sub 'com.amazonaws.\${AWS::Region}.s3'
      VpcEndpointType: Gateway
      RouteTableIds: [!Ref PrivateRt]
  SqsEndpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: !Ref Vpc
      ServiceName: !Sub 'com.amazonaws.\${AWS::Region}.sqs'
      VpcEndpointType: Interface
      PrivateDnsEnabled: true
      SubnetIds: [!Ref SubnetA, !Ref SubnetB]
      SecurityGroupIds: [!Ref EndpointSg]
Outputs:
  VpcId: { Value: !Ref Vpc }
  PrivateRt: { Value: !Ref PrivateRt }
  OtherRt: { Value: !Ref OtherRt }
  S3Endpoint: { Value: !Ref S3Endpoint }
  SqsEndpoint: { Value: !Ref SqsEndpoint }
  EndpointSg: { Value: !Ref EndpointSg }
`;

describe('EC2 DescribeVpcEndpoints in the sandbox', () => {
  let c: AwsClients;
  let out: Record<string, string>;
  beforeAll(async () => {
    c = createSandbox({ accountId: ACCOUNT }).clientsFor('us-east-1', { maxAttempts: 1 });
    out = await deploy(c, 'endpoints', endpoints);
  });

  it('describes a gateway endpoint with its route tables and an interface endpoint with its subnets and groups', async () => {
    const page: DescribeVpcEndpointsCommandOutput = await c.ec2.send(
      new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [out.VpcId!] }] }),
    );
    const byId = Object.fromEntries((page.VpcEndpoints ?? []).map((e) => [e.VpcEndpointId, e]));
    expect(byId[out.S3Endpoint!]).toMatchObject({
      VpcEndpointType: 'Gateway',
      VpcId: out.VpcId,
      ServiceName: 'com.amazonaws.us-east-1.s3',
      State: 'available',
      RouteTableIds: [out.PrivateRt],
      SubnetIds: [],
      Groups: [],
      OwnerId: ACCOUNT,
      RequesterManaged: false,
    });
    expect(JSON.parse(byId[out.S3Endpoint!]?.PolicyDocument ?? '{}').Statement).toEqual([
      { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
    ]);
    expect(byId[out.S3Endpoint!]?.CreationTimestamp).toBeInstanceOf(Date);
    expect(byId[out.SqsEndpoint!]).toMatchObject({
      VpcEndpointType: 'Interface',
      ServiceName: 'com.amazonaws.us-east-1.sqs',
      RouteTableIds: [],
      PrivateDnsEnabled: true,
      Groups: [{ GroupId: out.EndpointSg }],
    });
    expect(byId[out.SqsEndpoint!]?.SubnetIds).toHaveLength(2);
    expect(byId[out.SqsEndpoint!]?.NetworkInterfaceIds).toHaveLength(2);
  });

  it.each([
    ['vpc-endpoint-type', 'Gateway', 'S3Endpoint'],
    ['service-name', 'com.amazonaws.us-east-1.sqs', 'SqsEndpoint'],
    ['service-name', 'com.amazonaws.*.s3', 'S3Endpoint'],
    ['vpc-endpoint-state', 'available', 'both'],
    ['tag:aws:cloudformation:logical-id', 'SqsEndpoint', 'SqsEndpoint'],
  ])('filters by %s = %s', async (name, value, expected) => {
    const found = (await c.ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: name, Values: [value] }] })))
      .VpcEndpoints;
    const ids = expected === 'both' ? [out.S3Endpoint, out.SqsEndpoint] : [out[expected]];
    expect(found?.map((e) => e.VpcEndpointId).sort()).toEqual(ids.sort());
  });

  it('pages with MaxResults and NextToken (the SDK paginator follows them)', async () => {
    const pages = [];
    for await (const p of paginateDescribeVpcEndpoints({ client: c.ec2, pageSize: 1 }, {})) pages.push(p);
    expect(pages.map((p) => p.VpcEndpoints?.length)).toEqual([1, 1]);
    expect(pages[0]?.NextToken).toBeTruthy();
  });

  it('refuses an endpoint id that does not exist, in EC2 words', async () => {
    await expect(
      c.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: ['vpce-0123456789abcdef0'] })),
    ).rejects.toMatchObject({
      name: 'InvalidVpcEndpointId.NotFound',
      message: "The VpcEndPoint ID 'vpce-0123456789abcdef0' does not exist",
    });
  });

  it('adds the prefix-list route to the gateway endpoint’s route table only', async () => {
    const tables = (await c.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [out.PrivateRt!, out.OtherRt!] })))
      .RouteTables;
    const routes = (id: string) => tables?.find((t) => t.RouteTableId === id)?.Routes ?? [];
    expect(routes(out.PrivateRt!).find((r) => r.GatewayId === out.S3Endpoint)).toMatchObject({
      DestinationPrefixListId: expect.stringMatching(/^pl-[0-9a-f]{8}$/),
      State: 'active',
    });
    expect(routes(out.OtherRt!).some((r) => r.GatewayId === out.S3Endpoint)).toBe(false);
  });

  it('fails the endpoint when a route table it names does not exist', async () => {
    const sandbox = createSandbox({ accountId: ACCOUNT });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    await expect(
      deploy(
        clients,
        'bad',
        endpoints.replace('RouteTableIds: [!Ref PrivateRt]', 'RouteTableIds: [rtb-0123456789abcdef0]'),
      ),
    ).rejects.toThrow(/The routeTable ID 'rtb-0123456789abcdef0' does not exist/);
  });
});

const serverless = `
Resources:${tableAndFunction({ extra: '\n      MemorySize: 256\n      TracingConfig: { Mode: Active }' })}
  Bare:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt FnRole.Arn
      Code: { ZipFile: "exports.handler = async () => 'bare'" }
  Api: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: items-api, ProtocolType: HTTP, Tags: { scalelab:lab: s05 } } }
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn, PayloadFormatVersion: '2.0' }
  ItemsRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: 'GET /items', Target: !Sub 'integrations/\${Integration}' }
  Stage: { Type: AWS::ApiGatewayV2::Stage, Properties: { ApiId: !Ref Api, StageName: $default, AutoDeploy: true } }
  QuickApi: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: quick-api, ProtocolType: HTTP, Target: !GetAtt Bare.Arn } }
Outputs:
  ApiId: { Value: !Ref Api }
  QuickApiId: { Value: !Ref QuickApi }
  IntegrationId: { Value: !Ref Integration }
  Fn: { Value: !Ref Fn }
  FnArn: { Value: !GetAtt Fn.Arn }
  Bare: { Value: !Ref Bare }
  BareArn: { Value: !GetAtt Bare.Arn }
  Items: { Value: !Ref Items }
`;

describe('API Gateway v2 and Lambda describes in the sandbox', () => {
  let c: AwsClients;
  let out: Record<string, string>;
  beforeAll(async () => {
    c = createSandbox({ accountId: ACCOUNT }).clientsFor('us-east-1', { maxAttempts: 1 });
    out = await deploy(c, 'serverless', serverless);
  });

  it('lists the APIs with their tags and endpoints', async () => {
    const apis: Api[] = (await c.apigatewayv2.send(new GetApisCommand({}))).Items ?? [];
    expect(apis.find((a) => a.ApiId === out.ApiId)).toMatchObject({
      Name: 'items-api',
      ProtocolType: 'HTTP',
      ApiEndpoint: `https://${out.ApiId}.execute-api.us-east-1.amazonaws.com`,
      Tags: { 'scalelab:lab': 's05' },
    });
  });

  it('answers GetIntegrations, GetRoutes and GetStages of an API built from parts', async () => {
    const integrations: Integration[] =
      (await c.apigatewayv2.send(new GetIntegrationsCommand({ ApiId: out.ApiId }))).Items ?? [];
    expect(integrations).toEqual([
      expect.objectContaining({
        ApiGatewayManaged: false,
        IntegrationId: out.IntegrationId,
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: out.FnArn,
        IntegrationMethod: 'POST',
        ConnectionType: 'INTERNET',
        PayloadFormatVersion: '2.0',
        TimeoutInMillis: 30000,
      }),
    ]);
    const routes: Route[] = (await c.apigatewayv2.send(new GetRoutesCommand({ ApiId: out.ApiId }))).Items ?? [];
    expect(routes).toEqual([
      expect.objectContaining({
        RouteKey: 'GET /items',
        Target: `integrations/${out.IntegrationId}`,
        AuthorizationType: 'NONE',
        ApiKeyRequired: false,
      }),
    ]);
    const stages: Stage[] = (await c.apigatewayv2.send(new GetStagesCommand({ ApiId: out.ApiId }))).Items ?? [];
    expect(stages).toEqual([expect.objectContaining({ StageName: '$default', AutoDeploy: true })]);
  });

  it('answers the integration, $default route and auto-deployed stage quick create made for an API with a Target', async () => {
    const [integration] =
      (await c.apigatewayv2.send(new GetIntegrationsCommand({ ApiId: out.QuickApiId }))).Items ?? [];
    expect(integration).toMatchObject({
      ApiGatewayManaged: true,
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: out.BareArn,
      PayloadFormatVersion: '2.0',
    });
    const [route] = (await c.apigatewayv2.send(new GetRoutesCommand({ ApiId: out.QuickApiId }))).Items ?? [];
    expect(route).toMatchObject({
      ApiGatewayManaged: true,
      RouteKey: '$default',
      Target: `integrations/${integration?.IntegrationId}`,
    });
    const [stage] = (await c.apigatewayv2.send(new GetStagesCommand({ ApiId: out.QuickApiId }))).Items ?? [];
    expect(stage).toMatchObject({ ApiGatewayManaged: true, StageName: '$default', AutoDeploy: true });
  });

  it('pages GetApis with MaxResults and NextToken', async () => {
    const first = await c.apigatewayv2.send(new GetApisCommand({ MaxResults: '1' }));
    expect(first.Items).toHaveLength(1);
    const second = await c.apigatewayv2.send(new GetApisCommand({ MaxResults: '1', NextToken: first.NextToken }));
    expect(second.Items?.[0]?.ApiId).not.toBe(first.Items?.[0]?.ApiId);
    expect(second.NextToken).toBeUndefined();
  });

  it('refuses an API id that does not exist, as API Gateway does', async () => {
    await expect(c.apigatewayv2.send(new GetIntegrationsCommand({ ApiId: 'nope123' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: `Invalid API identifier specified ${ACCOUNT}:nope123`,
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('returns a function’s configuration with its environment variables, by name or ARN', async () => {
    for (const name of [out.Fn!, out.FnArn!]) {
      const fn: GetFunctionCommandOutput = await c.lambda.send(new GetFunctionCommand({ FunctionName: name }));
      expect(fn.Configuration).toMatchObject({
        FunctionName: out.Fn,
        FunctionArn: out.FnArn,
        Runtime: 'nodejs20.x',
        MemorySize: 256,
        Timeout: 3,
        Version: '$LATEST',
        PackageType: 'Zip',
        State: 'Active',
        TracingConfig: { Mode: 'Active' },
        Environment: { Variables: { TABLE_NAME: out.Items } },
        LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${out.Fn}` },
      });
      expect(fn.Configuration?.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    }
  });

  it('leaves Environment out for a function without variables, and refuses a missing function', async () => {
    const bare = await c.lambda.send(new GetFunctionCommand({ FunctionName: out.Bare }));
    expect(bare.Configuration?.Environment).toBeUndefined();
    expect(bare.Configuration?.TracingConfig).toEqual({ Mode: 'PassThrough' });
    await expect(c.lambda.send(new GetFunctionCommand({ FunctionName: 'missing' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: arn:aws:lambda:us-east-1:${ACCOUNT}:function:missing`,
    });
  });
});

describe('Auto Scaling EnabledMetrics in the sandbox', () => {
  const group = (name: string, collection: string) => `
  ${name}:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '2'
      VPCZoneIdentifier: [!Ref SubnetA]
      LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: !GetAtt Lt.LatestVersionNumber }
${collection}`;
  it('lists the metrics a MetricsCollection enables: all of them without a Metrics list, none without one', async () => {
    const c = createSandbox({ accountId: ACCOUNT }).clientsFor('us-east-1', { maxAttempts: 1 });
    await deploy(
      c,
      'groups',
      `
Resources:${network}
  Lt: { Type: AWS::EC2::LaunchTemplate, Properties: { LaunchTemplateData: { ImageId: ami-0123456789abcdef0, InstanceType: t3.micro } } }
${group('Some', '      MetricsCollection: [{ Granularity: 1Minute, Metrics: [GroupInServiceInstances, GroupDesiredCapacity] }]')}
${group('All', '      MetricsCollection: [{ Granularity: 1Minute }]')}
${group('None', '')}
Outputs:
  Some: { Value: !Ref Some }
  All: { Value: !Ref All }
  None: { Value: !Ref None }
`,
    ).then(async (out) => {
      const groups = (await c.autoscaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? [];
      const metrics = (name: string) =>
        groups.find((g) => g.AutoScalingGroupName === out[name])?.EnabledMetrics?.map((m) => m.Metric);
      expect(metrics('Some')).toEqual(['GroupInServiceInstances', 'GroupDesiredCapacity']);
      expect(metrics('All')).toHaveLength(20);
      expect(metrics('All')).toContain('GroupAndWarmPoolTotalCapacity');
      expect(metrics('None')).toEqual([]);
      expect(groups.find((g) => g.AutoScalingGroupName === out.Some)?.EnabledMetrics?.[0]?.Granularity).toBe('1Minute');
    });
  });
});

const aurora = (role: 'primary' | 'secondary' | 'orphan') => `
Resources:${network}
  DbSubnets: { Type: AWS::RDS::DBSubnetGroup, Properties: { DBSubnetGroupDescription: aurora, SubnetIds: [!Ref SubnetA, !Ref SubnetB] } }
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      DBSubnetGroupName: !Ref DbSubnets
      StorageEncrypted: true
      ${role === 'primary' ? 'MasterUsername: admin\n      MasterUserPassword: correct-horse-battery' : `GlobalClusterIdentifier: ${role === 'orphan' ? 'nobody-global' : 'lab-global'}`}
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { DBClusterIdentifier: !Ref Cluster, Engine: aurora-mysql, DBInstanceClass: db.r6g.large }
${role === 'primary' ? '  Global: { Type: AWS::RDS::GlobalCluster, Properties: { GlobalClusterIdentifier: lab-global, SourceDBClusterIdentifier: !Ref Cluster } }' : ''}
Outputs:
  Cluster: { Value: !Ref Cluster }
  ClusterArn: { Value: !GetAtt Cluster.DBClusterArn }
`;

describe('RDS DescribeGlobalClusters in the sandbox', () => {
  let sandbox: Sandbox;
  let east: AwsClients;
  let west: AwsClients;
  let primary: Record<string, string>;
  let secondary: Record<string, string>;
  beforeAll(async () => {
    sandbox = createSandbox({ accountId: ACCOUNT });
    east = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    west = sandbox.clientsFor('us-west-2', { maxAttempts: 1 });
    primary = await deploy(east, 'db', aurora('primary'));
    secondary = await deploy(west, 'db', aurora('secondary'));
  });

  it('lists the global database from either region with its primary (writer) and its secondary', async () => {
    for (const clients of [east, west]) {
      const out: DescribeGlobalClustersCommandOutput = await clients.rds.send(new DescribeGlobalClustersCommand({}));
      expect(out.GlobalClusters).toEqual([
        expect.objectContaining({
          GlobalClusterIdentifier: 'lab-global',
          GlobalClusterArn: `arn:aws:rds::${ACCOUNT}:global-cluster:lab-global`,
          Status: 'available',
          Engine: 'aurora-mysql',
          StorageEncrypted: true,
          GlobalClusterMembers: [
            expect.objectContaining({
              DBClusterArn: primary.ClusterArn,
              IsWriter: true,
              Readers: [secondary.ClusterArn],
            }),
            expect.objectContaining({ DBClusterArn: secondary.ClusterArn, IsWriter: false, Readers: [] }),
          ],
        }),
      ]);
    }
  });

  it('names the global database on both member clusters (DescribeDBClusters)', async () => {
    const cluster = async (c: AwsClients, id: string) =>
      (await c.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }))).DBClusters?.[0];
    expect((await cluster(east, primary.Cluster!))?.GlobalClusterIdentifier).toBe('lab-global');
    expect((await cluster(west, secondary.Cluster!))?.GlobalClusterIdentifier).toBe('lab-global');
  });

  it('filters by region and by identifier, and refuses an unknown identifier', async () => {
    const inRegion = async (region: string) =>
      (await east.rds.send(new DescribeGlobalClustersCommand({ Filters: [{ Name: 'region', Values: [region] }] })))
        .GlobalClusters ?? [];
    expect(await inRegion('us-west-2')).toHaveLength(1);
    expect(await inRegion('eu-west-1')).toHaveLength(0);
    await expect(
      east.rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'other' })),
    ).rejects.toMatchObject({ name: 'GlobalClusterNotFoundFault', $metadata: { httpStatusCode: 404 } });
  });

  it('fails a cluster that names a global database that does not exist', async () => {
    await expect(deploy(west, 'orphan', aurora('orphan'))).rejects.toThrow(
      /The GlobalClusterIdentifier doesn't refer to an existing global database cluster/,
    );
  });
});

describe('IAM of the new describes (a role session in the sandbox)', () => {
  const roles = `
  Grader:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { AWS: '${ACCOUNT}' }, Action: sts:AssumeRole }] }
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
  Narrow:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { AWS: '${ACCOUNT}' }, Action: sts:AssumeRole }] }
      Policies: [{ PolicyName: ec2-only, PolicyDocument: { Statement: [{ Effect: Allow, Action: 'ec2:Describe*', Resource: '*' }] } }]
`;
  let sandbox: Sandbox;
  let apiId: string;
  let names: Record<string, string>;
  beforeAll(async () => {
    sandbox = createSandbox({ accountId: ACCOUNT });
    const out = await deploy(
      sandbox.clientsFor('us-east-1', { maxAttempts: 1 }),
      'serverless',
      serverless
        .replace('Resources:\n', `Resources:\n${roles}`)
        .replace('Outputs:\n', 'Outputs:\n  Grader: { Value: !Ref Grader }\n  Narrow: { Value: !Ref Narrow }\n'),
    );
    apiId = out.ApiId!;
    names = out;
  });
  const as = (role: string) =>
    sandbox.clientsFor('us-east-1', {
      maxAttempts: 1,
      role: { roleArn: `arn:aws:iam::${ACCOUNT}:role/${names[role]}` },
    });

  it('lets the grader’s ReadOnlyAccess read every one of them', async () => {
    const c = as('Grader');
    await expect(c.ec2.send(new DescribeVpcEndpointsCommand({}))).resolves.toBeDefined();
    await expect(c.apigatewayv2.send(new GetIntegrationsCommand({ ApiId: apiId }))).resolves.toBeDefined();
    await expect(c.apigatewayv2.send(new GetRoutesCommand({ ApiId: apiId }))).resolves.toBeDefined();
    await expect(c.apigatewayv2.send(new GetStagesCommand({ ApiId: apiId }))).resolves.toBeDefined();
    await expect(c.rds.send(new DescribeGlobalClustersCommand({}))).resolves.toBeDefined();
    await expect(c.autoscaling.send(new DescribeAutoScalingGroupsCommand({}))).resolves.toBeDefined();
  });

  it('refuses a role without them, naming the IAM action', async () => {
    const c = as('Narrow');
    await expect(c.ec2.send(new DescribeVpcEndpointsCommand({}))).resolves.toBeDefined();
    await expect(c.apigatewayv2.send(new GetIntegrationsCommand({ ApiId: apiId }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringMatching(
        /assumed-role\/serverless-Narrow-\w+\/.* is not authorized to perform: apigateway:GET/,
      ),
    });
    await expect(c.rds.send(new DescribeGlobalClustersCommand({}))).rejects.toMatchObject({
      message: expect.stringMatching(/is not authorized to perform: rds:DescribeGlobalClusters/),
    });
  });
});
