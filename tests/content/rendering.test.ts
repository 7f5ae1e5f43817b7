import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/locales';
import { compileLabMdx } from '@/lib/labs/compile';
import { mdxPath } from '@/lib/labs/content';
import { labs } from '@/lib/labs/registry';

/**
 * Markdown that did not render: a `**` left in the compiled page means bold that broke, as it does in Korean when a
 * particle follows a closing `**` after punctuation (`**(AWS)**는`).
 */
describe.each(labs.flatMap((lab) => locales.map((locale) => [lab.id, locale] as const)))(
  'labs/%s/%s.mdx',
  (id, locale) => {
    it('renders all its bold and italics', async () => {
      const file = mdxPath(id, locale);
      const { code } = await compileLabMdx(await readFile(file, 'utf8'), file);
      const prose = code.replace(/"language-[^"]*"[\s\S]*?<\/code>/g, '');
      expect(prose.match(/[^`*]\*\*[^*]/g) ?? []).toEqual([]);
    }, 60_000);
  },
);
