import { describe, expect, it } from 'vitest';
import { BusyError, describeWait, FailureBackoff, Semaphore, WindowLimiter } from '@/lib/security/rate-limit';

const clock = () => {
  const c = { t: 1_000_000, now: () => c.t };
  return c;
};

describe('WindowLimiter', () => {
  it('allows the budget per window, then says how long to wait, then allows again', () => {
    const c = clock();
    const limiter = new WindowLimiter({ limit: 3, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 3; i++) expect(limiter.take('a').ok).toBe(true);
    c.t += 10_000;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 50_000 });
    expect(limiter.take('b').ok).toBe(true);
    c.t += 50_000;
    expect(limiter.take('a').ok).toBe(true);
  });

  it('does not count a refused attempt against the keys that still had room', () => {
    const limiter = new WindowLimiter({ limit: 1, windowMs: 60_000, now: clock().now });
    expect(limiter.take('learner', 'address').ok).toBe(true);
    expect(limiter.take('other-learner', 'address').ok).toBe(false);
    expect(limiter.take('other-learner', 'another-address').ok).toBe(true);
  });

  it('remembers a bounded number of keys, so rotating keys cannot grow memory', () => {
    const limiter = new WindowLimiter({ limit: 1, windowMs: 60_000, now: clock().now, maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    // 'a' was forgotten first; 'c' is remembered.
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('c').ok).toBe(false);
  });
});

describe('FailureBackoff', () => {
  it('lets the free failures through, then doubles the wait up to the cap', () => {
    const c = clock();
    const backoff = new FailureBackoff({ free: 2, baseMs: 1000, maxMs: 4000, forgetMs: 3_600_000, now: c.now });
    backoff.fail('k');
    backoff.fail('k');
    expect(backoff.check('k').ok).toBe(true);
    const waits = [];
    for (let i = 0; i < 4; i++) {
      backoff.fail('k');
      waits.push(backoff.check('k').retryAfterMs);
    }
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    c.t += 4000;
    expect(backoff.check('k').ok).toBe(true);
  });

  it('forgets a key left alone, and clears it on success', () => {
    const c = clock();
    const backoff = new FailureBackoff({ free: 0, baseMs: 1000, maxMs: 60_000, forgetMs: 10_000, now: c.now });
    backoff.fail('k');
    backoff.fail('k');
    expect(backoff.check('k').ok).toBe(false);
    c.t += 10_000;
    expect(backoff.check('k').ok).toBe(true);
    backoff.fail('k');
    backoff.succeed('k');
    expect(backoff.check('k').ok).toBe(true);
  });
});

describe('Semaphore', () => {
  it('runs at most `max` tasks at once, queues `maxWaiting`, refuses the rest at once', async () => {
    const gate = new Semaphore(2, 3);
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const task = () =>
      gate.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running -= 1;
      });
    const accepted = Array.from({ length: 5 }, task);
    await expect(task()).rejects.toBeInstanceOf(BusyError);
    for (let done = 0; done < 5; done++) {
      await new Promise((r) => setTimeout(r, 0));
      release.shift()?.();
    }
    await Promise.all(accepted);
    expect(peak).toBe(2);
    expect(gate.running).toBe(0);
  });

  it('frees its slot when a task throws', async () => {
    const gate = new Semaphore(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'ok')).resolves.toBe('ok');
  });
});

it('names a wait in seconds or minutes', () => {
  expect(describeWait(1)).toBe('1 second');
  expect(describeWait(40_000)).toBe('40 seconds');
  expect(describeWait(15 * 60_000)).toBe('15 minutes');
});
