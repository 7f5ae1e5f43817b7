#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
// `npm start` builds only when it must: when there is no production build, or when a source the build reads has
// changed since (a SHA-256 over the sources' paths and contents, kept beside the build in .next/scalelab-sources).
// A restart on a workshop day then takes seconds. `npm run build` always builds (and writes the fingerprint, with
// --stamp); SCALELAB_REBUILD=1 forces a build here.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const stampFile = join(root, '.next', 'scalelab-sources');
// What the production build is made of: the app, its content and its configuration. Tests, the bench, the CLI's own
// build and the data directory are not read by `next build`; nor are dot folders (.git, .next, .data, cli/.dist, ...)
// and the typechecker's incremental state.
const SKIP = new Set(['node_modules', 'tests', 'bench', 'docs', 'test-results']);

function walk(dir, out) {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(d.name) || d.name.startsWith('.') || d.name.endsWith('.tsbuildinfo')) continue;
    const p = join(dir, d.name);
    if (d.isDirectory()) walk(p, out);
    else if (d.isFile()) out.push(p);
  }
  return out;
}

/** The fingerprint of every source the build reads, plus the settings that change what it makes. */
export function sourcesHash(dir = root) {
  const hash = createHash('sha256');
  for (const file of walk(dir, []).sort()) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  hash.update(`node ${process.versions.node}`);
  return hash.digest('hex');
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--stamp') {
  writeFileSync(stampFile, `${sourcesHash()}\n`); // `npm run build` just finished: this is what it was built from
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const now = sourcesHash();
  const built = existsSync(join(root, '.next', 'BUILD_ID')) && existsSync(stampFile);
  const previous = built ? readFileSync(stampFile, 'utf8').trim() : '';
  if (previous === now && process.env.SCALELAB_REBUILD !== '1') {
    console.log(
      `ScaleLab build is up to date (sources checked in ${Date.now() - started} ms): starting without rebuilding.`,
    );
  } else {
    console.log(built ? 'Sources changed since the last build: building.' : 'No production build yet: building.');
    const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
