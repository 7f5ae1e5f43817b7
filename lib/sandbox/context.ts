import type { Impairments } from './data-plane/trace';
import type { Caller } from './iam/caller';
import type { SandboxState, StackRecord, Step } from './state';

/** What an operation handler is given: the account's state, the call's region and input, and the stack runner. */
export interface CallContext {
  state: SandboxState;
  region: string;
  // biome-ignore lint/suspicious/noExplicitAny: SDK inputs are read field by field and checked where it matters.
  input: Record<string, any>;
  /** A role session deployed in the sandbox that makes the call (its IAM is enforced); none: the account itself. */
  caller?: Caller;
  /** What a drill impairs now (a dark AZ, stopped instances): DescribeTargetHealth judges under it. */
  impairments?: Impairments;
  /** Simulated now (never before the end of the last planned operation). */
  now(): number;
  /** Play a planned stack operation (instantly at speed 0, over time otherwise). */
  run(stack: StackRecord, steps: Step[]): Promise<void>;
  /** Persist the state after a change that is not a stack operation. */
  changed(): Promise<void>;
}

export type Handler = (ctx: CallContext) => unknown;

/** Handlers keyed `Service.Operation`, as the SDK names them (`EC2.DescribeInstances`). */
export type Handlers = Record<string, Handler>;

export const asDate = (iso: string | undefined): Date | undefined => (iso ? new Date(iso) : undefined);
