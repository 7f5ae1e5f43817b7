import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import lab from '@/labs/03-scale-out/lab';
import { describeLabPages, loadLab } from './lab-contract';
import { editorYaml, isExcerpt } from './mdx-helpers';

/** The step that teaches each check: check definitions link to these anchors. */
const stepOfCheck: Record<string, string> = {
  'asg.multi-az': 'auto-scaling-group',
  'asg.elb-health-check': 'health-checks',
  'asg.target-tracking': 'scaling-policy',
  'rds.read-replica': 'read-replica',
  's3.static-bucket-private': 'static-bucket',
  'cloudfront.s3-origin-oac': 'cloudfront-oac',
  'cloudfront.https-only': 'https',
  'cloudwatch.fleet-alarm': 'alarm',
};
const steps = [
  'auto-scaling-group',
  'health-checks',
  'scaling-policy',
  'read-replica',
  'static-bucket',
  'cloudfront-oac',
  'https',
  'alarm',
  'clean-up',
];

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, unknown>;
}

const loaded = loadLab<Template>('03-scale-out');
const { sources, text, template } = loaded;

describe('lab 03 metadata', () => {
  it('is the complete scale-out stage, grading the eight stage-03 checks in teaching order', () => {
    expect(lab.id).toBe('03-scale-out');
    expect(lab.status).toBe('complete');
    expect(lab.milestone.users).toBe(10_000);
    expect(lab.templates).toEqual({ start: 'start.yaml', solution: 'solution.yaml' });
    expect(lab.checks).toEqual(Object.keys(stepOfCheck));
  });

  it('matches each check definition’s stage and step link', () => {
    for (const [id, step] of Object.entries(stepOfCheck)) {
      const check = allChecks.find((c) => c.id === id);
      expect(check?.stage, id).toBe('03-scale-out');
      expect(check?.step, id).toBe(step);
    }
  });

  it('asks three or four quiz questions whose answers are among their choices', () => {
    expect(lab.quiz.length).toBeGreaterThanOrEqual(3);
    expect(lab.quiz.length).toBeLessThanOrEqual(4);
    expect(lab.quiz.map((q) => q.id)).toEqual(
      expect.arrayContaining(['pre-provisioned-waste', 'min-max-desired', 'replica-vs-standby']),
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
  label: 'lab 03',
  checkIds: lab.checks,
  steps,
  stepOfCheck,
  diagram: 'scale-out',
  notAnExcerpt: 'WebAsg:\n  Type: AWS::EC2::Instance',
});

describe('the editor path evolves start.yaml into solution.yaml', () => {
  const keyLines = (block: string) => new Set([...block.matchAll(/^(\w+):/gm)].map((m) => m[1] as string));

  it('adds every resource and output the solution has and the start does not', () => {
    const blocks = editorYaml(sources.en).filter((b) => isExcerpt(b, text.solution));
    const shown = new Set(blocks.flatMap((b) => [...keyLines(b)]));
    const added = [
      ...Object.keys(template.solution.Resources).filter((id) => !(id in template.start.Resources)),
      ...Object.keys(template.solution.Outputs).filter((id) => !(id in template.start.Outputs)),
    ];
    expect(added).toEqual(expect.arrayContaining(['WebAsg', 'DatabaseReplica', 'StaticDistribution', 'WebAsgName']));
    for (const id of added) expect(shown, id).toContain(id);
  });

  it('removes the two fixed web instances, their targets and their outputs', () => {
    const removed = Object.keys(template.start.Resources).filter((id) => !(id in template.solution.Resources));
    expect(removed.sort()).toEqual(['WebInstanceA', 'WebInstanceB']);
    const fromStart = editorYaml(sources.en).filter((b) => !isExcerpt(b, text.solution) && isExcerpt(b, text.start));
    const shown = new Set(fromStart.flatMap((b) => [...keyLines(b)]));
    for (const id of removed) expect(shown, id).toContain(id);
    expect(fromStart.some((b) => b.startsWith('Targets:'))).toBe(true);
  });

  it('builds what the checks read: a group over two subnets that can grow, ELB health checks, target tracking', () => {
    const asg = template.solution.Resources.WebAsg?.Properties;
    expect(asg).toMatchObject({ MinSize: '2', MaxSize: '4', HealthCheckType: 'ELB' });
    expect(asg?.VPCZoneIdentifier).toHaveLength(2);
    expect(template.solution.Resources.CpuTargetTracking?.Properties.PolicyType).toBe('TargetTrackingScaling');
    expect(template.solution.Resources.StaticBucket?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
  });
});
