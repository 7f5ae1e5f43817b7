#!/usr/bin/env node
// The `scalelab` command. It runs the precompiled CLI (cli/build.js: esbuild, ~0.2 s) and rebuilds it first when a
// source is newer than the build; where the build cannot be written (a read-only install) tsx compiles on the fly.
import { readFileSync } from 'node:fs';

// The AWS SDK prints a 9-line notice about Node 22 at the first client on Node 20; the SDK's own switch turns off that
// one notice (every other warning still prints). Set SCALELAB_SDK_NODE_NOTICE=1 to see it.
if (process.env.SCALELAB_SDK_NODE_NOTICE !== '1')
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { buildCli, currentFile, freshBuild } = await import('./build.js');
let current;
try {
  current = JSON.parse(readFileSync(currentFile, 'utf8'));
} catch {
  current = undefined;
}
let entry = freshBuild(current);
if (!entry) {
  try {
    const { mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    mkdirSync(dirname(currentFile), { recursive: true });
    entry = await buildCli();
  } catch {
    entry = undefined;
  }
}
if (entry) {
  await import(entry);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
