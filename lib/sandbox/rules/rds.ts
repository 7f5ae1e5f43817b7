/** Amazon RDS: what CreateDBInstance / CreateDBCluster / CreateDBSubnetGroup refuse beyond the resource schema. */
import type { ModelContext } from '../resources';
import { bool, list, str } from '../resources/model';
import { refuse, rule } from './rule';

const INSTANCE = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const SUBNET_GROUP = 'AWS::RDS::DBSubnetGroup';

const sourceOf = (ctx: ModelContext) => {
  const ref = str(ctx.props, 'SourceDBInstanceIdentifier');
  if (!ref) return undefined;
  return ctx.world.all(INSTANCE, true).find((d) => d.physicalId === ref.toLowerCase() || d.attrs.DBInstanceArn === ref);
};

// RDS User Guide › Password management with Amazon RDS and AWS Secrets Manager ›
// "Limitations for Secrets Manager integration with Amazon RDS": creating a read replica when the source DB manages
// its credentials with Secrets Manager is not supported, for every engine except RDS for SQL Server.
export const replicaOfManagedPassword = rule({
  id: 'rds.replica-of-managed-password',
  types: [INSTANCE],
  says: 'A read replica cannot be made of a source whose master password RDS manages in Secrets Manager (all engines but SQL Server).',
  source: {
    title:
      'Amazon RDS User Guide: Password management with Amazon RDS and AWS Secrets Manager › Limitations for Secrets Manager integration with Amazon RDS',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations',
  },
  check(ctx) {
    const source = sourceOf(ctx);
    if (!source || !bool(source.props, 'ManageMasterUserPassword')) return;
    const engine = String(source.attrs.Engine ?? '');
    if (engine.startsWith('sqlserver')) return;
    refuse(
      `Creating read replicas for source instance with engine ${engine} where ManageMasterUserPassword is enabled is not supported.`,
      'InvalidParameterValue',
    );
  },
});

// RDS User Guide › Working with a DB instance in a VPC › "Working with DB subnet groups": each DB subnet group must
// have subnets in at least two Availability Zones in a given AWS Region.
export const subnetGroupTwoZones = rule({
  id: 'rds.subnet-group-two-azs',
  types: [SUBNET_GROUP],
  says: 'A DB subnet group has subnets in at least two Availability Zones.',
  source: {
    title: 'Amazon RDS User Guide: Working with a DB instance in a VPC › Working with DB subnet groups',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Subnets',
  },
  check(ctx) {
    const subnets = list(ctx.props, 'SubnetIds').map((s) => ctx.world.find('AWS::EC2::Subnet', s));
    if (subnets.some((s) => !s)) return; // the model reports the subnet that does not exist
    const zones = [...new Set(subnets.map((s) => String(s?.attrs.AvailabilityZone)))];
    if (zones.length < 2)
      refuse(
        `The DB subnet group doesn't meet Availability Zone (AZ) coverage requirement. Current AZ coverage: ${zones.join(', ')}. Add subnets to cover at least 2 AZs.`,
        'DBSubnetGroupDoesNotCoverEnoughAZs',
      );
  },
});

/**
 * The engine versions the sandbox offers (majors RDS offers for new instances today) and the instance-class families
 * each supports. RDS User Guide › DB instance classes › "Supported DB engines for DB instance classes": previous
 * generation classes (db.t2, db.m4, db.r4) are not offered for MySQL 8.4, PostgreSQL 17 or MariaDB 11.4.
 */
