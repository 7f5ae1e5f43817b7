/**
 * `npm run content`: validate every lab, then compile each MDX file once with mdx-bundler into .content/.
 * The site never compiles MDX per request.
 */
import { relative } from 'node:path';
import { locales } from '@/lib/i18n/locales';
import { compileAndStore } from '@/lib/labs/content';
import { labs } from '@/lib/labs/registry';
import { validateLabs } from '@/lib/labs/validate';

const started = Date.now();
const problems = await validateLabs();
if (problems.length) {
  for (const p of problems) console.error(`${relative(process.cwd(), p.file)}: ${p.message}`);
  console.error(`\n${problems.length} content problem(s): fix them before building.`);
  process.exit(1);
}
const jobs = labs.flatMap((lab) => locales.map((locale) => ({ lab, locale })));
let done = 0;
for (const { lab, locale } of jobs) {
  await compileAndStore(lab.id, locale);
  done += 1;
  // A progress line on a terminal; one line per file in CI logs.
  if (process.stdout.isTTY) process.stdout.write(`\rcompiling labs ${done}/${jobs.length}`);
  else console.log(`compiled labs/${lab.id}/${locale}.mdx (${done}/${jobs.length})`);
}
console.log(
  `${process.stdout.isTTY ? '\n' : ''}compiled ${jobs.length} lab pages in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
