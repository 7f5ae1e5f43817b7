import type { AwsClients } from '@/lib/aws/clients';

/** An account ran out of time. Its name is the one `explainAwsError` reads as a timeout. */
export class GradingTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${Math.round(ms / 100) / 10} s`);
    this.name = 'TimeoutError';
  }
}

/** Full-jitter exponential backoff (the AWS Architecture Blog's): a random wait in [0, min(cap, base · 2^attempt)). */
export function fullJitter(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/** Wait, unless the signal aborts first (then reject with its reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return abortable(new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.()), signal);
}

/** The promise, or the signal's reason as soon as it aborts. */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

interface MiddlewareStackLike {
  add(middleware: unknown, options: { step: string; name: string; priority: 'high' | 'low' }): void;
}
type Next = (args: unknown) => Promise<unknown>;

const signals = new WeakMap<object, AbortSignal>();

/**
 * The same clients, except that once `signal` aborts no call starts and every call in flight rejects: a timed-out
 * account stops spending its API quota. (The Inventory calls `send` without options, so the signal is attached as
 * a middleware of each client as it is first used.)
 */
export function abortableClients(clients: AwsClients, signal: AbortSignal): AwsClients {
  return new Proxy(clients, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (value && typeof value === 'object' && 'middlewareStack' in value) {
        if (!signals.has(value)) {
          const client = value;
          const middleware = (next: Next) => async (args: unknown) => {
            const current = signals.get(client);
            current?.throwIfAborted();
            return abortable(next(args), current);
          };
          (value.middlewareStack as MiddlewareStackLike).add(middleware, {
            step: 'initialize',
            name: 'scalelabAbort',
            priority: 'high',
          });
        }
        signals.set(value, signal);
      }
      return value;
    },
  });
}
