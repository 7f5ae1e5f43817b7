import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagrams } from '@/components/diagrams';
import type { Locale } from '@/lib/i18n/locales';
import { type CompiledLab, compileLabMdx, mdxComponentNames } from '@/lib/labs/compile';
import { mdxPath } from '@/lib/labs/content';
import type { StageId } from '@/lib/labs/types';
import { checksPerStep, editorYaml, isExcerpt, stepBodies, tabKinds, templateData } from './mdx-helpers';

export const locales: Locale[] = ['en', 'ko'];

/** A stage's lab as the content tests read it: both MDX files, compiled, and its two templates. */
export interface LoadedLab<T> {
  sources: Record<Locale, string>;
  compiled: Record<Locale, CompiledLab>;
  text: Record<'start' | 'solution', string>;
  template: Record<'start' | 'solution', T>;
}

/** Load (in a beforeAll) what the tests of one stage read. */
export function loadLab<T>(stage: StageId): LoadedLab<T> {
  const loaded = { sources: {}, compiled: {}, text: {}, template: {} } as LoadedLab<T>;
  beforeAll(async () => {
    for (const name of ['start', 'solution'] as const) {
      loaded.text[name] = await readFile(join(process.cwd(), 'templates', stage, `${name}.yaml`), 'utf8');
      loaded.template[name] = templateData<T>(loaded.text[name]);
    }
    for (const locale of locales) {
      loaded.sources[locale] = await readFile(mdxPath(stage, locale), 'utf8');
      loaded.compiled[locale] = await compileLabMdx(loaded.sources[locale], `labs/${stage}/${locale}.mdx`);
    }
  }, 120_000);
  return loaded;
}

export interface LabContract {
  label: string;
  checkIds: string[];
  steps: string[];
  stepOfCheck: Record<string, string>;
  diagram: string;
  /** A snippet that is NOT in the solution: proves the excerpt test can fail. */
  notAnExcerpt: string;
}

/** What every complete lab page must be, in each language and across both. */
export function describeLabPages<T>(loaded: LoadedLab<T>, c: LabContract): void {
  const { sources, compiled, text } = loaded;
  describe.each(locales)(`${c.label} in %s`, (locale) => {
    it('compiles', () => {
      expect(compiled[locale].code.length).toBeGreaterThan(1000);
    });

    it(`has the ${c.steps.length} steps in order, clean-up last`, () => {
      expect(compiled[locale].stepIds).toEqual(c.steps);
    });

    it('puts every check of the stage in the step that teaches it, once', () => {
      const perStep = checksPerStep(sources[locale]);
      expect([...perStep.keys()]).toEqual(c.steps);
      for (const [check, step] of Object.entries(c.stepOfCheck)) {
        expect(perStep.get(step), `${check} in #${step}`).toContain(check);
      }
      expect(compiled[locale].checkIds).toEqual(c.checkIds);
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

    it(`shows the ${c.diagram} diagram, the quiz and the cost note`, () => {
      expect(compiled[locale].diagramNames).toEqual([c.diagram]);
      for (const name of compiled[locale].diagramNames) expect(Object.keys(diagrams)).toContain(name);
      expect(compiled[locale].components).toEqual(
        expect.arrayContaining(['Quiz', 'CostNote', 'Tabs', 'Tab', 'Callout']),
      );
    });

    it('shows only YAML the templates really contain in the editor tabs', () => {
      const blocks = editorYaml(sources[locale]);
      expect(blocks.length).toBeGreaterThan(10);
      expect(isExcerpt(c.notAnExcerpt, text.solution)).toBe(false);
      for (const block of blocks) {
        expect(isExcerpt(block, text.solution) || isExcerpt(block, text.start), block).toBe(true);
      }
    });
  });

  describe(`${c.label} in both languages`, () => {
    it('has the same step ids, checks, components and editor YAML in English and Korean', () => {
      expect(compiled.ko.stepIds).toEqual(compiled.en.stepIds);
      expect(compiled.ko.checkIds).toEqual(compiled.en.checkIds);
      expect([...compiled.ko.components].sort()).toEqual([...compiled.en.components].sort());
      expect(editorYaml(sources.ko)).toEqual(editorYaml(sources.en));
    });

    it('titles every Korean step in Korean', () => {
      const titles = [...sources.ko.matchAll(/<Step\b[^>]*\btitle="([^"]+)"/g)].map((m) => m[1] as string);
      expect(titles).toHaveLength(c.steps.length);
      for (const title of titles) expect(title).toMatch(/[가-힣]/);
    });
  });
}
