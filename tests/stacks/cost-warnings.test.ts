import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '@/lib/sandbox';
import { prepareChangeSet } from '@/lib/stacks/change-sets';
import { type ChangeForCost, costWarning } from '@/lib/stacks/cost-warnings';

/** Stage 06's solution: the stretch (an Aurora global database) is off by default and costs money when turned on. */
const stage06 = readFileSync('templates/06-go-global/solution.yaml', 'utf8');
const STRETCH = { AuroraGlobalDatabase: 'true', AuroraInstanceClass: 'db.serverless' };

const change = (action: string, logicalId: string, resourceType: string): ChangeForCost => ({
  action,
  logicalId,
  resourceType,
});
const instancesModified = [
  change('Modify', 'AuroraWriter', 'AWS::RDS::DBInstance'),
  change('Modify', 'AuroraReader', 'AWS::RDS::DBInstance'),
];

describe('costWarning', () => {
  it('says nothing about a first launch of stage 06 with its defaults (cheap Aurora classes, no global database)', () => {
    const changes = ['AuroraCluster', 'AuroraWriter', 'AuroraReader'].map((id) =>
      change('Add', id, id === 'AuroraCluster' ? 'AWS::RDS::DBCluster' : 'AWS::RDS::DBInstance'),
    );
    expect(costWarning({ templateBody: stage06, parameters: {}, changes, region: 'us-east-1' })).toBeUndefined();
  });

  it('warns when the primary turns on the global database on Aurora Serverless v2, priced over its ACU range', () => {
    const warning = costWarning({
      templateBody: stage06,
      parameters: STRETCH,
      changes: [...instancesModified, change('Add', 'GlobalCluster', 'AWS::RDS::GlobalCluster')],
      region: 'us-east-1',
    });
    expect(warning).toEqual({
      globalDatabase: true,
      instances: [
        { logicalId: 'AuroraWriter', instanceClass: 'db.serverless', acu: { min: 0.5, max: 2 } },
        { logicalId: 'AuroraReader', instanceClass: 'db.serverless', acu: { min: 0.5, max: 2 } },
      ],
      // 2 instances × 0.5–2 ACUs × 0.12 USD per ACU-hour; a week is 168 hours.
      hourlyUsd: { min: 0.12, max: 0.48 },
      weeklyUsd: { min: 20, max: 81 },
      pricedAs: 'us-east-1',
      estimated: false,
      unpriced: [],
      replicatedWritesPerMillionUsd: 0.2,
    });
  });

  it('warns when the secondary joins the global database (its cluster names the global cluster)', () => {
    const warning = costWarning({
      templateBody: stage06,
      parameters: { ...STRETCH, Role: 'secondary' },
      changes: [
        change('Add', 'AuroraCluster', 'AWS::RDS::DBCluster'),
        change('Add', 'AuroraWriter', 'AWS::RDS::DBInstance'),
      ],
      region: 'us-west-2',
    });
    expect(warning?.globalDatabase).toBe(true);
    expect(warning?.instances.map((i) => i.logicalId)).toEqual(['AuroraWriter']);
    expect(warning?.hourlyUsd).toEqual({ min: 0.06, max: 0.24 });
    expect(warning?.pricedAs).toBe('us-east-1');
  });

  it('warns about provisioned classes beyond the cheap list without a global database (db.r6g.large)', () => {
    const warning = costWarning({
      templateBody: stage06,
      parameters: { AuroraInstanceClass: 'db.r6g.large' },
      changes: instancesModified,
      region: 'us-east-1',
    });
    expect(warning).toMatchObject({
      globalDatabase: false,
      replicatedWritesPerMillionUsd: null,
      hourlyUsd: { min: 0.52, max: 0.52 },
      weeklyUsd: { min: 87, max: 87 },
    });
  });

  it('prices Seoul as the lab does (us-east-1 × 1.24) and marks Osaka an estimate priced as Seoul', () => {
    const input = {
      templateBody: stage06,
      parameters: { AuroraInstanceClass: 'db.r6g.large' },
      changes: instancesModified,
    };
    expect(costWarning({ ...input, region: 'ap-northeast-2' })).toMatchObject({
      hourlyUsd: { min: 0.64, max: 0.64 },
      pricedAs: 'ap-northeast-2',
      estimated: false,
    });
    expect(costWarning({ ...input, region: 'ap-northeast-3' })).toMatchObject({
      pricedAs: 'ap-northeast-2',
      estimated: true,
    });
  });

  it('counts only instances the change set adds or modifies, and ignores removals', () => {
    const input = { templateBody: stage06, parameters: { AuroraInstanceClass: 'db.r6g.large' }, region: 'us-east-1' };
    expect(costWarning({ ...input, changes: [instancesModified[0] as ChangeForCost] })?.hourlyUsd.max).toBe(0.26);
    expect(
      costWarning({ ...input, changes: [change('Remove', 'AuroraWriter', 'AWS::RDS::DBInstance')] }),
    ).toBeUndefined();
    expect(
      costWarning({ ...input, changes: [change('Modify', 'WebGroup', 'AWS::AutoScaling::AutoScalingGroup')] }),
    ).toBe(undefined);
  });

  it('names a class it has no price for instead of counting it as free', () => {
    const templateBody = `Resources:
  Cluster: { Type: AWS::RDS::DBCluster, Properties: { Engine: aurora-mysql } }
  Big: { Type: AWS::RDS::DBInstance, Properties: { Engine: aurora-mysql, DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.x2g.large } }
  Small: { Type: AWS::RDS::DBInstance, Properties: { Engine: aurora-mysql, DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.r5.large } }
`;
    const warning = costWarning({
      templateBody,
      parameters: {},
      changes: [change('Add', 'Big', 'AWS::RDS::DBInstance'), change('Add', 'Small', 'AWS::RDS::DBInstance')],
      region: 'us-east-1',
    });
    expect(warning).toMatchObject({ unpriced: ['db.x2g.large'], hourlyUsd: { min: 0.29, max: 0.29 } });
  });

  it('leaves a preview it cannot resolve without a warning rather than failing it', () => {
    const templateBody =
      'Parameters:\n  Needed: { Type: String }\nResources:\n  Db: { Type: AWS::RDS::GlobalCluster }\n';
    const changes = [change('Add', 'Db', 'AWS::RDS::GlobalCluster')];
    expect(costWarning({ templateBody, parameters: {}, changes, region: 'us-east-1' })).toBeUndefined();
    expect(costWarning({ templateBody, parameters: { Needed: 'x' }, changes, region: 'us-east-1' })).toMatchObject({
      globalDatabase: true,
      instances: [],
      hourlyUsd: { min: 0, max: 0 },
    });
  });
});

