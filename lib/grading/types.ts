import type { ApiCall, ApiCallLog } from '@/lib/aws/api-calls';
import type { AwsClients } from '@/lib/aws/clients';
import type { AwsErrorKind } from '@/lib/aws/errors';
import type { CheckResult } from '@/lib/checks/evaluate';
import type { Localized } from '@/lib/i18n/locales';
import type { StageId } from '@/lib/labs/types';
import type { Store } from '@/lib/progress';

/** One account to grade. A roster entry is one; `scalelab check` makes one for the current credentials. */
export interface GradeTarget {
  learner: string;
  /** The account id the roster expects: the verified id must equal it, or the account is not graded. */
  accountId?: string;
  region: string;
  /** Stage 06's second region, where the checks read the pair's secondary; default: the region's (second-region.ts). */
  secondRegion?: string;
  /** The role the grader assumes, named in the message when it cannot be assumed. */
  roleArn?: string;
  /** The lab stack; default `scalelab-<learner>` (lib/grading/learner-id.ts). */
  stackName?: string;
}

/** graded: the checks ran (whatever they found); mismatch: the credentials reach another account; error: no grade. */
export type AccountStatus = 'graded' | 'mismatch' | 'error';

/** Why an account was not graded: a plain reason, as `explainAwsError` gives it. */
export interface AccountProblem {
  kind: AwsErrorKind | 'mismatch' | 'cancelled';
  reason: Localized;
  /** The IAM action that was denied, when known. */
  action?: string;
}

export interface Score {
  requiredPassed: number;
  requiredTotal: number;
  recommendedPassed: number;
  recommendedTotal: number;
  /** requiredPassed / requiredTotal; null when the stage has no required checks (or none ran). */
  ratio: number | null;
}

export interface ApiCallSummary {
  total: number;
  /** Calls AWS throttled (each is counted once, after the SDK's own retries). */
  throttled: number;
  /** Calls that ended in any error, throttling included. */
  failed: number;
  /** `EC2.DescribeInstances` → calls. */
  byOperation: Record<string, number>;
  calls: ApiCall[];
}

/** One account's grade: what the report shows and what is stored as a check run. */
export interface AccountGrade {
  learner: string;
  /** The stored learner id: a UUID v5 of the roster name. */
  learnerId: string;
  stage: StageId;
  region: string;
  /** The second region the checks read (stage 06's pair). */
  secondRegion: string;
  stackName: string;
  expectedAccountId: string | null;
  /** What STS GetCallerIdentity said; null when it could not be asked. */
  verifiedAccountId: string | null;
  status: AccountStatus;
  problem?: AccountProblem;
  /** Each check's result in the lab's order; empty when the account was not graded. */
  results: CheckResult[];
  score: Score;
  allRequiredPassed: boolean;
  apiCalls: ApiCallSummary;
  /** 1 + the account-level retries made after throttling. */
  attempts: number;
  ms: number;
  /** The stored check run, when a store was given. */
  runId?: string;
  /** Storing failed (the grade itself stands). */
  storeError?: string;
}

/** A whole grading run: what every report is made from. */
export interface GradingRun {
  stage: StageId;
  checks: { id: string; severity: 'required' | 'recommended'; title: Localized }[];
  /** Check ids the stage's lab lists that no check implements yet: not graded, said so in the summary. */
  notImplemented: string[];
  startedAt: string;
  ms: number;
  concurrency: number;
  accounts: AccountGrade[];
}

export interface GradingProgress {
  total: number;
  done: number;
  inFlight: number;
  graded: number;
  mismatch: number;
  error: number;
  /** The account that just finished. */
  last: AccountGrade;
}

/** The store calls grading makes (lib/progress's Store has them all). */
export type GradingStore = Pick<Store, 'ensureLearner' | 'startCheckRun' | 'finishCheckRun'>;

export interface GradeOptions<E extends GradeTarget> {
  entries: readonly E[];
  stage: StageId;
  /** Accounts graded at once (default 16). */
  concurrency?: number;
  /** Per account, everything included: identity, checks, backoff (default 60 s). */
  timeoutMs?: number;
  /** Account-level retries after the SDK's own retries gave up on throttling (default 3). */
  retries?: number;
  /** Full-jitter exponential backoff: a random wait in [0, min(cap, base · 2^attempt)) (default 1 s, 20 s). */
  backoff?: { baseMs?: number; capMs?: number };
  /** The clients of one account, recording into `log`. Use retryMode 'adaptive' (`roleClients` does). */
  makeClients: (entry: E, log: ApiCallLog) => AwsClients;
  onProgress?: (progress: GradingProgress) => void;
  /** When given, each graded (or failed) account is stored as an ordinary check run of its learner. */
  store?: GradingStore;
  /** Stops the grading: accounts not finished end as `error` (cancelled). */
  signal?: AbortSignal;
  /** Randomness of the backoff (tests). */
  random?: () => number;
}
