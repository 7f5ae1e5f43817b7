import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCheck } from '@/checkers';
import { scanReferences } from '@/lib/labs/compile';
import { labs } from '@/lib/labs/registry';

describe('check hints link to a step by its title', () => {
  it('reads each step’s title from its tag, whatever the attribute order', () => {
    const refs = scanReferences(
      '<Step title="Open the app" id="open-app">x</Step>\n<Step id="scale-up" title="Scale up">',
    );
    expect(refs.stepTitles).toEqual({ 'open-app': 'Open the app', 'scale-up': 'Scale up' });
  });

  it.each(labs.flatMap((lab) => (['en', 'ko'] as const).map((locale) => [lab.id, locale] as const)))(
    '%s (%s): every step a check links to has a title',
    (id, locale) => {
      const file = join(process.cwd(), 'labs', id, `${locale}.mdx`);
      if (!existsSync(file)) return;
      const refs = scanReferences(readFileSync(file, 'utf8'));
      const lab = labs.find((l) => l.id === id)!;
      for (const checkId of lab.checks) {
        const step = getCheck(checkId)?.step;
        if (step && refs.stepIds.includes(step)) expect(refs.stepTitles[step], `${checkId} → #${step}`).toBeTruthy();
      }
    },
  );
});
