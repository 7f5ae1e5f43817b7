import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import { diagrams } from '@/components/diagrams';
import splitDatabase from '@/labs/01-split-database/lab';
import highAvailability from '@/labs/02-high-availability/lab';
import type { Locale } from '@/lib/i18n/locales';
import { type CompiledLab, compileLabMdx, mdxComponentNames } from '@/lib/labs/compile';
import { mdxPath } from '@/lib/labs/content';
import type { defineLab } from '@/lib/labs/types';
import { checksPerStep, editorYaml, stepBodies, tabKinds, templateData } from './mdx-helpers';

type Lab = ReturnType<typeof defineLab>;

interface Stage {
  lab: Lab;
  diagram: string;
  milestone: number;
  steps: string[];
  /** The step that teaches each check: the check definitions link to these anchors. */
  stepOfCheck: Record<string, string>;
}

const stages: Stage[] = [
  {
    lab: splitDatabase,
    diagram: 'split-database',
    milestone: 100,
    steps: ['db-subnets', 'db-security-group', 'rds-instance', 'encryption', 'backups', 'connect-app', 'clean-up'],
    stepOfCheck: {
      'rds.private-subnets': 'db-subnets',
      'sg.db-from-web-only': 'db-security-group',
      'rds.instance-in-lab-vpc': 'rds-instance',
      'rds.not-public': 'rds-instance',
      'rds.encrypted': 'encryption',
      'rds.backups-enabled': 'backups',
    },
  },
  {
    lab: highAvailability,
    diagram: 'high-availability',
    milestone: 1000,
    steps: ['alb', 'targets', 'multi-az', 'security-chain', 'balance-test', 'clean-up'],
    stepOfCheck: {
      'elb.alb-multi-az': 'alb',
      'elb.targets-multi-az': 'targets',
      'rds.multi-az': 'multi-az',
      'sg.chain-alb-web-db': 'security-chain',
      'http.balanced-across-azs': 'balance-test',
    },
  },
];
const locales: Locale[] = ['en', 'ko'];

type Template = Record<'Parameters' | 'Resources' | 'Outputs', Record<string, unknown>>;

/** Every key the snippet names has the template's value; lists and scalars must be equal as a whole. */
function isPartOf(snippet: unknown, template: unknown): boolean {
  if (snippet && typeof snippet === 'object' && !Array.isArray(snippet)) {
    if (!template || typeof template !== 'object' || Array.isArray(template)) return false;
    return Object.entries(snippet).every(([k, v]) => isPartOf(v, (template as Record<string, unknown>)[k]));
  }
  return JSON.stringify(snippet) === JSON.stringify(template);
}

const sources = {} as Record<string, Record<Locale, string>>;
const compiled = {} as Record<string, Record<Locale, CompiledLab>>;
const solutions = {} as Record<string, Template>;

beforeAll(async () => {
  for (const { lab } of stages) {
    sources[lab.id] = {} as Record<Locale, string>;
    compiled[lab.id] = {} as Record<Locale, CompiledLab>;
    for (const locale of locales) {
      const source = await readFile(mdxPath(lab.id, locale), 'utf8');
      sources[lab.id]![locale] = source;
      compiled[lab.id]![locale] = await compileLabMdx(source, `labs/${lab.id}/${locale}.mdx`);
    }
    const text = await readFile(join(process.cwd(), 'templates', lab.id, 'solution.yaml'), 'utf8');
    solutions[lab.id] = templateData<Template>(text);
  }
}, 180_000);

