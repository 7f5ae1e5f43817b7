/**
 * Rate limits for the endpoints that cost work or guard a secret. They live in this process's memory, on purpose:
 * - what they protect first is this process (a scrypt hash holds 128 MiB; a lint holds the CPU), which is per process;
 * - a refused attempt must cost nothing, so no database write per attempt (the store would be the amplifier).
 * With several servers behind a load balancer each keeps its own counts, so a guesser gets the budget once per
 * server: still bounded, and the join codes and passwords are sized for it (see lib/security/limits.ts).
 * Every map is bounded (oldest keys go first), so rotating keys cannot grow memory.
 */

export interface LimitVerdict {
  ok: boolean;
  /** When `ok` is false: how long until the next attempt is allowed. */
  retryAfterMs: number;
}

const OK: LimitVerdict = { ok: true, retryAfterMs: 0 };

interface Clock {
  now?: () => number;
  /** At most this many keys are remembered; the least recently seen is forgotten first. */
  maxKeys?: number;
}

/** A Map that forgets its least recently touched entries beyond `max`. */
class BoundedMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

/** At most `limit` attempts per key in any `windowMs` (a fixed window per key, started by its first attempt). */
export class WindowLimiter {
  private readonly windows: BoundedMap<{ start: number; count: number }>;
  private readonly now: () => number;

  constructor(private readonly options: { limit: number; windowMs: number } & Clock) {
    this.windows = new BoundedMap(options.maxKeys ?? 10_000);
    this.now = options.now ?? Date.now;
  }

  /** Count one attempt for each key; refused (and not counted) when any key is over its budget. */
  take(...keys: string[]): LimitVerdict {
    const now = this.now();
    const current = keys.map((key) => {
      const w = this.windows.get(key);
      return w && now - w.start < this.options.windowMs ? w : { start: now, count: 0 };
    });
    const full = current.filter((w) => w.count >= this.options.limit);
    if (full.length) {
      return { ok: false, retryAfterMs: Math.max(...full.map((w) => w.start + this.options.windowMs - now)) };
    }
    keys.forEach((key, i) => {
      const w = current[i] as { start: number; count: number };
      this.windows.set(key, { start: w.start, count: w.count + 1 });
    });
    return OK;
  }
}

/**
 * Growing delays after failed attempts (a password, a join code): the first `free` failures cost nothing, then the
 * n-th further failure makes the key wait `baseMs · 2^(n-1)`, at most `maxMs`. A success clears the key; a key left
 * alone for `forgetMs` starts again.
 */
export class FailureBackoff {
  private readonly failures: BoundedMap<{ count: number; last: number }>;
  private readonly now: () => number;

  constructor(private readonly options: { free: number; baseMs: number; maxMs: number; forgetMs: number } & Clock) {
    this.failures = new BoundedMap(options.maxKeys ?? 10_000);
    this.now = options.now ?? Date.now;
  }

  private delayAfter(count: number): number {
    const over = count - this.options.free;
    return over <= 0 ? 0 : Math.min(this.options.maxMs, this.options.baseMs * 2 ** (over - 1));
  }

  /** May an attempt be made now for every one of these keys? */
  check(...keys: string[]): LimitVerdict {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const f = this.failures.get(key);
      if (!f || now - f.last >= this.options.forgetMs) continue;
      wait = Math.max(wait, f.last + this.delayAfter(f.count) - now);
    }
    return wait > 0 ? { ok: false, retryAfterMs: wait } : OK;
  }

  fail(...keys: string[]): void {
    const now = this.now();
    for (const key of keys) {
      const f = this.failures.get(key);
      const count = f && now - f.last < this.options.forgetMs ? f.count + 1 : 1;
      this.failures.set(key, { count, last: now });
    }
  }

  succeed(...keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}

/** An attempt refused by a limit, with how long to wait. */
export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

export class BusyError extends Error {
  constructor() {
    super('Too many requests are waiting; try again in a moment.');
    this.name = 'BusyError';
  }
}

/** At most `max` tasks at once and `maxWaiting` in line; beyond that a task is refused at once (BusyError). */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly max: number,
    readonly maxWaiting: number,
  ) {}

  get running(): number {
    return this.active;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      if (this.waiting.length >= this.maxWaiting) throw new BusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `active` never exceeds `max`.
      if (next) next();
      else this.active -= 1;
    }
  }
}

/** "2 minutes", "40 seconds": the wait a refusal names. */
export function describeWait(ms: number, locale: 'en' | 'ko' = 'en'): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (locale === 'ko') return s < 120 ? `${s}초` : `${Math.ceil(s / 60)}분`;
  if (s < 120) return `${s} second${s === 1 ? '' : 's'}`;
  return `${Math.ceil(s / 60)} minutes`;
}
