import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./lib/progress/schema.ts', './lib/progress/instructor-schema.ts'],
  out: './lib/progress/migrations',
});
