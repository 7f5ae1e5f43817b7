/**
 * Template validation time: cold (includes loading the CloudFormation spec, ~600 ms) and warm, over every template in
 * templates/ (and the valid fixture corpus, so there is always something to measure).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec, parseTemplate, specLoadMillis, validateWithSpec } from '../lib/cfn';

function templates(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return templates(full);
    return /\.(ya?ml|json)$/.test(name) ? [full] : [];
  });
}

export async function benchCfn(): Promise<Record<string, number | string>> {
  const lab = templates('templates');
  const files = [...lab, ...templates('tests/fixtures/cfn/valid')];
  const texts = files.map((f) => [f, readFileSync(f, 'utf8')] as const);
  const validateAll = (spec: Awaited<ReturnType<typeof loadSpec>>) => {
    for (const [file, text] of texts) validateWithSpec(parseTemplate(text, file), spec, ['cfn', 'scalelab']);
  };

  const coldStart = performance.now();
  const spec = await loadSpec();
  validateAll(spec);
  const cold = performance.now() - coldStart;

  const rounds = 20;
  const warmStart = performance.now();
  for (let i = 0; i < rounds; i++) validateAll(spec);
  const warm = (performance.now() - warmStart) / rounds;

  return {
    'templates in templates/': lab.length,
    'templates validated (templates/ + fixtures)': files.length,
    'spec load, ms': specLoadMillis() ?? 0,
    'validate all, cold (spec load included), ms': cold,
    'validate all, warm, ms': warm,
    'validate one template, warm, ms': files.length ? warm / files.length : 0,
  };
}
