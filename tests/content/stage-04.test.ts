import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import { diagrams } from '@/components/diagrams';
import lab from '@/labs/04-cache-automate-secure/lab';
import type { Locale } from '@/lib/i18n/locales';
import { type CompiledLab, compileLabMdx, mdxComponentNames } from '@/lib/labs/compile';
import { mdxPath } from '@/lib/labs/content';
import { checksPerStep, editorYaml, stepBodies, tabKinds, templateData } from './mdx-helpers';

/** The step that teaches each check: check definitions link to these anchors. */
const stepOfCheck: Record<string, string> = {
  'elasticache.multi-az-failover': 'cache',
  'sg.cache-from-app-only': 'cache-security',
  'dynamodb.session-table-ttl': 'session-table',
  'ec2.ssm-managed': 'session-manager',
  'sg.no-ssh': 'no-ssh',
  'cloudtrail.multi-region-trail': 'cloudtrail',
  'guardduty.enabled': 'guardduty',
  'cloudwatch.dashboard': 'dashboard',
};
const steps = [
  'cache',
  'cache-security',
  'session-table',
  'session-manager',
  'no-ssh',
  'cloudtrail',
  'guardduty',
  'dashboard',
  'clean-up',
];
const locales: Locale[] = ['en', 'ko'];

/** Is `block` a run of consecutive lines of `template`, all shifted by the same indentation? */
function isExcerpt(block: string, template: string): boolean {
  const want = block.split('\n');
  const have = template.split('\n');
  const first = want[0] as string;
  for (let i = 0; i + want.length <= have.length; i++) {
    const line = have[i] as string;
    if (!line.endsWith(first)) continue;
    const indent = line.slice(0, line.length - first.length);
    if (indent.trim() !== '') continue;
    const same = want.every((w, k) => {
      const h = have[i + k] as string;
      return w === '' ? h.trim() === '' : h === indent + w;
    });
    if (same) return true;
  }
  return false;
}

