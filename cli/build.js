// Precompiles the `scalelab` command with esbuild into cli/.dist/<build id>/ (one ES module per command, shared
// chunks, npm packages left external) and records the sources it was built from in cli/.dist/current.json, so that
// bin.js can start it without compiling TypeScript and can tell when a source has changed since.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = dirname(fileURLToPath(import.meta.url));
const root = join(cliDir, '..');
export const distDir = join(cliDir, '.dist');
export const currentFile = join(distDir, 'current.json');

/** Build now; returns the entry file. Older builds than the previous one are removed. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const id = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const outdir = join(distDir, id);
  const commands = readdirSync(join(cliDir, 'commands'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(cliDir, 'commands', f));
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(cliDir, 'main.ts'), ...commands],
    outdir,
    outbase: cliDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent', // a failed build throws; bin.js then runs the sources through tsx, which reports the error
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(root, join(root, p)));
  const tmp = `${currentFile}.${id}`;
  writeFileSync(tmp, JSON.stringify({ id, builtAt, inputs: [...inputs, 'tsconfig.json', 'package.json'] }));
  renameSync(tmp, currentFile); // atomic: a concurrent reader sees the old build or this one, never half of one
  const keep = new Set([id, previousId]);
  for (const d of readdirSync(distDir, { withFileTypes: true })) {
    if (d.isDirectory() && !keep.has(d.name)) rmSync(join(distDir, d.name), { recursive: true, force: true });
  }
  previousId = id;
  return join(outdir, 'main.js');
}
let previousId = '';

/** The current build's entry when it is newer than every source it was built from; undefined otherwise. */
export function freshBuild(current) {
  if (!current) return undefined;
  for (const input of current.inputs) {
    try {
      if (statSync(join(root, input)).mtimeMs > current.builtAt) return undefined;
    } catch {
      return undefined; // a source is gone: rebuild
    }
  }
  const entry = join(distDir, current.id, 'main.js');
  try {
    statSync(entry);
  } catch {
    return undefined;
  }
  return entry;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(distDir, { recursive: true });
  const entry = await buildCli();
  console.log(`scalelab CLI built: ${relative(root, entry)}`);
}