describe('the change-set preview', () => {
  const aurora = (klass: string, global: boolean) => `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: { Engine: aurora-mysql, MasterUsername: admin, MasterUserPassword: Sandbox-pass-1, ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 } }
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: aurora-mysql, DBClusterIdentifier: !Ref Cluster, DBInstanceClass: ${klass} }
${global ? '  Global: { Type: AWS::RDS::GlobalCluster, Properties: { GlobalClusterIdentifier: shop, SourceDBClusterIdentifier: !Ref Cluster } }\n' : ''}`;

  async function preview(body: string) {
    const sandbox = createSandbox({ accountId: '444455556666' });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    return prepareChangeSet({ clients, stackName: 'costly', templateBody: body });
  }

  it('carries the cost warning of a deploy that creates a global database', async () => {
    const out = await preview(aurora('db.serverless', true));
    expect(out.costWarning).toMatchObject({
      globalDatabase: true,
      instances: [{ logicalId: 'Writer', instanceClass: 'db.serverless', acu: { min: 0.5, max: 4 } }],
      hourlyUsd: { min: 0.06, max: 0.48 },
    });
  });

  it('carries none for a cheap Aurora class', async () => {
    expect((await preview(aurora('db.t4g.medium', false))).costWarning).toBeUndefined();
  });
});
