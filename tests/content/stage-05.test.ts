import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import lab from '@/labs/05-decouple/lab';
import { describeLabPages, loadLab, locales } from './lab-contract';
import { editorYaml, isExcerpt, stepBodies } from './mdx-helpers';

/** The step that teaches each check: check definitions link to these anchors. */
const stepOfCheck: Record<string, string> = {
  'elb.internal-alb': 'internal-alb',
  'sg.chain-five-tier': 'security-chain',
  'sqs.queue-with-dlq': 'queue',
  'asg.worker-scales-on-queue': 'worker-scaling',
  'vpc.s3-gateway-endpoint': 's3-endpoint',
  'sns.fanout-to-sqs': 'fanout',
  'cloudfront.dynamic-origin': 'cloudfront-dynamic',
  'lambda.serverless-api': 'serverless',
};
const steps = [...Object.values(stepOfCheck), 'clean-up'];

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DependsOn?: string;
  UpdatePolicy?: { AutoScalingRollingUpdate?: Record<string, unknown> };
}
interface Template {
  Resources: Record<string, Resource>;
  Outputs: Record<string, unknown>;
  Parameters: Record<string, unknown>;
}

const loaded = loadLab<Template>('05-decouple');
const { sources, text, template } = loaded;

describe('lab 05 metadata', () => {
  it('is the complete decouple stage, grading the eight stage-05 checks in teaching order', () => {
    expect(lab.id).toBe('05-decouple');
    expect(lab.status).toBe('complete');
    expect(lab.milestone.users).toBe(1_000_000);
    expect(lab.templates).toEqual({ start: 'start.yaml', solution: 'solution.yaml' });
    expect(lab.checks).toEqual(Object.keys(stepOfCheck));
  });

  it('matches each check definition’s stage and step link', () => {
    for (const [id, step] of Object.entries(stepOfCheck)) {
      const check = allChecks.find((c) => c.id === id);
      expect(check?.stage, id).toBe('05-decouple');
      expect(check?.step, id).toBe(step);
    }
  });

  it('asks the three questions of STAGES.md, whose answers are among their choices', () => {
    expect(lab.quiz.map((q) => q.id)).toEqual(['queue-during-upgrade', 'dont-reinvent', 'internal-vs-internet-facing']);
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
  label: 'lab 05',
  checkIds: lab.checks,
  steps,
  stepOfCheck,
  diagram: 'decouple',
  notAnExcerpt:
    'InternalAlb:\n  Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Properties:\n    Scheme: internet-facing',
});

describe('the editor path evolves start.yaml into solution.yaml', () => {
  const keyLines = (block: string) => new Set([...block.matchAll(/^(\w+):/gm)].map((m) => m[1] as string));

  it('starts from stage 04’s solution, byte for byte', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(text.start).toBe(await readFile('templates/04-cache-automate-secure/solution.yaml', 'utf8'));
  });

  it('shows every resource and output the solution adds, and removes nothing', () => {
    const shown = new Set(editorYaml(sources.en).flatMap((b) => [...keyLines(b)]));
    const added = [
      ...Object.keys(template.solution.Resources).filter((id) => !(id in template.start.Resources)),
      ...Object.keys(template.solution.Outputs).filter((id) => !(id in template.start.Outputs)),
    ];
    expect(added.length).toBeGreaterThan(40);
    for (const id of added) expect(shown, id).toContain(id);
    expect(Object.keys(template.start.Resources).filter((id) => !(id in template.solution.Resources))).toEqual([]);
    expect(editorYaml(sources.en).every((b) => isExcerpt(b, text.solution))).toBe(true);
  });

  it('builds what the checks read: internal ALB in private subnets, the five-link chain, queue, workers, endpoint', () => {
    const r = template.solution.Resources;
    expect(r.InternalAlb?.Properties).toMatchObject({
      Scheme: 'internal',
      Subnets: [{ Ref: 'PrivateSubnetA' }, { Ref: 'PrivateSubnetB' }],
    });
    expect(r.AppAsg?.Properties.VPCZoneIdentifier).toEqual([{ Ref: 'PrivateSubnetA' }, { Ref: 'PrivateSubnetB' }]);
    const source = (id: string) =>
      ((r[id]?.Properties.SecurityGroupIngress ?? []) as { SourceSecurityGroupId?: unknown; CidrIp?: string }[]).map(
        (rule) => rule.SourceSecurityGroupId ?? rule.CidrIp,
      );
    expect(source('WebSecurityGroup')).toEqual([{ Ref: 'AlbSecurityGroup' }]);
    expect(source('InternalAlbSecurityGroup')).toEqual([{ Ref: 'WebSecurityGroup' }]);
    expect(source('AppSecurityGroup')).toEqual([{ Ref: 'InternalAlbSecurityGroup' }]);
    expect(source('DbSecurityGroup')).toEqual([{ Ref: 'AppSecurityGroup' }]);
    expect(source('CacheSecurityGroup')).toEqual([{ Ref: 'AppSecurityGroup' }]);
    expect(r.WorkQueue?.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] },
      maxReceiveCount: 5,
    });
    expect(JSON.stringify(r.WorkerBacklogPolicy?.Properties)).toContain('"Expression":"m1 / m2"');
    expect(r.WorkerAsg?.UpdatePolicy?.AutoScalingRollingUpdate).toMatchObject({ MinInstancesInService: 0 });
    expect(r.S3Endpoint?.Properties).toMatchObject({
      VpcEndpointType: 'Gateway',
      RouteTableIds: [{ Ref: 'PrivateRouteTable' }],
    });
    expect(r.ItemsFunction?.Properties.VpcConfig).toBeUndefined();
    expect(r.ItemsFunction?.Properties.Environment).toEqual({ Variables: { TABLE_NAME: { Ref: 'ItemsTable' } } });
    expect(Object.values(r).filter((x) => x.Type === 'AWS::EC2::NatGateway')).toHaveLength(1);
  });

  it('has the app really use the queue: the web tier publishes jobs, the worker receives and deletes them', () => {
    expect(text.solution).toContain('aws("sns", "publish", "--topic-arn", TOPIC_ARN');
    expect(text.solution).toContain('aws("sqs", "receive-message", "--queue-url", QUEUE_URL');
    expect(text.solution).toContain('aws("sqs", "delete-message", "--queue-url", QUEUE_URL');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
    expect(text.solution).toContain('Environment=APP_URL=http://${InternalAlb.DNSName}');
  });

  it('keeps every tier’s user data under EC2’s 16 KB', () => {
    const userData = [...text.solution.matchAll(/Fn::Base64: !Sub \|\n((?: {12}.*\n|\n)+)/g)].map((m) => m[1] ?? '');
    expect(userData).toHaveLength(3);
    for (const ud of userData) expect(Buffer.byteLength(ud.replace(/^ {12}/gm, ''))).toBeLessThan(16 * 1024);
  });

  it('explains the staged template and the one NAT gateway in both languages', () => {
    for (const locale of locales) {
      expect(sources[locale], locale).toContain('scalelab/template-size');
      expect(sources[locale], locale).toContain('scalelab-staging-<account>-<region>');
      expect(sources[locale], locale).toContain('TemplateURL');
      const cleanUp = stepBodies(sources[locale], true).get('clean-up') ?? '';
      expect(cleanUp, locale).toContain('aws logs delete-log-group');
    }
  });
});
