import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An in-memory store (the tests') starts from a copy of a freshly created and migrated one instead of running
 * PostgreSQL's initdb and every migration again: PGlite's `dumpDataDir` of that database, kept under the OS temp
 * directory and keyed by the migrations and the PGlite version, so each process after the first loads it (about a
 * third of a fresh `PGlite.create`). A seed that fails to load is rebuilt; the migrations still run after loading
 * (a no-op on a current seed), so the schema is the migrations' whatever the seed holds.
 */
export async function memorySeed(
  migrationsFolder: string,
  build: () => Promise<Blob>,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<Blob> {
  const file = seedFile(migrationsFolder);
  if (!fresh && existsSync(file)) {
    try {
      return new Blob([readFileSync(file)]);
    } catch {
      // Unreadable: build it again below.
    }
  }
  const blob = await build();
  try {
    mkdirSync(join(tmpdir(), 'scalelab-pglite-seeds'), { recursive: true });
    // Written aside and renamed: a parallel test process reads the old seed or the new one, never half of one.
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, Buffer.from(await blob.arrayBuffer()));
    renameSync(part, file);
  } catch {
    // A read-only temp directory only costs the next process the fresh start.
  }
  return blob;
}

/** Forget a seed that did not load (another PGlite version wrote it, or the file is damaged). */
export function dropMemorySeed(migrationsFolder: string): void {
  rmSync(seedFile(migrationsFolder), { force: true });
}

function seedFile(migrationsFolder: string): string {
  const hash = createHash('sha256');
  hash.update(pgliteVersion());
  for (const name of listFiles(migrationsFolder)) hash.update(name).update(readFileSync(join(migrationsFolder, name)));
  return join(tmpdir(), 'scalelab-pglite-seeds', `${hash.digest('hex').slice(0, 16)}.tar`);
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

function pgliteVersion(): string {
  try {
    const pkg = join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json');
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
