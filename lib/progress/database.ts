import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PoolClient } from 'pg';
import { dataDir } from '@/lib/data-dir';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A connection to either engine: the Drizzle database plus LISTEN/NOTIFY for live updates across servers. */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  notify(channel: string, payload: string): Promise<void>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL connection string; without it, PGlite in `dir`. */
  url?: string;
  /** PGlite data directory; `memory://` for an in-memory database (tests). */
  dir?: string;
}

const migrationsFolder = join(process.cwd(), 'lib/progress/migrations');

/** Open and migrate. PostgreSQL when a URL is given, PGlite (embedded, files under the data dir) otherwise. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dir ?? join(dataDir(), 'pglite'));
}

async function openPglite(dir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (!dir.startsWith('memory://')) await mkdir(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    async notify(channel, payload) {
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    listen: (channel, onPayload) => client.listen(quoteIdent(channel), onPayload),
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.SCALELAB_DB_POOL ?? 10) });
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder });
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

/** Channels are identifiers: quote them so `check-runs:abc` is one name. */
function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
