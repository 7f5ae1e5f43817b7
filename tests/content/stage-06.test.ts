import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import lab from '@/labs/06-go-global/lab';
import { type ChangeForCost, costWarning } from '@/lib/stacks/cost-warnings';
import { verdictsAfterDeploying } from './harness-support';
import { describeLabPages, loadLab, locales } from './lab-contract';
import { editorYaml, isExcerpt, stepBodies } from './mdx-helpers';

/** The step that teaches each check: check definitions link to these anchors. */
const stepOfCheck: Record<string, string> = {
  'cloudformation.second-region': 'second-region',
  'dynamodb.global-table': 'global-table',
  'aurora.cluster-multi-az': 'aurora',
  'route53.failover-routing': 'failover-routing',
  's3.cross-region-replication': 'replication',
  'aurora.global-database': 'global-database',
};
const steps = [...Object.values(stepOfCheck), 'clean-up'];

interface Resource {
  Type: string;
  Condition?: string;
  Properties: Record<string, unknown>;
}
interface Template {
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Condition?: string }>;
  Parameters: Record<string, { Default?: string; AllowedValues?: string[] }>;
}

const loaded = loadLab<Template>('06-go-global');
const { sources, text, template } = loaded;

describe('lab 06 metadata', () => {
  it('is the complete go-global stage, grading the six stage-06 checks in teaching order', () => {
    expect(lab.id).toBe('06-go-global');
    expect(lab.status).toBe('complete');
    expect(lab.milestone.users).toBe(10_000_000);
    expect(lab.templates).toEqual({ start: 'start.yaml', solution: 'solution.yaml' });
    expect(lab.checks).toEqual(Object.keys(stepOfCheck));
  });

  it('matches each check definition’s stage and step link', () => {
    for (const [id, step] of Object.entries(stepOfCheck)) {
      const check = allChecks.find((c) => c.id === id);
      expect(check?.stage, id).toBe('06-go-global');
      expect(check?.step, id).toBe(step);
    }
  });

  it('asks the questions of STAGES.md, whose answers are among their choices', () => {
    expect(lab.quiz.map((q) => q.id)).toEqual([
      'easiest-multi-region',
      'federation-vs-sharding',
      'failover-vs-latency',
      'aurora-global-numbers',
      'ten-commandments',
    ]);
    for (const q of lab.quiz) {
      const ids = q.choices.map((c) => c.id);
      expect(new Set(ids).size, q.id).toBe(ids.length);
      for (const a of q.answer) expect(ids, q.id).toContain(a);
      for (const t of [q.prompt, q.explanation, ...q.choices.map((c) => c.text)]) {
        expect(t.en.trim(), q.id).not.toBe('');
        expect(t.ko, q.id).toMatch(/[가-힣]/);
      }
    }
  });
});

describeLabPages(loaded, {
  label: 'lab 06',
  checkIds: lab.checks,
  steps,
  stepOfCheck,
  diagram: 'go-global',
  notAnExcerpt: 'GlobalTable:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    BillingMode: PROVISIONED',
});

describe('the editor path evolves start.yaml into solution.yaml', () => {
  const keyLines = (block: string) => new Set([...block.matchAll(/^(\w+):/gm)].map((m) => m[1] as string));

  it('starts from stage 05’s solution, byte for byte', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(text.start).toBe(await readFile('templates/05-decouple/solution.yaml', 'utf8'));
  });

  it('shows every parameter, resource and output the solution adds, and removes nothing', () => {
    const shown = new Set(editorYaml(sources.en).flatMap((b) => [...keyLines(b)]));
    const added = (section: 'Resources' | 'Outputs' | 'Parameters') =>
      Object.keys(template.solution[section]).filter((id) => !(id in template.start[section]));
    const all = [...added('Parameters'), ...added('Resources'), ...added('Outputs')];
    expect(all.length).toBeGreaterThanOrEqual(25);
    for (const id of all) expect(shown, id).toContain(id);
    expect(Object.keys(template.start.Resources).filter((id) => !(id in template.solution.Resources))).toEqual([]);
    expect(editorYaml(sources.en).every((b) => isExcerpt(b, text.solution))).toBe(true);
  });

  it('creates what exists once on the primary only, and the stretch only when asked', () => {
    const r = template.solution.Resources;
    const p = template.solution.Parameters;
    expect(p.Role).toMatchObject({ Default: 'primary', AllowedValues: ['primary', 'secondary'] });
    for (const empty of ['SecondaryAlbDnsName', 'ReplicaBucketArn', 'HostedZoneId', 'DomainName'])
      expect(p[empty]?.Default, empty).toBe('');
    expect(p.AuroraGlobalDatabase?.Default).toBe('false');
    expect(p.AuroraInstanceClass?.Default).toBe('db.t4g.medium');
    expect(r.GlobalTable?.Condition).toBe('IsPrimary');
    expect(r.GlobalTable?.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
      TableName: { 'Fn::Sub': '${AWS::StackName}-global' },
    });
    expect(((r.GlobalTable?.Properties.Replicas ?? []) as { Region: unknown }[]).map((x) => x.Region)).toEqual([
      { Ref: 'AWS::Region' },
      { Ref: 'SecondRegion' },
    ]);
    expect(r.AuroraReader?.Condition).toBe('IsPrimary');
    expect(r.GlobalCluster?.Condition).toBe('CreatesGlobalDatabase');
    for (const id of ['ReplicationRole', 'ReplicationPolicy']) expect(r[id]?.Condition, id).toBe('Replicate');
    for (const id of ['PrimaryHealthCheck', 'PrimaryRecord', 'SecondaryRecord'])
      expect(r[id]?.Condition, id).toBe('Failover');
    expect(r.StaticBucket?.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('has the app read and write its region’s replica of the global table', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
    expect(text.solution).toContain('Environment=GLOBAL_TABLE=${AWS::StackName}-global');
    expect(text.solution).toContain('"ADD visits :one SET lastInstance = :me, lastAt = :at"');
    expect(text.solution).toContain('ddb[:2] + ["scan"]');
  });

  it('keeps every tier’s user data under EC2’s 16 KB', () => {
    const userData = [...text.solution.matchAll(/Fn::Base64: !Sub \|\n((?: {12}.*\n|\n)+)/g)].map((m) => m[1] ?? '');
    expect(userData).toHaveLength(3);
    for (const ud of userData) expect(Buffer.byteLength(ud.replace(/^ {12}/gm, ''))).toBeLessThan(16 * 1024);
  });

  it('explains the two stacks, the optional domain, the stretch’s cost and both regions’ clean-up', () => {
    for (const locale of locales) {
      const source = sources[locale];
      expect(source, locale).toContain('scalelab/template-size');
      expect(source, locale).toContain('Role');
      expect(source, locale).toContain('HostedZoneId');
      expect(source, locale).toContain('db.r6g.large');
      expect(source, locale).toContain('db.serverless');
      expect(source, locale).toContain('cache.m6g.large');
      const cleanUp = stepBodies(source, true).get('clean-up') ?? '';
      expect(cleanUp, locale).toContain('--region "$SECOND"');
      expect(cleanUp, locale).toContain('list-object-versions');
    }
  });
});

