import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diagrams } from '@/components/diagrams';
import lab from '@/labs/00-one-user/lab';
import type { Locale } from '@/lib/i18n/locales';
import { type CompiledLab, compileLabMdx, mdxComponentNames } from '@/lib/labs/compile';
import { mdxPath } from '@/lib/labs/content';
import { checksPerStep } from './mdx-helpers';

/** The step that teaches each check: check definitions link to these anchors. */
const stepOfCheck: Record<string, string> = {
  'ec2.web-instance-running': 'launch',
  'http.app-responds': 'open-app',
  'ec2.elastic-ip': 'elastic-ip',
  'sg.no-open-admin-ports': 'security-group',
  'ec2.imdsv2-required': 'imdsv2',
  'ec2.scaled-up': 'scale-up',
};
const steps = ['budget', 'launch', 'open-app', 'elastic-ip', 'security-group', 'imdsv2', 'scale-up', 'clean-up'];
const locales: Locale[] = ['en', 'ko'];

const sources = {} as Record<Locale, string>;
const compiled = {} as Record<Locale, CompiledLab>;

beforeAll(async () => {
  for (const locale of locales) {
    sources[locale] = await readFile(mdxPath('00-one-user', locale), 'utf8');
    compiled[locale] = await compileLabMdx(sources[locale], `labs/00-one-user/${locale}.mdx`);
  }
}, 120_000);

describe('lab 00 metadata', () => {
  it('is the complete first stage, grading the six stage-00 checks in teaching order', () => {
    expect(lab.id).toBe('00-one-user');
    expect(lab.status).toBe('complete');
    expect(lab.milestone.users).toBe(1);
    expect(lab.templates).toEqual({ start: null, solution: 'solution.yaml' });
    expect(lab.checks).toEqual(Object.keys(stepOfCheck));
  });

  it('asks two to four quiz questions whose answers are among their choices', () => {
    expect(lab.quiz.length).toBeGreaterThanOrEqual(2);
    expect(lab.quiz.length).toBeLessThanOrEqual(4);
    for (const q of lab.quiz) {
      const ids = q.choices.map((c) => c.id);
      expect(q.answer.length, q.id).toBeGreaterThan(0);
      for (const a of q.answer) expect(ids, q.id).toContain(a);
      for (const text of [q.prompt, q.explanation, ...q.choices.map((c) => c.text)]) {
        expect(text.en.trim(), q.id).not.toBe('');
        expect(text.ko.trim(), q.id).not.toBe('');
      }
    }
  });
});

describe.each(locales)('lab 00 in %s', (locale) => {
  it('compiles', () => {
    expect(compiled[locale].code.length).toBeGreaterThan(1000);
  });

  it('has the eight steps in order, the budget alert first', () => {
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

  it('uses only the components a lab may use', () => {
    for (const name of compiled[locale].components) expect(mdxComponentNames, name).toContain(name);
  });

  it('shows the one-box diagram, the quiz and the cost note', () => {
    expect(compiled[locale].diagramNames).toEqual(['one-box']);
    for (const name of compiled[locale].diagramNames) expect(Object.keys(diagrams)).toContain(name);
    expect(compiled[locale].components).toEqual(expect.arrayContaining(['Quiz', 'CostNote', 'Tabs', 'Tab', 'Callout']));
  });
});

describe('lab 00 in both languages', () => {
  it('has the same step ids, checks and components in English and Korean', () => {
    expect(compiled.ko.stepIds).toEqual(compiled.en.stepIds);
    expect(compiled.ko.checkIds).toEqual(compiled.en.checkIds);
    expect([...compiled.ko.components].sort()).toEqual([...compiled.en.components].sort());
  });

  it('titles every Korean step in Korean', () => {
    const titles = [...sources.ko.matchAll(/<Step\b[^>]*\btitle="([^"]+)"/g)].map((m) => m[1] as string);
    expect(titles).toHaveLength(steps.length);
    for (const title of titles) expect(title).toMatch(/[가-힣]/);
  });
});

describe('templates/00-one-user/solution.yaml', () => {
  // Short-form intrinsics as plain objects: enough to read the structure the lab text relies on.
  const customTags = ['Ref', 'Sub', 'GetAtt', 'GetAZs', 'Base64'].map((name) => ({
    tag: `!${name}`,
    resolve: (value: string) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: value }),
  }));
  const seqTags = ['Select', 'Sub', 'Join'].map((name) => ({
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (value: unknown) => ({ [`Fn::${name}`]: value }),
  }));

  type Resource = { Type: string; Properties: Record<string, unknown> };
  let template: {
    Parameters: Record<string, { Default?: string; AllowedValues?: string[]; Type: string }>;
    Resources: Record<string, Resource>;
    Outputs: Record<string, { Export?: unknown }>;
  };

  beforeAll(async () => {
    const text = await readFile(join(process.cwd(), 'templates', '00-one-user', 'solution.yaml'), 'utf8');
    template = parse(text, { customTags: [...customTags, ...seqTags] });
  });

  it('lets the learner scale up through one InstanceType parameter', () => {
    expect(template.Parameters.InstanceType).toMatchObject({
      Default: 't3.micro',
      AllowedValues: ['t3.micro', 't3.small', 't3.medium'],
    });
    expect(template.Parameters.LatestAmiId?.Type).toBe('AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>');
  });

  it('builds the web instance the checks look for: tagged web, IMDSv2 required', () => {
    const web = Object.values(template.Resources).find((r) => r.Type === 'AWS::EC2::Instance');
    expect(web?.Properties.Tags).toContainEqual({ Key: 'scalelab:role', Value: 'web' });
    expect(web?.Properties.MetadataOptions).toMatchObject({ HttpTokens: 'required' });
  });

  it('opens port 80 only', () => {
    const groups = Object.values(template.Resources).filter((r) => r.Type === 'AWS::EC2::SecurityGroup');
    const ingress = groups.flatMap((g) => (g.Properties.SecurityGroupIngress as { FromPort: number }[]) ?? []);
    expect(ingress.map((rule) => rule.FromPort)).toEqual([80]);
  });

  it('associates an Elastic IP and exports the lab VPC', () => {
    const types = Object.values(template.Resources).map((r) => r.Type);
    expect(types).toEqual(expect.arrayContaining(['AWS::EC2::EIP', 'AWS::EC2::EIPAssociation']));
    expect(Object.keys(template.Outputs)).toEqual(
      expect.arrayContaining(['VpcId', 'InstanceId', 'PublicIp', 'AppUrl']),
    );
    expect(template.Outputs.VpcId?.Export).toBeDefined();
  });
});
