#!/usr/bin/env node
// `npm test`: the single gate. Typecheck, lint/format, unit + integration (Vitest), content build, e2e (Playwright on
// Debian's Chromium). Does its own set-up on a fresh Debian machine: installs chromium with apt when missing and root.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.SCALELAB_CHROMIUM ?? '/usr/bin/chromium';
const started = Date.now();

function step(title, cmd, args, env = {}) {
  const t = Date.now();
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${title} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing at ${CHROMIUM}. Install it (sudo apt-get install -y chromium) or set SCALELAB_CHROMIUM, then run npm test again.`,
    );
    process.exit(1);
  }
  step('install chromium (apt)', 'sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
  ]);
}

const only = process.argv[2];
if (!only || only === 'static') {
  step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  step('lint + format', 'npx', ['biome', 'check', '.']);
}
if (!only || only === 'unit') {
  step('unit + integration', 'npx', ['vitest', 'run']);
}
if (!only || only === 'e2e') {
  ensureChromium();
  step('build (content + next)', 'npm', ['run', 'build']);
  step('e2e (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], { SCALELAB_CHROMIUM: CHROMIUM });
}
console.log(`\nAll tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
