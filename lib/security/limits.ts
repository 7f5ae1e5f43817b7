/**
 * The limits of this server, one place for all of them (lib/security/rate-limit.ts says why they are per process).
 * They live on globalThis: Next may load this module more than once, and a second copy must not mean a second budget.
 */
import { FailureBackoff, Semaphore, WindowLimiter } from './rate-limit';

const MINUTE = 60_000;
/** A learner's change-set previews and deploys in one minute. */
export const DEPLOYS_PER_MINUTE = 20;

function build() {
  return {
    /** Instructor sign-in per email: 5 free failures, then 1 s, 2 s, 4 s, ... up to 15 minutes between attempts. */
    loginByEmail: new FailureBackoff({ free: 5, baseMs: 1000, maxMs: 15 * MINUTE, forgetMs: 60 * MINUTE }),
    /** Per client address: more room (a school shares one address), the same growth. */
    loginByAddress: new FailureBackoff({ free: 20, baseMs: 1000, maxMs: 15 * MINUTE, forgetMs: 60 * MINUTE }),
    /**
     * Password hashes at once: scrypt at N=2^17, r=8 holds 128 MiB while it runs, so a burst of sign-ins must not
     * multiply that. Two run (the machine has two cores), eight wait, the rest are refused at once.
     */
    hashing: new Semaphore(2, 8),
    /**
     * Wrong join codes per client address (a classroom behind one NAT mistypes too) and per learner. 29^6 codes and
     * delays that double up to 5 minutes leave a guesser a few hundred tries a day per address.
     */
    joinByAddress: new FailureBackoff({ free: 20, baseMs: 1000, maxMs: 5 * MINUTE, forgetMs: 60 * MINUTE }),
    joinByLearner: new FailureBackoff({ free: 5, baseMs: 1000, maxMs: 5 * MINUTE, forgetMs: 60 * MINUTE }),
    /** The editor lints as the learner types (debounced): one a second on average per learner. */
    lint: new WindowLimiter({ limit: 60, windowMs: MINUTE }),
    lintByAddress: new WindowLimiter({ limit: 1200, windowMs: MINUTE }),
    /**
     * Change sets and deploys: a person clicks a few times a minute. Stage 06's pair takes four (preview and deploy in
     * each region) and a preview discarded and redone two more; a learner who pastes the solutions goes through a
     * stage's preview and deploy in well under a minute. Twenty leaves them room and still stops a script.
     */
    deploy: new WindowLimiter({ limit: DEPLOYS_PER_MINUTE, windowMs: MINUTE }),
    deployByAddress: new WindowLimiter({ limit: 300, windowMs: MINUTE }),
    /** First-run setup attempts with a wrong setup token, per client address. */
    setup: new FailureBackoff({ free: 5, baseMs: 1000, maxMs: 15 * MINUTE, forgetMs: 60 * MINUTE }),
  };
}

export type ServerLimits = ReturnType<typeof build>;

const key = Symbol.for('scalelab.limits');
type Holder = typeof globalThis & { [key]?: ServerLimits };

export function limits(): ServerLimits {
  const holder = globalThis as Holder;
  holder[key] ??= build();
  return holder[key];
}

/** Tests only: start every budget afresh. */
export function resetLimits(): void {
  delete (globalThis as Holder)[key];
}