const CURRENT = ['t3', 't4g', 'm5', 'm6g', 'm6i', 'm7g', 'r5', 'r6g', 'r6i', 'r7g'];
const PREVIOUS = ['t2', 'm4', 'r4'];
const VERSIONS: Record<string, { major: string; classes: string[] }[]> = {
  mysql: [
    { major: '8.0', classes: [...CURRENT, ...PREVIOUS] },
    { major: '8.4', classes: CURRENT },
  ],
  mariadb: [
    { major: '10.6', classes: [...CURRENT, ...PREVIOUS] },
    { major: '10.11', classes: [...CURRENT, ...PREVIOUS] },
    { major: '11.4', classes: CURRENT },
  ],
  postgres: ['13', '14', '15', '16']
    .map((major) => ({ major, classes: [...CURRENT, ...PREVIOUS] }))
    .concat({
      major: '17',
      classes: CURRENT,
    }),
};
/** The version RDS picks when none is given (the sandbox's resource model reports the same ones). */
const DEFAULT_MAJOR: Record<string, string> = { mysql: '8.0', mariadb: '10.11', postgres: '16' };
const LICENSE: Record<string, string> = {
  mysql: 'general-public-license',
  mariadb: 'general-public-license',
  postgres: 'postgresql-license',
};

// RDS User Guide › DB instance classes › "Supported DB engines for DB instance classes"; the API reference of
// CreateDBInstance (EngineVersion): an unknown version is refused with "Cannot find version … for …".
export const classAndVersion = rule({
  id: 'rds.instance-class-engine-version',
  types: [INSTANCE],
  says: 'The engine version exists and the DB instance class is offered for it (e.g. db.t3.micro with MySQL 8.4; not db.t2.micro).',
  source: {
    title: 'Amazon RDS User Guide: DB instance classes › Supported DB engines for DB instance classes',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html',
  },
  check(ctx) {
    const engine = str(ctx.props, 'Engine');
    const version = str(ctx.props, 'EngineVersion');
    const klass = str(ctx.props, 'DBInstanceClass');
    const offered = engine ? VERSIONS[engine] : undefined;
    if (!offered || !klass || str(ctx.props, 'SourceDBInstanceIdentifier')) return;
    const wanted = version ?? DEFAULT_MAJOR[engine!]!;
    const match = offered.find((v) => wanted === v.major || wanted.startsWith(`${v.major}.`));
    if (!match) refuse(`Cannot find version ${version} for ${engine}`, 'InvalidParameterCombination');
    const family = /^db\.([a-z0-9]+)\./.exec(klass)?.[1] ?? '';
    if (!match.classes.includes(family))
      refuse(
        `RDS does not support creating a DB instance with the following combination: DBInstanceClass=${klass}, Engine=${engine}, EngineVersion=${version ?? match.major}, LicenseModel=${LICENSE[engine!]}. For supported combinations of instance class and database engine version, see the documentation.`,
        'InvalidParameterCombination',
      );
  },
});

// RDS User Guide › Multi-AZ deployments for Amazon RDS for Microsoft SQL Server: Multi-AZ is offered for the
// Standard and Enterprise editions only (not Express, not Web).
export const multiAzEdition = rule({
  id: 'rds.multi-az-sqlserver-edition',
  types: [INSTANCE],
  says: 'Multi-AZ is not offered for SQL Server Express and Web editions.',
  source: {
    title: 'Amazon RDS User Guide: Multi-AZ deployments for Amazon RDS for Microsoft SQL Server',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_SQLServerMultiAZ.html',
  },
  check(ctx) {
    const engine = str(ctx.props, 'Engine') ?? '';
    if (bool(ctx.props, 'MultiAZ') && /^sqlserver-(ex|web)$/.test(engine))
      // Wording: the sandbox's (RDS's own text for this case was not found); the code is the one RDS uses.
      refuse(`Multi-AZ is not supported for the ${engine} engine.`, 'InvalidParameterCombination');
  },
});

