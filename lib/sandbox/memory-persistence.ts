import type { SandboxPersistence } from './account-copy';

/**
 * A store in memory for sandbox accounts (tests, benches), with the store's compare-and-set: a write made on an older
 * version than the stored one is refused. Several sandboxes over one of these behave as several servers over one
 * database. `writes` counts the accepted writes.
 */
export function memoryPersistence(): SandboxPersistence & { writes: number; stored(id: string): unknown } {
  const rows = new Map<string, { json: string; version: number }>();
  return {
    writes: 0,
    stored: (id) => {
      const row = rows.get(id);
      return row ? JSON.parse(row.json) : undefined;
    },
    async load(id) {
      const row = rows.get(id);
      return row ? { state: JSON.parse(row.json) as unknown, version: row.version } : undefined;
    },
    async version(id) {
      return rows.get(id)?.version ?? 0;
    },
    async save(id, state, expected) {
      if ((rows.get(id)?.version ?? 0) !== expected) return undefined;
      rows.set(id, { json: JSON.stringify(state), version: expected + 1 });
      this.writes++;
      return expected + 1;
    },
  };
}