interface Template {
  Resources: Record<string, { Type: string; Condition?: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, unknown>;
  Parameters: Record<string, unknown>;
}

const sources = {} as Record<Locale, string>;
const compiled = {} as Record<Locale, CompiledLab>;
const text = {} as Record<'start' | 'solution', string>;
const template = {} as Record<'start' | 'solution', Template>;

beforeAll(async () => {
  for (const name of ['start', 'solution'] as const) {
    text[name] = await readFile(join(process.cwd(), 'templates', '04-cache-automate-secure', `${name}.yaml`), 'utf8');
    template[name] = templateData<Template>(text[name]);
  }
  for (const locale of locales) {
    sources[locale] = await readFile(mdxPath('04-cache-automate-secure', locale), 'utf8');
    compiled[locale] = await compileLabMdx(sources[locale], `labs/04-cache-automate-secure/${locale}.mdx`);
  }
}, 120_000);

describe('lab 04 metadata', () => {
  it('is the complete cache-automate-secure stage, grading the eight stage-04 checks in teaching order', () => {
    expect(lab.id).toBe('04-cache-automate-secure');
    expect(lab.status).toBe('complete');
    expect(lab.milestone.users).toBe(100_000);
    expect(lab.templates).toEqual({ start: 'start.yaml', solution: 'solution.yaml' });
    expect(lab.checks).toEqual(Object.keys(stepOfCheck));
  });

  it('matches each check definition’s stage and step link', () => {
    for (const [id, step] of Object.entries(stepOfCheck)) {
      const check = allChecks.find((c) => c.id === id);
      expect(check?.stage, id).toBe('04-cache-automate-secure');
      expect(check?.step, id).toBe(step);
    }
  });

  it('asks three or four quiz questions whose answers are among their choices', () => {
    expect(lab.quiz.length).toBeGreaterThanOrEqual(3);
    expect(lab.quiz.length).toBeLessThanOrEqual(4);
    expect(lab.quiz.map((q) => q.id)).toEqual(
      expect.arrayContaining(['session-manager', 'stateless-web', 'dispatch-cost-cut', 'trail-vs-guardduty']),
    );
    for (const q of lab.quiz) {
      const ids = q.choices.map((c) => c.id);
      expect(new Set(ids).size, q.id).toBe(ids.length);
      expect(q.answer.length, q.id).toBeGreaterThan(0);
      for (const a of q.answer) expect(ids, q.id).toContain(a);
      for (const t of [q.prompt, q.explanation, ...q.choices.map((c) => c.text)]) {
        expect(t.en.trim(), q.id).not.toBe('');
        expect(t.ko, q.id).toMatch(/[가-힣]/);
      }
    }
  });
});

describe.each(locales)('lab 04 in %s', (locale) => {
  it('compiles', () => {
    expect(compiled[locale].code.length).toBeGreaterThan(1000);
  });

  it('has the nine steps in order, clean-up last', () => {
    expect(compiled[locale].stepIds).toEqual(steps);
  });

  it('puts every check of the stage in the step that teaches it, once', () => {
    const perStep = checksPerStep(sources[locale]);
    expect([...perStep.keys()]).toEqual(steps);
    for (const [check, step] of Object.entries(stepOfCheck)) {
      expect(perStep.get(step), `${check} in #${step}`).toContain(check);
    }
    expect(compiled[locale].checkIds).toEqual(lab.checks);
  });

  it('gives every step a template-editor tab and a console or CLI tab', () => {
    for (const [id, body] of stepBodies(sources[locale])) {
      const kinds = tabKinds(body);
      expect(kinds[0], id).toBe('editor');
      expect(
        kinds.some((k) => k === 'console' || k === 'cli'),
        id,
      ).toBe(true);
    }
  });

  it('uses only the components a lab may use', () => {
    for (const name of compiled[locale].components) expect(mdxComponentNames, name).toContain(name);
  });

  it('shows the cache-automate-secure diagram, the quiz and the cost note', () => {
    expect(compiled[locale].diagramNames).toEqual(['cache-automate-secure']);
    for (const name of compiled[locale].diagramNames) expect(Object.keys(diagrams)).toContain(name);
    expect(compiled[locale].components).toEqual(expect.arrayContaining(['Quiz', 'CostNote', 'Tabs', 'Tab', 'Callout']));
  });

  it('shows only YAML the templates really contain in the editor tabs', () => {
    const blocks = editorYaml(sources[locale]);
    expect(blocks.length).toBeGreaterThan(10);
    expect(isExcerpt('CacheReplicationGroup:\n  Type: AWS::ElastiCache::CacheCluster', text.solution)).toBe(false);
    for (const block of blocks) {
      expect(isExcerpt(block, text.solution) || isExcerpt(block, text.start), block).toBe(true);
    }
  });
});

describe('lab 04 in both languages', () => {
  it('has the same step ids, checks, components and editor YAML in English and Korean', () => {
    expect(compiled.ko.stepIds).toEqual(compiled.en.stepIds);
    expect(compiled.ko.checkIds).toEqual(compiled.en.checkIds);
    expect([...compiled.ko.components].sort()).toEqual([...compiled.en.components].sort());
    expect(editorYaml(sources.ko)).toEqual(editorYaml(sources.en));
  });

  it('titles every Korean step in Korean', () => {
    const titles = [...sources.ko.matchAll(/<Step\b[^>]*\btitle="([^"]+)"/g)].map((m) => m[1] as string);
    expect(titles).toHaveLength(steps.length);
    for (const title of titles) expect(title).toMatch(/[가-힣]/);
  });
});

describe('the editor path evolves start.yaml into solution.yaml', () => {
  const keyLines = (block: string) => new Set([...block.matchAll(/^(\w+):/gm)].map((m) => m[1] as string));

  it('adds every resource, parameter and output the solution has and the start does not', () => {
    const blocks = editorYaml(sources.en).filter((b) => isExcerpt(b, text.solution));
    const shown = new Set(blocks.flatMap((b) => [...keyLines(b)]));
    const added = [
      ...Object.keys(template.solution.Resources).filter((id) => !(id in template.start.Resources)),
      ...Object.keys(template.solution.Outputs).filter((id) => !(id in template.start.Outputs)),
      ...Object.keys(template.solution.Parameters).filter((id) => !(id in template.start.Parameters)),
    ];
    expect(added).toEqual(
      expect.arrayContaining([
        'CacheReplicationGroup',
        'CacheSecurityGroup',
        'SessionTable',
        'Trail',
        'Detector',
        'FleetDashboard',
        'CreateGuardDutyDetector',
      ]),
    );
    for (const id of added) expect(shown, id).toContain(id);
    expect(shown).toContain('Conditions');
  });

  it('removes nothing: stage 04 only adds to stage 03', () => {
    const removed = Object.keys(template.start.Resources).filter((id) => !(id in template.solution.Resources));
    expect(removed).toEqual([]);
  });

  it('builds what the checks read: a failover cache from the web SG, TTL, SSM, no SSH, trail, detector, dashboard', () => {
    const r = template.solution.Resources;
    expect(r.CacheReplicationGroup?.Properties).toMatchObject({
      NumCacheClusters: 2,
      AutomaticFailoverEnabled: true,
      MultiAZEnabled: true,
    });
    expect(r.CacheSecurityGroup?.Properties.SecurityGroupIngress).toEqual([
      expect.objectContaining({ FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: { Ref: 'WebSecurityGroup' } }),
    ]);
    expect(r.SessionTable?.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(JSON.stringify(r.WebRole?.Properties.ManagedPolicyArns)).toContain('AmazonSSMManagedInstanceCore');
    for (const [id, res] of Object.entries(r)) {
      if (res.Type !== 'AWS::EC2::SecurityGroup') continue;
      const rules = (res.Properties.SecurityGroupIngress ?? []) as { FromPort?: number; ToPort?: number }[];
      for (const rule of rules) expect((rule.FromPort ?? 0) <= 22 && (rule.ToPort ?? 65535) >= 22, id).toBe(false);
    }
    expect(r.Trail?.Properties).toMatchObject({ IsMultiRegionTrail: true, IsLogging: true });
    expect(r.Detector?.Properties.Enable).toBe(true);
    expect(r.Detector).toMatchObject({ Condition: 'CreateDetector' });
  });

  it('tells the learner about the one detector per region and emptying the trail bucket', () => {
    for (const locale of locales) {
      const cleanUp = stepBodies(sources[locale], true).get('clean-up') ?? '';
      expect(cleanUp, locale).toContain('CreateGuardDutyDetector');
      expect(cleanUp, locale).toContain('aws s3 rm "s3://$(out TrailBucket)" --recursive');
      expect(cleanUp, locale).toContain('aws cloudtrail stop-logging');
    }
  });
});
