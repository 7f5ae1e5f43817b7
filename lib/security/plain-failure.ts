import { randomBytes } from 'node:crypto';

/**
 * A failure the learner cannot act on (a database write that failed, a bug): they get a plain sentence with an error
 * id, the log gets the details under the same id. SQL, row ids and stack traces never reach the page.
 */
export interface PlainFailure {
  errorId: string;
  message: string;
}

export function plainFailure(context: string, err: unknown, log: (line: string) => void = console.error): PlainFailure {
  const errorId = randomBytes(4).toString('hex');
  const e = err as Error;
  log(`[error ${errorId}] ${context}: ${e?.stack ?? e?.message ?? String(err)}`);
  return {
    errorId,
    message: `Something went wrong on the server (error ${errorId}). Try again; if it happens again, give your instructor this error id.`,
  };
}

/** An error an AWS API (or the sandbox behind the SDK) answered, whose name and message are meant for the caller. */
export function isAwsServiceError(err: unknown): boolean {
  const e = err as { $metadata?: unknown; $fault?: unknown } | null;
  return typeof e === 'object' && e !== null && (e.$metadata !== undefined || e.$fault !== undefined);
}
