import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '@/lib/i18n/locales';
import { type CompiledLab, compileLabMdx } from './compile';
import type { StageId } from './types';

/** Compiled MDX lives here, written by `npm run content` (part of `npm run build`). */
export const contentDir = join(process.cwd(), '.content');
export const labsDir = join(process.cwd(), 'labs');

export function mdxPath(stage: StageId, locale: Locale): string {
  return join(labsDir, stage, `${locale}.mdx`);
}

function compiledPath(stage: StageId, locale: Locale): string {
  return join(contentDir, `${stage}.${locale}.json`);
}

export async function compileAndStore(stage: StageId, locale: Locale): Promise<CompiledLab> {
  const file = mdxPath(stage, locale);
  const compiled = await compileLabMdx(await readFile(file, 'utf8'), file);
  await mkdir(contentDir, { recursive: true });
  await writeFile(compiledPath(stage, locale), JSON.stringify(compiled));
  return compiled;
}

const cache = new Map<string, Promise<CompiledLab>>();

/**
 * The compiled lab, never compiled per request: read from `.content/` when the build wrote it and it is newer than
 * the source; otherwise compiled once in this process and cached (the dev-server path).
 */
export function loadCompiledLab(stage: StageId, locale: Locale): Promise<CompiledLab> {
  const key = `${stage}.${locale}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = (async () => {
      const out = compiledPath(stage, locale);
      if (existsSync(out) && (await stat(out)).mtimeMs >= (await stat(mdxPath(stage, locale))).mtimeMs) {
        return JSON.parse(await readFile(out, 'utf8')) as CompiledLab;
      }
      return compileAndStore(stage, locale);
    })();
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}
