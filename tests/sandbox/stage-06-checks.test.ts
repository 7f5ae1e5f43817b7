import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { createSandbox } from '@/lib/sandbox';
import { deploy } from './deploy';

/**
 * Stage 06's checks against a small two-region lab deployed into the sandbox: the same template (built here, not the
 * stage template) in us-west-2 and then in us-east-1, where it adds what exists once (the global table, the Route 53
 * zone, health check and failover records, the replication rule) because it is told the second region's endpoint and
 * bucket. Each mutation breaks the one thing its check judges.
 */
const STACK = 'scalelab-s06';

interface Options {
  replicas?: string;
  readerAz?: number;
  primaryHealthCheck?: boolean;
  replicateTo?: 'second' | 'same';
  westStackName?: string;
  /** The costly stretch: this region's cluster is the global database's primary, or joins it as a secondary. */
  globalDatabase?: 'primary' | 'secondary';
  /** The global database's class: Aurora Serverless v2 (the cheapest it takes) or the provisioned db.r6g.large. */
  auroraClass?: 'db.serverless' | 'db.r6g.large';
}

const GLOBAL = 'scalelab-s06-global';

function template(o: Options = {}): string {
  const klass = o.globalDatabase ? (o.auroraClass ?? 'db.serverless') : 'db.t4g.medium';
  // A db.serverless instance needs its cluster's capacity range (the sandbox's rds.serverless-v2-capacity-range).
  const scaling =
    klass === 'db.serverless' ? '\n      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 2 }' : '';
  const credentials =
    o.globalDatabase === 'secondary'
      ? `GlobalClusterIdentifier: ${GLOBAL}`
      : 'MasterUsername: admin\n      MasterUserPassword: correct-horse-battery';
  const global =
    o.globalDatabase === 'primary'
      ? `\n  Global: { Type: AWS::RDS::GlobalCluster, Properties: { GlobalClusterIdentifier: ${GLOBAL}, SourceDBClusterIdentifier: !Ref Cluster } }`
      : '';
  return `
Parameters:
  SecondAlbDns: { Type: String, Default: '' }
  ReplicaBucket: { Type: String, Default: '' }
Conditions:
  IsPrimary: !Not [!Equals [!Ref SecondAlbDns, '']]
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  IgwAttach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  PublicA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs ''] } }
  PublicB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [1, !GetAZs ''] } }
  PrivateA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.11.0/24, AvailabilityZone: !Select [0, !GetAZs ''] } }
  PrivateB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.12.0/24, AvailabilityZone: !Select [1, !GetAZs ''] } }
  AlbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: alb
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }]
  Alb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, DependsOn: IgwAttach, Properties: { Scheme: internet-facing, Subnets: [!Ref PublicA, !Ref PublicB], SecurityGroups: [!Ref AlbSg] } }
  DbSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: db, VpcId: !Ref Vpc } }
  DbSubnets: { Type: AWS::RDS::DBSubnetGroup, Properties: { DBSubnetGroupDescription: aurora, SubnetIds: [!Ref PrivateA, !Ref PrivateB] } }
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      EngineVersion: 8.0.mysql_aurora.3.05.2
      ${credentials}
      DBSubnetGroupName: !Ref DbSubnets
      VpcSecurityGroupIds: [!Ref DbSg]
      StorageEncrypted: true${scaling}
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { DBClusterIdentifier: !Ref Cluster, Engine: aurora-mysql, DBInstanceClass: ${klass}, AvailabilityZone: !Select [0, !GetAZs ''] }${global}
  Reader:
    Type: AWS::RDS::DBInstance
    DependsOn: Writer
    Properties: { DBClusterIdentifier: !Ref Cluster, Engine: aurora-mysql, DBInstanceClass: ${klass}, AvailabilityZone: !Select [${o.readerAz ?? 1}, !GetAZs ''] }
  StaticBucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
      ReplicationConfiguration: !If
        - IsPrimary
        - Role: !GetAtt ReplicationRole.Arn
          Rules: [{ Id: to-second-region, Status: Enabled, Priority: 1, Filter: {}, DeleteMarkerReplication: { Status: Disabled }, Destination: { Bucket: !Sub 'arn:aws:s3:::\${ReplicaBucket}' } }]
        - !Ref AWS::NoValue
  SameRegionReplica: { Type: AWS::S3::Bucket, Condition: IsPrimary, Properties: { VersioningConfiguration: { Status: Enabled } } }
  ReplicationRole:
    Type: AWS::IAM::Role
    Condition: IsPrimary
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: s3.amazonaws.com }, Action: sts:AssumeRole }]
  GlobalTable:
    Type: AWS::DynamoDB::GlobalTable
    Condition: IsPrimary
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }
      Replicas: ${o.replicas ?? '[{ Region: us-east-1 }, { Region: us-west-2 }]'}
  Zone: { Type: AWS::Route53::HostedZone, Condition: IsPrimary, Properties: { Name: lab.example.com } }
  PrimaryCheck:
    Type: AWS::Route53::HealthCheck
    Condition: IsPrimary
    Properties:
      HealthCheckConfig: { Type: HTTP, FullyQualifiedDomainName: !GetAtt Alb.DNSName, Port: 80, ResourcePath: /health }
  PrimaryRecord:
    Type: AWS::Route53::RecordSet
    Condition: IsPrimary
    Properties:
      HostedZoneId: !Ref Zone
      Name: app.lab.example.com
      Type: CNAME
      TTL: '60'
      SetIdentifier: primary
      Failover: PRIMARY
      ${o.primaryHealthCheck === false ? '' : 'HealthCheckId: !Ref PrimaryCheck'}
      ResourceRecords: [!GetAtt Alb.DNSName]
  SecondaryRecord:
    Type: AWS::Route53::RecordSet
    Condition: IsPrimary
    Properties:
      HostedZoneId: !Ref Zone
      Name: app.lab.example.com
      Type: CNAME
      TTL: '60'
      SetIdentifier: secondary
      Failover: SECONDARY
      ResourceRecords: [!Ref SecondAlbDns]
Outputs:
  VpcId: { Value: !Ref Vpc }
  AlbDnsName: { Value: !GetAtt Alb.DNSName }
  StaticBucket: { Value: !Ref StaticBucket }
  SameRegionReplica: { Condition: IsPrimary, Value: !Ref SameRegionReplica }
  GlobalTable: { Condition: IsPrimary, Value: !Ref GlobalTable }
`;
}

