import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PoolClient } from 'pg';
import { dataDir } from '@/lib/data-dir';
import { latestBackup } from './backup-files';
import { dropMemorySeed, memorySeed } from './memory-seed';
import * as schema from './schema';
import { acquireStoreLock, displayPath } from './store-lock';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A connection to either engine: the Drizzle database plus LISTEN/NOTIFY for live updates across servers. */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  notify(channel: string, payload: string): Promise<void>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** The embedded store only: its data directory and a gzipped tarball of it (a backup, `dumpDataDir`). */
  embedded?: { dir: string; dump(): Promise<Buffer> };
  close(): Promise<void>;
}

/** The store is there but does not open (a damaged data directory): what happened and how to restore it. */
export class StoreOpenError extends Error {
  constructor(
    readonly dir: string,
    readonly detail: string,
    readonly backup: string | undefined,
  ) {
    const where = displayPath(dir);
    super(
      `The embedded store at ${where} could not be opened (${detail}). ` +
        (backup
          ? `Restore the latest backup with: npx scalelab store restore ${displayPath(backup)}`
          : `No backup was found next to it; move ${where} aside to start with an empty store.`) +
        ' (The damaged store is kept aside, never deleted.)',
    );
    this.name = 'StoreOpenError';
  }
}

export interface OpenOptions {
  /** A PostgreSQL connection string; without it, PGlite in `dir`. */
  url?: string;
  /** PGlite data directory; `memory://` for an in-memory database (tests). */
  dir?: string;
  /** Who opens it, written into the PGlite lock: `site`, or the CLI command (default: guessed from the process). */
  role?: string;
}

const migrationsFolder = join(process.cwd(), 'lib/progress/migrations');

/** Open and migrate. PostgreSQL when a URL is given, PGlite (embedded, files under the data dir) otherwise. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dir ?? pgliteDir(), options.role);
}

/** Where the embedded store lives: `<SCALELAB_DATA_DIR>/pglite`. */
export function pgliteDir(): string {
  return join(dataDir(), 'pglite');
}

async function openPglite(dir: string, role?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dir.startsWith('memory://');
  if (!inMemory) await mkdir(dir, { recursive: true });
  // Before anything touches the files: one process at a time (lib/progress/store-lock.ts).
  const lock = inMemory ? undefined : acquireStoreLock(dir, role);
  const stderr: string[] = [];
  let client: InstanceType<typeof PGlite>;
  const onStderr = (text: string) => {
    stderr.push(text);
    if (stderr.length > 20) stderr.shift();
    return false;
  };
  // In memory (tests): from a migrated seed (lib/progress/memory-seed.ts) rather than initdb and every migration.
  const seed = (fresh: boolean) =>
    memorySeed(
      migrationsFolder,
      async () => {
        const blank = await PGlite.create('memory://');
        try {
          await migrate(drizzle(blank, { schema }), { migrationsFolder });
          return await blank.dumpDataDir('none');
        } finally {
          await blank.close();
        }
      },
      { fresh },
    );
  const seeded = async () => {
    try {
      return await PGlite.create('memory://', { loadDataDir: await seed(false), onStderr });
    } catch {
      dropMemorySeed(migrationsFolder);
      return PGlite.create('memory://', { loadDataDir: await seed(true), onStderr });
    }
  };
  try {
    client = inMemory ? await seeded() : await PGlite.create(dir, { onStderr });
  } catch (err) {
    lock?.release();
    // A damaged directory makes the WebAssembly build abort ("Aborted()"); PostgreSQL's own reason is on stderr.
    const panic = stderr.find((l) => /PANIC|FATAL/.test(l))?.trim();
    throw new StoreOpenError(dir, panic ?? (err as Error).message, inMemory ? undefined : latestBackup(dir));
  }
  const db = drizzle(client, { schema });
  try {
    await migrate(db, { migrationsFolder });
  } catch (err) {
    await client.close().catch(() => undefined);
    lock?.release();
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    async notify(channel, payload) {
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    listen: (channel, onPayload) => client.listen(quoteIdent(channel), onPayload),
    ...(inMemory ? {} : { embedded: { dir, dump: () => dumpGzipped(client) } }),
    // Idempotent: the shutdown handler and a caller may both close it. The lock goes only once PGlite has flushed.
    close: () => {
      closing ??= (client.closed ? Promise.resolve() : client.close()).finally(() => lock?.release());
      return closing;
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.SCALELAB_DB_POOL ?? 10) });
  const db = drizzle(pool, { schema });
  try {
    await migrate(db, { migrationsFolder });
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  // LISTEN needs one dedicated connection; it is opened on the first subscription.
  let listener: Promise<PoolClient> | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const listenerClient = () => {
    listener ??= pool.connect().then((client) => {
      client.on('notification', (msg) => {
        for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
      });
      return client;
    });
    return listener;
  };
  return {
    kind: 'postgres',
    db: db as unknown as Db,
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel, onPayload) {
      const client = await listenerClient();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await client.query(`LISTEN ${quoteIdent(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
        if (set.size === 0 && handlers.get(channel) === set) {
          handlers.delete(channel);
          await client.query(`UNLISTEN ${quoteIdent(channel)}`);
        }
      };
    },
    async close() {
      if (listener) (await listener).release();
      await pool.end();
    },
  };
}

/**
 * The data directory as a gzipped tarball. PGlite's own gzip runs on the event loop (about a second of a stalled
 * site per dump); its plain tar comes out in a few hundred milliseconds and zlib compresses it on libuv's threads.
 */
async function dumpGzipped(client: { dumpDataDir(c: 'none'): Promise<Blob> }): Promise<Buffer> {
  const tar = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  return promisify(gzip)(tar);
}

/** Channels are identifiers: quote them so `check-runs:abc` is one name. */
function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
