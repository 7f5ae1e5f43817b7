import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Test files that share their workers' loaded modules (`isolate: false`): pure functions over fixtures, the sandbox and
 * in-memory stores, none of which mocks a module, changes process.env or starts a server for the process. Loading the
 * SDK clients, the sandbox and the lab compiler once per worker instead of once per file took the first 104 of these
 * files from 249 s to 80-99 s on 2 cores. Files that do (the CLIs, moto, the security suite, the instructor files that
 * set up accounts, job hand-over across processes, the store on disk) keep a fresh module graph each.
 */
const sharedModules = [
  'tests/{checks,inventory,cfn,i18n,labs,content,sandbox,architecture,iam,journey,stacks}/**/*.test.ts',
  'tests/accounts.test.ts',
  'tests/grading/{grade,reports,roster,sandbox-accounts}.test.ts',
  'tests/jobs/{orphans,queue}.test.ts',
  'tests/progress/{memory-seed,sandbox-shared,store,unlock}.test.ts',
  'tests/instructors/{events-input,password,roster-view,roster,stage-timeline,who-is-stuck,workshop}.test.ts',
];

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // Tests run server code outside React's server environment: the marker resolves as it does on the server.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on the 2-core machines the suite runs on, that is one file at
    // a time, while many files mostly wait (on moto, the AWS CLI's processes, PGlite's start, HTTP servers). Two
    // workers keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'shared-modules', include: sharedModules, isolate: false } },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['tests/**/*.test.ts'],
          exclude: [...sharedModules, 'tests/e2e/**', 'node_modules/**'],
        },
      },
    ],
  },
});
