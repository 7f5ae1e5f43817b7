import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { relative } from 'node:path';

/**
 * One owner per embedded store. PGlite is PostgreSQL compiled to WebAssembly with no shared memory between
 * processes: two processes writing one data directory corrupt it ("PANIC: could not locate a valid checkpoint
 * record"). So the directory's opener writes `<dir>.lock` (created with O_EXCL, which is atomic on a local file system)
 * naming itself, and every other opener is refused with a sentence saying who holds it and what to do. A lock whose
 * process is gone (kill -9, a power cut) is stale and taken over.
 */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** When the owner opened the store (ISO 8601). */
  startedAt: string;
  /** What holds it: `site` (the Next.js server), or the CLI command line. */
  role: string;
  /** The kernel's start time of the owner process (Linux /proc/<pid>/stat field 22): tells a reused pid apart. */
  procStart?: string;
}

export class StoreLockedError extends Error {
  constructor(
    readonly owner: LockOwner,
    readonly dir: string,
  ) {
    super(lockedMessage(owner, dir));
    this.name = 'StoreLockedError';
  }
}

export interface StoreLock {
  path: string;
  owner: LockOwner;
  release(): void;
}

/** `./.data/pglite` rather than an absolute path, when the store is under the working directory. */
export function displayPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') ? `./${rel}` : dir;
}

function lockedMessage(owner: LockOwner, dir: string): string {
  const where = displayPath(dir);
  const who =
    owner.role === 'site'
      ? `The ScaleLab site (pid ${owner.pid}${owner.hostname !== hostname() ? ` on ${owner.hostname}` : ''})`
      : `Another ScaleLab process (pid ${owner.pid}${owner.hostname !== hostname() ? ` on ${owner.hostname}` : ''}: ${owner.role})`;
  const first = owner.role === 'site' ? 'Stop it first' : 'Wait for it to finish';
  return (
    `${who} has the store at ${where} open since ${owner.startedAt}. ${first}, or set DATABASE_URL to use ` +
    'PostgreSQL, which many processes can share. (The embedded store can be opened by one process at a time: ' +
    'two would corrupt it.)'
  );
}

function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) is in parentheses and may contain spaces: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// The locks this process holds (Next may load this module more than once, so they live on globalThis).
const heldKey = Symbol.for('scalelab.store-locks');
function heldHere(): Set<string> {
  const g = globalThis as { [heldKey]?: Set<string> };
  g[heldKey] ??= new Set();
  return g[heldKey];
}

/** Is the recorded owner gone? Only decidable on the same host; a lock from another host is never taken over. */
export function isStale(owner: LockOwner, path?: string): boolean {
  if (owner.hostname !== hostname()) return false;
  // Our own pid: this process holds it (a second open here would corrupt it too), or an earlier process had our pid
  // (a container restarted: the server is pid 1 again).
  if (owner.pid === process.pid) return !(path && heldHere().has(path));
  if (!alive(owner.pid)) return true;
  const now = procStart(owner.pid);
  return Boolean(owner.procStart && now && now !== owner.procStart);
}

export function readLock(path: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return undefined;
    return parsed as LockOwner;
  } catch {
    return undefined;
  }
}

/** The role written into the lock: the site when Next.js runs us, else the command line. */
export function defaultRole(): string {
  if (process.env.NEXT_RUNTIME) return 'site';
  const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  return `scalelab ${args.slice(0, 2).join(' ')}`.trim();
}

/** Take the lock of the store at `dir`, or throw StoreLockedError naming the live owner. */
export function acquireStoreLock(dir: string, role = defaultRole()): StoreLock {
  const path = `${dir}.lock`;
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    role,
    ...(procStart(process.pid) ? { procStart: procStart(process.pid) } : {}),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, `${JSON.stringify(owner, null, 2)}\n`);
      closeSync(fd);
      heldHere().add(path);
      return lockHandle(path, owner);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const held = readLock(path);
    if (held && !isStale(held, path)) throw new StoreLockedError(held, dir);
    // Unreadable: maybe being written this instant. Give it a moment before calling it stale.
    if (!held && Date.now() - statMtime(path) < 2000) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      continue;
    }
    try {
      unlinkSync(path);
    } catch {
      // Someone else removed it first: try again.
    }
  }
  const held = readLock(path);
  if (held) throw new StoreLockedError(held, dir);
  throw new Error(`Could not take the store lock ${path}.`);
}

function statMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function lockHandle(path: string, owner: LockOwner): StoreLock {
  let released = false;
  // A process that exits without closing the store (process.exit, an uncaught error) still frees it.
  const onExit = () => release();
  process.once('exit', onExit);
  function release() {
    if (released) return;
    released = true;
    heldHere().delete(path);
    process.off('exit', onExit);
    const held = readLock(path);
    if (held && held.pid === owner.pid && held.startedAt === owner.startedAt) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone.
      }
    }
  }
  return { path, owner, release };
}