const ids = [
  'dynamodb.global-table',
  'aurora.cluster-multi-az',
  'route53.failover-routing',
  'cloudformation.second-region',
  's3.cross-region-replication',
];

async function verdicts(o: Options = {}) {
  const sandbox = createSandbox({ accountId: '111122223333' });
  const west = sandbox.clientsFor('us-west-2', { maxAttempts: 1 });
  const east = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
  const second = await deploy(west, o.westStackName ?? STACK, template(o));
  const withParameters = (body: string, replica: string) =>
    body
      .replace(
        "SecondAlbDns: { Type: String, Default: '' }",
        `SecondAlbDns: { Type: String, Default: '${second.AlbDnsName}' }`,
      )
      .replace(
        "ReplicaBucket: { Type: String, Default: '' }",
        `ReplicaBucket: { Type: String, Default: '${replica}' }`,
      );
  if (o.replicateTo === 'same') {
    // Replicate to a bucket of the first region (same-region replication): made first, then pointed at.
    const first = await deploy(east, STACK, withParameters(template(o), second.StaticBucket ?? ''));
    const { UpdateStackCommand } = await import('@aws-sdk/client-cloudformation');
    await east.cloudformation.send(
      new UpdateStackCommand({
        StackName: STACK,
        TemplateBody: withParameters(template(o), first.SameRegionReplica ?? ''),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    await sandbox.settled();
  } else {
    await deploy(east, STACK, withParameters(template(o), second.StaticBucket ?? ''));
  }
  const checks = allChecks.filter((c) => c.stage === '06-go-global');
  const results = await evaluateChecks(checks, new Inventory(east, { stackName: STACK }));
  return Object.fromEntries(results.map((r) => [r.id, `${r.status}: ${r.message.en}`]));
}

describe('stage 06 checks on a two-region lab in the sandbox', () => {
  it('pass on the right architecture (the global database, a costly stretch, is not deployed)', async () => {
    const seen = await verdicts();
    for (const id of ids) expect(seen[id], id).toMatch(/^pass: /);
    expect(seen['aurora.global-database']).toMatch(/^fail: .* belongs to no global database\.$/);
  });

  it.each([
    ['dynamodb.global-table', { replicas: '[{ Region: us-east-1 }]' }],
    ['aurora.cluster-multi-az', { readerAz: 0 }],
    ['route53.failover-routing', { primaryHealthCheck: false }],
    ['s3.cross-region-replication', { replicateTo: 'same' }],
  ] as [string, Options][])('%s fails, alone, with its mutation', async (id, mutation) => {
    const seen = await verdicts(mutation);
    expect(seen[id], id).toMatch(/^fail: /);
    for (const other of ids.filter((x) => x !== id))
      expect(seen[other], `${other} under ${id}'s mutation`).toMatch(/^pass: /);
  });

  it('cloudformation.second-region fails when the second region holds another stack; failover then has no second endpoint', async () => {
    const seen = await verdicts({ westStackName: 'someone-else' });
    expect(seen['cloudformation.second-region']).toBe(
      `fail: CloudFormation stack ${STACK} does not exist in us-west-2 yet: deploy the same template there.`,
    );
    expect(seen['route53.failover-routing']).toMatch(/^fail: The lab is not deployed in a second region yet/);
    for (const id of ['dynamodb.global-table', 'aurora.cluster-multi-az', 's3.cross-region-replication'])
      expect(seen[id], id).toMatch(/^pass: /);
  });

  /** Stage 06's stretch alone: the lab cluster made the primary of a global database, and a secondary in us-west-2. */
  async function globalDatabaseVerdict(withSecondary: boolean, auroraClass?: Options['auroraClass']) {
    const sandbox = createSandbox({ accountId: '111122223333' });
    const east = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    await deploy(east, STACK, template({ globalDatabase: 'primary', auroraClass }));
    if (withSecondary)
      await deploy(
        sandbox.clientsFor('us-west-2', { maxAttempts: 1 }),
        STACK,
        template({ globalDatabase: 'secondary', auroraClass }),
      );
    const [result] = await evaluateChecks(
      allChecks.filter((c) => c.id === 'aurora.global-database'),
      new Inventory(east, { stackName: STACK }),
    );
    return `${result?.status}: ${result?.message.en}`;
  }

  it('aurora.global-database passes with a secondary cluster in the second region (Aurora Serverless v2)', async () => {
    expect(await globalDatabaseVerdict(true)).toMatch(
      new RegExp(
        `^pass: Aurora cluster ${STACK}-cluster-\\w+ belongs to global database ${GLOBAL} in us-east-1, us-west-2\\.$`,
      ),
    );
  });

  it('aurora.global-database passes on db.r6g.large too, the provisioned alternative', async () => {
    expect(await globalDatabaseVerdict(true, 'db.r6g.large')).toMatch(
      /^pass: Aurora cluster .* in us-east-1, us-west-2\.$/,
    );
  });

  it('aurora.global-database fails while the global database has members in one region only', async () => {
    expect(await globalDatabaseVerdict(false)).toBe(
      `fail: Global database ${GLOBAL} has members only in us-east-1: add a secondary cluster in the second region.`,
    );
  });
});
