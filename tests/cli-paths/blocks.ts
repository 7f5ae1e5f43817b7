import { readFileSync } from 'node:fs';
import type { Locale } from '@/lib/i18n/locales';
import { mdxPath } from '@/lib/labs/content';
import type { StageId } from '@/lib/labs/types';

/**
 * A lab's CLI path is the `bash cli-path` code fences of its MDX, in page order: the commands that build the stage by
 * hand on real AWS. The meta word after the language is dropped by the MDX pipeline (shiki reads only the language),
 * so the page renders exactly as for a plain ```bash fence. Commands that only look (describe, curl) or that clean up
 * stay in plain ```bash fences.
 */
export const CLI_PATH_FENCE = /^```bash[ \t]+cli-path[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;

export function cliPathBlocks(source: string): string[] {
  return [...source.matchAll(CLI_PATH_FENCE)].map((m) => m[1] as string);
}

export function stageCliPath(stage: StageId, locale: Locale = 'en'): string[] {
  return cliPathBlocks(readFileSync(mdxPath(stage, locale), 'utf8'));
}

/** The commands of a block without its comments: the Korean page translates the comments and nothing else. */
export function commandsOf(block: string): string {
  return block
    .split('\n')
    .map((line) => (/^\s*#/.test(line) ? '' : line.replace(/\s+#\s.*$/, '')).trimEnd())
    .filter((line) => line !== '')
    .join('\n');
}
