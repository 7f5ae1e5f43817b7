/** One AWS API call as a check run reports it: which, how long, and how it ended. */
export interface ApiCall {
  service: string;
  operation: string;
  region: string;
  /** When the call started (ms since the epoch) and how long it took: the run's timeline. */
  at: number;
  ms: number;
  /** 'ok', or the error name AWS returned (AccessDenied, ThrottlingException, ...). */
  outcome: string;
}

/** Collects the calls made through one set of clients (one check run, one grading of an account). */
export class ApiCallLog {
  readonly calls: ApiCall[] = [];

  record(call: ApiCall): void {
    this.calls.push(call);
  }

  /** `EC2.DescribeInstances` → how many times it was called: the "at most once per run" figure. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) out[`${c.service}.${c.operation}`] = (out[`${c.service}.${c.operation}`] ?? 0) + 1;
    return out;
  }
}
