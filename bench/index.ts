/**
 * `npm run bench`: every bench/<area>.ts exports `async function bench<Area>()` returning named figures. This prints
 * them together (and writes .bench/latest.json) so each change can be compared with the last.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Figures = Record<string, number | string>;
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
  .filter((f) => !only || f.startsWith(only))
  .sort();

const all: Record<string, Figures> = {};
for (const file of files) {
  const mod = (await import(join(here, file))) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (!name.startsWith('bench') || typeof fn !== 'function') continue;
    process.stdout.write(`\n▶ ${file} · ${name}\n`);
    const figures = (await (fn as () => Promise<Figures>)()) ?? {};
    all[`${file}:${name}`] = figures;
    for (const [k, v] of Object.entries(figures)) {
      console.log(`  ${k.padEnd(52)} ${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(2)) : v}`);
    }
  }
}
mkdirSync(join(here, '..', '.bench'), { recursive: true });
writeFileSync(
  join(here, '..', '.bench', 'latest.json'),
  JSON.stringify({ at: new Date().toISOString(), figures: all }, null, 2),
);
console.log('\nwrote .bench/latest.json');