describe('stage 06’s stretch on Aurora Serverless v2', () => {
  it('offers db.serverless, and gives the cluster the capacity range a db.serverless instance needs', () => {
    expect(template.solution.Parameters.AuroraInstanceClass?.AllowedValues).toEqual([
      'db.t4g.medium',
      'db.t3.medium',
      'db.serverless',
      'db.r6g.large',
    ]);
    expect(template.solution.Resources.AuroraCluster?.Properties.ServerlessV2ScalingConfiguration).toEqual({
      MinCapacity: 0.5,
      MaxCapacity: 2,
    });
  });

  it('costs in both labs what the preview’s cost warning computes from the template (three instances)', () => {
    const stretch = { AuroraGlobalDatabase: 'true', AuroraInstanceClass: 'db.serverless' };
    const c = (logicalId: string, resourceType: string, action = 'Add'): ChangeForCost => ({
      action,
      logicalId,
      resourceType,
    });
    const primary = costWarning({
      templateBody: text.solution,
      parameters: stretch,
      changes: [
        c('AuroraWriter', 'AWS::RDS::DBInstance', 'Modify'),
        c('AuroraReader', 'AWS::RDS::DBInstance', 'Modify'),
        c('GlobalCluster', 'AWS::RDS::GlobalCluster'),
      ],
      region: 'us-east-1',
    });
    const secondary = costWarning({
      templateBody: text.solution,
      parameters: { ...stretch, Role: 'secondary' },
      changes: [c('AuroraCluster', 'AWS::RDS::DBCluster'), c('AuroraWriter', 'AWS::RDS::DBInstance')],
      region: 'us-west-2',
    });
    const hourly = (k: 'min' | 'max') => ((primary?.hourlyUsd[k] ?? 0) + (secondary?.hourlyUsd[k] ?? 0)).toFixed(2);
    const weekly = (k: 'min' | 'max') => String(Math.round(Number(hourly(k)) * 168));
    expect([hourly('min'), hourly('max'), weekly('min'), weekly('max')]).toEqual(['0.18', '0.72', '30', '121']);
    expect(sources.en).toContain(
      `${hourly('min')} USD an hour at 0.5 ACU each, up to ${hourly('max')} at 2 ACUs each (${weekly('min')} to ${weekly('max')} USD a week)`,
    );
    expect(sources.en).toContain(`${hourly('min')} to ${hourly('max')} USD an hour in us-east-1`);
    expect(sources.ko).toContain(
      `시간당 ${hourly('min')}~${hourly('max')} USD(일주일 ${weekly('min')}~${weekly('max')} USD)`,
    );
  });
});

describe('stage 06 without the stretch goal', () => {
  it('passes the four required checks and the replication, and fails only the global database', async () => {
    const { status, why } = await verdictsAfterDeploying('06-go-global', text.solution, undefined, false);
    for (const id of lab.checks.filter((c) => c !== 'aurora.global-database'))
      expect(status[id], `${id} → ${why[id]}`).toBe('pass');
    expect(why['aurora.global-database']).toMatch(/^fail: Aurora cluster .* belongs to no global database\.$/);
  });
});