// Aurora User Guide › Configuration requirements of an Amazon Aurora global database › "DB instance class
// requirements": an Aurora global database requires DB instance classes optimized for memory-intensive applications.
// Aurora Serverless v2 (db.serverless) is supported in global databases (What's New, 2022-04-21: "Amazon Aurora
// Serverless v2 is generally available" — with Multi-AZ, Global Database and read replicas): it is not refused here.
export const globalDatabaseClass = rule({
  id: 'rds.aurora-global-instance-class',
  types: [INSTANCE],
  says: 'An instance of an Aurora cluster that belongs to a global database uses a memory-optimized class (db.r*, db.x*) or Aurora Serverless v2 (db.serverless).',
  source: {
    title:
      'Amazon Aurora User Guide: Configuration requirements of an Amazon Aurora global database › DB instance class requirements',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html',
  },
  check(ctx) {
    const clusterRef = str(ctx.props, 'DBClusterIdentifier');
    const cluster = clusterRef ? ctx.world.find(CLUSTER, clusterRef.toLowerCase()) : undefined;
    const klass = str(ctx.props, 'DBInstanceClass') ?? '';
    if (!cluster || !str(cluster.props, 'GlobalClusterIdentifier') || /^db\.((r|x)\d|serverless$)/.test(klass)) return;
    // Wording: the sandbox's, in RDS's "combination" style (RDS's own text for this case was not found).
    refuse(
      `RDS does not support creating a DB instance with the following combination: DBInstanceClass=${klass}, Engine=${String(cluster.attrs.Engine)}, global database=${String(cluster.props.GlobalClusterIdentifier)}. An Aurora global database requires memory-optimized DB instance classes.`,
      'InvalidParameterCombination',
    );
  },
});

// Aurora User Guide › Requirements and limitations for Aurora Serverless v2 › "Clusters that use Aurora Serverless v2
// must have a capacity range specified": a cluster needs its ServerlessV2ScalingConfiguration before any db.serverless
// instance is added to it.
export const serverlessNeedsCapacityRange = rule({
  id: 'rds.serverless-v2-capacity-range',
  types: [INSTANCE],
  says: 'A db.serverless instance joins a cluster that has a Serverless v2 capacity range (ServerlessV2ScalingConfiguration).',
  source: {
    title:
      'Amazon Aurora User Guide: Requirements and limitations for Aurora Serverless v2 › Clusters that use Aurora Serverless v2 must have a capacity range specified',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.requirements.html',
  },
  check(ctx) {
    if (str(ctx.props, 'DBInstanceClass') !== 'db.serverless') return;
    const clusterRef = str(ctx.props, 'DBClusterIdentifier');
    const cluster = clusterRef ? ctx.world.find(CLUSTER, clusterRef.toLowerCase()) : undefined;
    if (!cluster || cluster.props.ServerlessV2ScalingConfiguration) return;
    // Wording: the sandbox's (RDS's own text for this case was not found); the code is the one RDS uses.
    refuse(
      `The DB cluster ${cluster.physicalId} doesn't have a Serverless v2 capacity range. Set ServerlessV2ScalingConfiguration on the cluster before adding a db.serverless DB instance.`,
      'InvalidParameterCombination',
    );
  },
});

// RDS API reference › CreateDBInstance › MasterUserPassword: "Can include any printable ASCII character except
// '/', '"', or '@'" (and no spaces). A Secrets Manager generated password must exclude them.
export const passwordCharacters = rule({
  id: 'rds.master-password-characters',
  types: [INSTANCE, CLUSTER],
  says: "The master password uses printable ASCII characters other than '/', '@', '\"' and space.",
  source: {
    title: 'Amazon RDS API Reference: CreateDBInstance › MasterUserPassword',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html',
  },
  check(ctx) {
    const password = str(ctx.props, 'MasterUserPassword');
    if (password !== undefined && /[/@" ]|[^\x20-\x7e]/.test(password))
      refuse(
        `The parameter MasterUserPassword is not a valid password. Only printable ASCII characters besides '/', '@', '"', ' ' may be used.`,
        'InvalidParameterValue',
      );
  },
});

export const rdsRules = [
  replicaOfManagedPassword,
  subnetGroupTwoZones,
  classAndVersion,
  multiAzEdition,
  globalDatabaseClass,
  serverlessNeedsCapacityRange,
  passwordCharacters,
];