describe.each(stages)('lab $lab.id', (stage) => {
  const { lab } = stage;

  it('is complete and grades its checks in teaching order', () => {
    expect(lab.status).toBe('complete');
    expect(lab.milestone.users).toBe(stage.milestone);
    expect(lab.templates).toEqual({ start: 'start.yaml', solution: 'solution.yaml' });
    expect([...lab.checks].sort()).toEqual(Object.keys(stage.stepOfCheck).sort());
  });

  it('links every check definition to the step that teaches it', () => {
    for (const [id, step] of Object.entries(stage.stepOfCheck)) {
      expect(allChecks.find((c) => c.id === id)?.step, id).toBe(step);
    }
  });

  it('asks three or four quiz questions whose answers are among their choices, in both languages', () => {
    expect(lab.quiz.length).toBeGreaterThanOrEqual(3);
    expect(lab.quiz.length).toBeLessThanOrEqual(4);
    expect(new Set(lab.quiz.map((q) => q.id)).size).toBe(lab.quiz.length);
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

  describe.each(locales)('in %s', (locale) => {
    it('compiles, with no emphasis left unparsed (a Korean particle right after "**" can break it)', () => {
      expect(compiled[lab.id]![locale].code.length).toBeGreaterThan(1000);
      expect(compiled[lab.id]![locale].code).not.toContain('**');
    });

    it('has its steps in order, clean-up last', () => {
      expect(compiled[lab.id]![locale].stepIds).toEqual(stage.steps);
    });

    it('puts every check of the stage in the step its definition links to', () => {
      const perStep = checksPerStep(sources[lab.id]![locale]);
      expect([...perStep.keys()]).toEqual(stage.steps);
      for (const [check, step] of Object.entries(stage.stepOfCheck)) {
        expect(perStep.get(step), `${check} in #${step}`).toContain(check);
      }
      const all = compiled[lab.id]![locale].checkIds;
      expect([...all].sort()).toEqual([...lab.checks].sort());
    });

    it('gives every step a template-editor tab and a console or CLI tab', () => {
      for (const [id, body] of stepBodies(sources[lab.id]![locale])) {
        const kinds = tabKinds(body);
        expect(kinds, `#${id}`).toContain('editor');
        expect(
          kinds.some((k) => k === 'console' || k === 'cli'),
          `#${id}`,
        ).toBe(true);
      }
    });

    it('uses only the components a lab may use, with the stage diagram, the quiz and the cost note', () => {
      const c = compiled[lab.id]![locale];
      for (const name of c.components) expect(mdxComponentNames, name).toContain(name);
      expect(c.diagramNames).toEqual([stage.diagram]);
      expect(Object.keys(diagrams)).toContain(stage.diagram);
      expect(c.components).toEqual(expect.arrayContaining(['Quiz', 'CostNote', 'Tabs', 'Tab', 'Callout', 'Check']));
    });

    it('shows template-editor YAML that is taken from the stage solution as it is', () => {
      const snippets = editorYaml(sources[lab.id]![locale]);
      expect(snippets.length).toBeGreaterThan(3);
      const solution = solutions[lab.id]!;
      for (const snippet of snippets) {
        const parsed = templateData(snippet);
        for (const [key, value] of Object.entries(parsed)) {
          // A name can be both a resource and an output (WebInstanceA): the snippet must match one of them.
          const matches = (['Resources', 'Outputs', 'Parameters'] as const).filter(
            (section) => solution[section]?.[key] !== undefined && isPartOf(value, solution[section]?.[key]),
          );
          expect(matches.length, `${key} as in the solution:\n${snippet}`).toBeGreaterThan(0);
        }
      }
    });
  });

  it('has the same step ids, checks and components in English and Korean', () => {
    const { en, ko } = compiled[lab.id]!;
    expect(ko.stepIds).toEqual(en.stepIds);
    expect(ko.checkIds).toEqual(en.checkIds);
    expect([...ko.components].sort()).toEqual([...en.components].sort());
  });

  it('titles every Korean step in Korean', () => {
    const titles = [...sources[lab.id]!.ko.matchAll(/<Step\b[^>]*\btitle="([^"]+)"/g)].map((m) => m[1] as string);
    expect(titles).toHaveLength(stage.steps.length);
    for (const title of titles) expect(title).toMatch(/[가-힣]/);
  });
});
