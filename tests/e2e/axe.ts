import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

/** One axe rule broken on the page, with the elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; summary: string }[];
}

/**
 * Run axe-core (WCAG 2.x A and AA rules plus axe's best practices) in the page as it is now, and return the
 * violations of at least `minImpact` ("serious" by default: serious and critical).
 */
export async function axeViolations(page: Page, minImpact: 'serious' | 'critical' = 'serious') {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const all = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script.
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    // biome-ignore lint/suspicious/noExplicitAny: axe's result shape, narrowed below.
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      // biome-ignore lint/suspicious/noExplicitAny: axe's node shape.
      nodes: v.nodes.map((n: any) => ({
        target: n.target.map(String),
        html: String(n.html).slice(0, 200),
        summary: String(n.failureSummary ?? '').replace(/\s+/g, ' '),
      })),
    })) as AxeViolation[];
  });
  const keep = minImpact === 'critical' ? ['critical'] : ['serious', 'critical'];
  return all.filter((v) => v.impact !== null && keep.includes(v.impact));
}

/** The violations as a readable list for a failure message: rule, impact, help, then each node. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no serious or critical axe violations`;
  const lines = violations.flatMap((v) => [
    `${where}: [${v.impact}] ${v.id}: ${v.help}`,
    ...v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html}\n      ${n.summary}`),
  ]);
  return lines.join('\n');
}
