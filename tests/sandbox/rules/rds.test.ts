import { describe, it } from 'vitest';
import { expectAccepted, expectRefused, sdkReason, template } from './support';

const GROUP = `
  DbSubnets: { Type: AWS::RDS::DBSubnetGroup, Properties: { DBSubnetGroupDescription: db, SubnetIds: [!Ref SubnetA, !Ref SubnetB] } }
`;
const db = (props: string, name = 'Db') => `
  ${name}:
    Type: AWS::RDS::DBInstance
    Properties: { DBSubnetGroupName: !Ref DbSubnets, AllocatedStorage: 20, MasterUsername: admin, ${props} }
`;
const SECRET = (exclude: boolean) => `
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString:
        SecretStringTemplate: '{"username": "admin"}'
        GenerateStringKey: password
        ${exclude ? `ExcludeCharacters: '"@/\\'` : 'PasswordLength: 24'}
`;
const fromSecret = "MasterUserPassword: !Sub '{{resolve:secretsmanager:${DbSecret}:SecretString:password}}'";

describe("RDS rules ('rds.replica-of-managed-password')", () => {
  it('refuses a read replica of a source whose master password RDS manages, in RDS words', () =>
    expectRefused(
      template(
        GROUP +
          db('Engine: mysql, DBInstanceClass: db.t3.micro, ManageMasterUserPassword: true', 'Primary') +
          '\n  Replica: { Type: AWS::RDS::DBInstance, Properties: { SourceDBInstanceIdentifier: !Ref Primary, DBInstanceClass: db.t3.micro } }\n',
      ),
      sdkReason(
        'Creating read replicas for source instance with engine mysql where ManageMasterUserPassword is enabled is not supported.',
        'Rds',
      ),
    ));

  it('accepts the replica when the password comes from a Secrets Manager secret (a dynamic reference)', () =>
    expectAccepted(
      template(
        GROUP +
          SECRET(true) +
          db(`Engine: mysql, DBInstanceClass: db.t3.micro, ${fromSecret}`, 'Primary') +
          '\n  Replica: { Type: AWS::RDS::DBInstance, Properties: { SourceDBInstanceIdentifier: !Ref Primary, DBInstanceClass: db.t3.micro } }\n',
      ),
    ));
});

describe("'rds.master-password-characters'", () => {
  it("refuses a generated password that may hold '/', '@' or '\"' (no ExcludeCharacters)", () =>
    expectRefused(
      template(GROUP + SECRET(false) + db(`Engine: mysql, DBInstanceClass: db.t3.micro, ${fromSecret}`)),
      /The parameter MasterUserPassword is not a valid password\. Only printable ASCII characters besides '\/', '@', '"', ' ' may be used\./,
    ));
});

describe("'rds.subnet-group-two-azs'", () => {
  it('refuses a DB subnet group in one Availability Zone', () =>
    expectRefused(
      template(
        '  DbSubnets: { Type: AWS::RDS::DBSubnetGroup, Properties: { DBSubnetGroupDescription: db, SubnetIds: [!Ref SubnetA] } }\n',
      ),
      sdkReason(
        "The DB subnet group doesn't meet Availability Zone (AZ) coverage requirement. Current AZ coverage: us-east-1a. Add subnets to cover at least 2 AZs.",
        'Rds',
      ),
    ));
  it('accepts two', () => expectAccepted(template(GROUP)));
});

describe("'rds.instance-class-engine-version'", () => {
  it('accepts db.t3.micro with MySQL 8.4', () =>
    expectAccepted(
      template(
        GROUP +
          db('Engine: mysql, EngineVersion: 8.4.3, DBInstanceClass: db.t3.micro, MasterUserPassword: correct-horse'),
      ),
    ));
  it('refuses db.t2.micro with MySQL 8.4, naming the combination', () =>
    expectRefused(
      template(
        GROUP +
          db('Engine: mysql, EngineVersion: 8.4.3, DBInstanceClass: db.t2.micro, MasterUserPassword: correct-horse'),
      ),
      /RDS does not support creating a DB instance with the following combination: DBInstanceClass=db\.t2\.micro, Engine=mysql, EngineVersion=8\.4\.3, LicenseModel=general-public-license\./,
    ));
  it('refuses a version RDS does not have', () =>
    expectRefused(
      template(
        GROUP +
          db('Engine: mysql, EngineVersion: 8.9.1, DBInstanceClass: db.t3.micro, MasterUserPassword: correct-horse'),
      ),
      /Cannot find version 8\.9\.1 for mysql/,
    ));
});

describe("'rds.multi-az-sqlserver-edition'", () => {
  it('refuses Multi-AZ for SQL Server Express, accepts it for MySQL', async () => {
    await expectRefused(
      template(
        GROUP +
          db('Engine: sqlserver-ex, DBInstanceClass: db.t3.small, MultiAZ: true, MasterUserPassword: correct-horse'),
      ),
      /Multi-AZ is not supported for the sqlserver-ex engine\..*InvalidRequest/,
    );
    await expectAccepted(
      template(
        GROUP + db('Engine: mysql, DBInstanceClass: db.t3.micro, MultiAZ: true, MasterUserPassword: correct-horse'),
      ),
    );
  });
});

describe("'rds.aurora-global-instance-class'", () => {
  const aurora = (klass: string) =>
    template(`${GROUP}
  Global: { Type: AWS::RDS::GlobalCluster, Properties: { GlobalClusterIdentifier: shop-global, Engine: aurora-mysql } }
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: { Engine: aurora-mysql, DBSubnetGroupName: !Ref DbSubnets, GlobalClusterIdentifier: !Ref Global }
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: aurora-mysql, DBClusterIdentifier: !Ref Cluster, DBInstanceClass: ${klass} }
`);
  it('refuses a burstable class in a global database cluster', () =>
    expectRefused(
      aurora('db.t3.medium'),
      /DBInstanceClass=db\.t3\.medium.*An Aurora global database requires memory-optimized DB instance classes/,
    ));
  it('accepts a memory-optimized class', () => expectAccepted(aurora('db.r6g.large')));
  it('accepts Aurora Serverless v2 when the cluster has its capacity range', () =>
    expectAccepted(
      aurora('db.serverless').replace(
        'GlobalClusterIdentifier: !Ref Global',
        'GlobalClusterIdentifier: !Ref Global, ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 2 }',
      ),
    ));
});

describe("'rds.serverless-v2-capacity-range'", () => {
  const cluster = (scaling: string) =>
    template(`${GROUP}
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: { Engine: aurora-mysql, MasterUsername: admin, MasterUserPassword: Sandbox-pass-1, DBSubnetGroupName: !Ref DbSubnets${scaling} }
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: aurora-mysql, DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.serverless }
`);
  it('refuses a db.serverless instance in a cluster without a capacity range', () =>
    expectRefused(cluster(''), /doesn't have a Serverless v2 capacity range/));
  it('accepts it once the cluster has ServerlessV2ScalingConfiguration', () =>
    expectAccepted(cluster(', ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 2 }')));
});
