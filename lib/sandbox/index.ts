import type { Account } from '@/lib/aws/account';
import type { ApiCallLog } from '@/lib/aws/api-calls';
import { type AwsClients, type CallRequest, createClients, type Responder } from '@/lib/aws/clients';
import { createAccountCopy, type SandboxPersistence } from './account-copy';
import { joinPartition } from './accounts';
import { play } from './cloudformation/player';
import type { CallContext } from './context';
import { createDataPlane, type DataPlane, type Impairments } from './data-plane';
import { awsError } from './errors';
import { type FaultRule, Faults } from './faults';
import { authorizeCall } from './iam/api';
import { callerFor, type RoleSession } from './iam/caller';
import { newAccountId } from './ids';
import { isRegion } from './regions';
import { dispatch } from './responder';
import type { SandboxState } from './state';

export type { SandboxPersistence } from './account-copy';
export type { DataPlane, Impairments } from './data-plane';
export type { FaultRule } from './faults';
export type { RoleSession } from './iam/caller';
export { memoryPersistence } from './memory-persistence';
export { supportedTypes } from './resources';
export { supportedOperations } from './responder';
export type { SandboxState } from './state';

export interface SandboxOptions {
  /** 12 digits; a fresh random one when omitted. */
  accountId?: string;
  persistence?: SandboxPersistence;
  /** Wall-clock seconds per simulated second: 0 = instant (tests), 1 = as long as AWS takes, 0.05 = 20× faster. */
  speed?: number;
  faults?: FaultRule[];
  regions?: string[];
  /** Join the process's partition: names AWS keeps unique across accounts (S3 buckets) are checked against the others. */
  shareNames?: boolean;
}

export interface Sandbox {
  readonly accountId: string;
  readonly account: Account & { kind: 'sandbox' };
  /** Answers SDK commands in-process: pass it to `createClients(account, { region, responder })`. */
  readonly responder: Responder;
  /** SDK clients for a region, wired to this sandbox (with the SDK's retries seeing injected faults). */
  /**
   * SDK clients for a region, wired to this sandbox (with the SDK's retries seeing injected faults). With `role`, the
   * calls are made by a session of that role (deployed in this account): its identity policies are enforced.
   */
  clientsFor(region: string, options?: { maxAttempts?: number; log?: ApiCallLog; role?: RoleSession }): AwsClients;
  readonly faults: Faults;
  /**
   * HTTP to the account's public addresses (Elastic IPs, ALB DNS names, CloudFront domains), answered as AWS would
   * route it from the current state; `impairments` (a drill's dark AZ, its stopped instances) apply to every request.
   */
  readonly dataPlane: DataPlane;
  impairments: Impairments;
  speed: number;
  /** Resolves once this server's copy of the account is the stored one (read or reloaded from the store). */
  ready(): Promise<void>;
  /** Resolves when every stack operation this server started has played to its end (and that end is stored). */
  settled(): Promise<void>;
  /** The state (read-only use: debugging, the CLI). */
  snapshot(): SandboxState;
  /** Forget everything in this account (a learner's reset). */
  reset(): Promise<void>;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const accountId = options.accountId ?? newAccountId();
  const regions = options.regions ?? ['us-east-1', 'us-west-2'];
  const faults = new Faults(options.faults);
  const copy = createAccountCopy(accountId, options.persistence);
  const playing = new Set<Promise<void>>();

