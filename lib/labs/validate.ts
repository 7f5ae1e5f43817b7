import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allChecks } from '@/checkers';
import { diagrams } from '@/components/diagrams';
import { locales } from '@/lib/i18n/locales';
import { mdxComponentNames, scanReferences } from './compile';
import { labsDir, mdxPath } from './content';
import { labs } from './registry';
import { stageIds } from './types';

export interface LabProblem {
  file: string;
  message: string;
}

const templatesDir = join(process.cwd(), 'templates');

/** Everything a lab references must exist. Run by `npm run content` (the build) and by the tests. */
export async function validateLabs(): Promise<LabProblem[]> {
  const problems: LabProblem[] = [];
  const known = new Set(allChecks.map((c) => c.id));
  const seen = new Set<string>();
  for (const id of stageIds) {
    if (!labs.some((l) => l.id === id))
      problems.push({ file: join(labsDir, id, 'lab.ts'), message: `missing metadata for stage ${id}` });
  }
  for (const lab of labs) {
    const meta = join(labsDir, lab.id, 'lab.ts');
    if (seen.has(lab.id)) problems.push({ file: meta, message: `duplicate stage id ${lab.id}` });
    seen.add(lab.id);
    for (const q of lab.quiz) {
      const choices = new Set(q.choices.map((c) => c.id));
      for (const a of q.answer) {
        if (!choices.has(a))
          problems.push({ file: meta, message: `quiz "${q.id}": answer "${a}" is not one of its choices` });
      }
      if (q.answer.length === 0) problems.push({ file: meta, message: `quiz "${q.id}" has no answer` });
    }
    // A coming-soon stage names its templates ahead of time; a complete stage must have them.
    for (const [role, name] of Object.entries(lab.templates)) {
      if (lab.status === 'complete' && name && !existsSync(join(templatesDir, lab.id, name))) {
        problems.push({ file: meta, message: `${role} template templates/${lab.id}/${name} does not exist` });
      }
    }
    if (lab.status === 'complete') {
      for (const id of lab.checks) {
        if (!known.has(id))
          problems.push({ file: meta, message: `unknown check id "${id}" (not in checkers/index.ts)` });
      }
    }
    const stepsByLocale: Record<string, string[]> = {};
    for (const locale of locales) {
      const file = mdxPath(lab.id, locale);
      if (!existsSync(file)) {
        problems.push({ file, message: `missing ${locale} content for stage ${lab.id}` });
        continue;
      }
      const refs = scanReferences(await readFile(file, 'utf8'));
      stepsByLocale[locale] = refs.stepIds;
      for (const c of refs.components) {
        if (!(mdxComponentNames as readonly string[]).includes(c)) {
          problems.push({ file, message: `unknown component <${c}> (allowed: ${mdxComponentNames.join(', ')})` });
        }
      }
      for (const id of refs.checkIds) {
        if (!known.has(id)) problems.push({ file, message: `<Check id="${id}"> names an unknown check` });
        else if (!lab.checks.includes(id))
          problems.push({ file, message: `<Check id="${id}"> is not a check of stage ${lab.id}` });
      }
      for (const name of refs.diagramNames) {
        if (!(name in diagrams))
          problems.push({ file, message: `<Diagram name="${name}"> is not in components/diagrams` });
      }
      const dup = refs.stepIds.find((s, i) => refs.stepIds.indexOf(s) !== i);
      if (dup) problems.push({ file, message: `step id "${dup}" is used twice` });
      if (lab.status === 'complete') {
        for (const check of allChecks.filter((c) => lab.checks.includes(c.id))) {
          if (check.step && !refs.stepIds.includes(check.step)) {
            problems.push({
              file,
              message: `check ${check.id} links to step "#${check.step}", which this lab does not have`,
            });
          }
        }
      }
    }
    const [en, ko] = [stepsByLocale.en, stepsByLocale.ko];
    if (en && ko && en.join() !== ko.join()) {
      problems.push({
        file: mdxPath(lab.id, 'ko'),
        message: `steps differ from en.mdx: en [${en.join(', ')}] vs ko [${ko.join(', ')}]`,
      });
    }
  }
  return problems;
}
