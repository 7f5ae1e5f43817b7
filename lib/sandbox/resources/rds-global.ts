/**
 * Aurora global databases (Aurora User Guide › Using Amazon Aurora Global Database): an AWS::RDS::GlobalCluster made
 * from a primary cluster of its region (SourceDBClusterIdentifier, an identifier or an ARN) or empty (Engine given,
 * the first cluster that joins is the primary); clusters of other regions join with their GlobalClusterIdentifier.
 * Global cluster identifiers are the account's, across regions (the ARN has no region).
 */
import { cfnSuffix, generatedName } from '../ids';
import { fail, type Models, str } from './model';

export const GLOBAL_CLUSTER = 'AWS::RDS::GlobalCluster';
const CLUSTER = 'AWS::RDS::DBCluster';

/** RDS API Reference › CreateDBCluster › Errors › GlobalClusterNotFoundFault (a cluster naming a missing global one). */
export const globalClusterNotFound = (): [string, string] => [
  "The GlobalClusterIdentifier doesn't refer to an existing global database cluster.",
  'GlobalClusterNotFoundFault',
];

export const rdsGlobalModels: Models = {
  [GLOBAL_CLUSTER]: {
    seconds: 60,
    make(ctx) {
      const { props, world, accountId } = ctx;
      const id =
        str(props, 'GlobalClusterIdentifier') ??
        ctx.existing?.physicalId ??
        generatedName(ctx.stackName, ctx.logicalId, 63);
      if (world.all(GLOBAL_CLUSTER, true).some((g) => g.physicalId === id && g.physicalId !== ctx.existing?.physicalId))
        fail(
          // RDS API Reference › CreateGlobalCluster › Errors › GlobalClusterAlreadyExistsFault.
          'The GlobalClusterIdentifier already exists. Specify a new global database identifier (unique name) to create a new global database cluster or to rename an existing one.',
          'GlobalClusterAlreadyExistsFault',
        );
      const sourceRef = str(props, 'SourceDBClusterIdentifier');
      const source = sourceRef
        ? (world.find(CLUSTER, sourceRef.startsWith('arn:') ? sourceRef : sourceRef.toLowerCase()) ??
          fail(`DBCluster ${sourceRef} not found.`, 'DBClusterNotFoundFault'))
        : undefined;
      // The resource handler's own words (aws-cloudformation-resource-providers-rds, GlobalCluster create handler).
      if (!source && !str(props, 'Engine'))
        fail('When creating standalone global cluster, value for engineName should be specified', 'InvalidRequest');
      const engine = str(props, 'Engine') ?? String(source?.attrs.Engine);
      // Wording: the sandbox's (Aurora global databases are for aurora-mysql and aurora-postgresql only).
      if (!engine.startsWith('aurora'))
        fail(`The engine ${engine} doesn't support global databases.`, 'InvalidParameterValue');
      return {
        physicalId: id,
        attrs: {
          GlobalClusterArn: `arn:aws:rds::${accountId}:global-cluster:${id}`,
          GlobalClusterResourceId:
            (ctx.existing?.attrs.GlobalClusterResourceId as string | undefined) ??
            `cluster-${cfnSuffix(16).toLowerCase()}`,
          Engine: engine,
          EngineVersion: str(props, 'EngineVersion') ?? (source?.attrs.EngineVersion as string | undefined),
          StorageEncrypted: str(props, 'StorageEncrypted') === 'true' || source?.attrs.StorageEncrypted === true,
          SourceDBClusterArn: source?.attrs.DBClusterArn,
        },
      };
    },
  },
};