  // An operation plays over wall time without anyone writing its steps: whoever reads the account after a step's due
  // time applies it (player.ts). The server that started it stores the end once the last step is due, so the stored
  // copy does not stay behind; nothing waits for that write, and losing it (a crash) loses nothing.
  const storeEnd = (endsAt: number) => {
    const end = new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, endsAt - Date.now()) + 5))
      .then(() => copy.write(async () => ({ result: undefined, changed: true })))
      .catch(() => undefined)
      .finally(() => playing.delete(end));
    playing.add(end);
  };

  if (options.shareNames) joinPartition(accountId, () => copy.current());
  const sandbox: Sandbox = {
    accountId,
    account: { kind: 'sandbox', accountId, regions },
    faults,
    dataPlane: createDataPlane(() => copy.current(), {
      impairments: () => sandbox.impairments,
      ready: () => copy.fresh(),
    }),
    impairments: {},
    speed: options.speed ?? 0,
    ready: () => copy.fresh(),
    async settled() {
      while (playing.size) await Promise.all([...playing]);
    },
    snapshot: () => copy.current(),
    async reset() {
      await sandbox.settled();
      await copy.reset();
    },
    responder: (request: CallRequest) => respond(request),
    clientsFor(region, clientOptions = {}) {
      const { role } = clientOptions;
      // lib/aws answers in-process after the SDK's retry middleware, so injected throttling is retried as on AWS.
      return createClients(sandbox.account, {
        region,
        responder: role ? (request) => respond(request, role) : sandbox.responder,
        maxAttempts: clientOptions.maxAttempts,
        log: clientOptions.log,
        fetch: sandbox.dataPlane.fetch,
      });
    },
  };

  /** A context for one call on `state`; `onChange` is told of a change (a read's context refuses changes). */
  function contextFor(
    state: SandboxState,
    request: CallRequest,
    role: RoleSession | undefined,
    onChange: ((endsAt?: number) => void) | undefined,
  ): CallContext {
    const refuse = () => {
      throw new Error(`${request.service}.${request.operation} is answered as a read but changed the account.`);
    };
    const caller = role ? callerFor(state, role) : undefined;
    if (caller) authorizeCall(state, caller, request);
    return {
      state,
      caller,
      region: request.region,
      input: request.input,
      impairments: sandbox.impairments,
      now: () => Math.max(Date.now(), state.clockMs + 1000),
      run(stack, steps) {
        if (!onChange) refuse();
        const endsAt = play(state, request.region, stack, steps, sandbox.speed);
        onChange?.(sandbox.speed > 0 && steps.length ? endsAt : undefined);
        return Promise.resolve();
      },
      changed() {
        if (!onChange) refuse();
        onChange?.();
        return Promise.resolve();
      },
    };
  }

  async function respond(request: CallRequest, role?: RoleSession): Promise<unknown> {
    if (!isRegion(request.region))
      throw awsError(
        'UnrecognizedClientException',
        `The security token included in the request is invalid (region ${request.region} is not offered by the sandbox).`,
        400,
      );
    await faults.apply(request, accountId);
    if (isRead(request.operation)) {
      await copy.fresh();
      return dispatch(request, contextFor(copy.current(), request, role, undefined));
    }
    const ends: number[] = [];
    const result = await copy.write(async (draft) => {
      let changed = false;
      ends.length = 0;
      const out = await dispatch(
        request,
        contextFor(draft, request, role, (endsAt) => {
          changed = true;
          if (endsAt !== undefined) ends.push(endsAt);
        }),
      );
      return { result: out, changed };
    });
    for (const endsAt of ends) storeEnd(endsAt);
    return result;
  }
  return sandbox;
}

/** Calls that only read the account: answered on this server's current copy, without a write. */
const isRead = (operation: string) => /^(Describe|List|Get|Head|Validate|Estimate)/.test(operation);

// One sandbox per account per process, shared by every route module (Next may load this module more than once).
const registryKey = Symbol.for('scalelab.sandboxes');
type Holder = { [registryKey]?: Map<string, Sandbox> };
let defaults: Omit<SandboxOptions, 'accountId'> = {};

/** Options every sandbox `sandboxFor` creates gets (the app sets persistence through lib/progress and a UI speed). */
export function configureSandboxes(options: Omit<SandboxOptions, 'accountId'>): void {
  defaults = options;
}

/** The process's sandbox for a sandbox account (created, and its state loaded, on first use). */
export function sandboxFor(accountId: string): Sandbox {
  const holder = globalThis as Holder;
  holder[registryKey] ??= new Map();
  let sandbox = holder[registryKey].get(accountId);
  if (!sandbox) {
    sandbox = createSandbox({ ...defaults, accountId, shareNames: true });
    holder[registryKey].set(accountId, sandbox);
  }
  return sandbox;
}

/** A new sandbox account id (12 random digits). */
export { newAccountId };
