import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import lab from '@/labs/04-cache-automate-secure/lab';
import { describeLabPages, loadLab, locales } from './lab-contract';
import { editorYaml, isExcerpt, stepBodies } from './mdx-helpers';

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

interface Template {
  Resources: Record<string, { Type: string; Condition?: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, unknown>;
  Parameters: Record<string, unknown>;
}

const loaded = loadLab<Template>('04-cache-automate-secure');
const { sources, text, template } = loaded;

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

describeLabPages(loaded, {
  label: 'lab 04',
  checkIds: lab.checks,
  steps,
  stepOfCheck,
  diagram: 'cache-automate-secure',
  notAnExcerpt: 'CacheReplicationGroup:\n  Type: AWS::ElastiCache::CacheCluster',
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

  it('removes only the bastion group stage 03 left with SSH (and its AdminCidr parameter), showing what goes', () => {
    const removed = Object.keys(template.start.Resources).filter((id) => !(id in template.solution.Resources));
    expect(removed).toEqual(['BastionSecurityGroup']);
    const gone = Object.keys(template.start.Parameters).filter((id) => !(id in template.solution.Parameters));
    expect(gone).toEqual(['AdminCidr']);
    const fromStart = editorYaml(sources.en).filter((b) => !isExcerpt(b, text.solution) && isExcerpt(b, text.start));
    const shown = fromStart.flatMap((b) => [...b.matchAll(/^(\w+):/gm)].map((m) => m[1]));
    expect(shown).toEqual(expect.arrayContaining(['BastionSecurityGroup', 'AdminCidr']));
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
