import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // Tests run server code outside React's server environment: the marker resolves as it does on the server.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on the 2-core machines the suite runs on, that is one file at
    // a time, while many files mostly wait (on moto, the AWS CLI's processes, PGlite's start, HTTP servers). Two
    // workers keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
