import type { Account } from '@/lib/aws/account';
import type { ApiCallLog } from '@/lib/aws/api-calls';
import { type AwsClients, type CallRequest, createClients, type Responder } from '@/lib/aws/clients';
import { joinPartition } from './accounts';
import { drain, play } from './cloudformation/player';
import type { CallContext } from './context';
import { createDataPlane, type DataPlane, type Impairments } from './data-plane';
import { awsError } from './errors';
import { type FaultRule, Faults } from './faults';
import { authorizeCall } from './iam/api';
import { callerFor, type RoleSession } from './iam/caller';
import { newAccountId } from './ids';
import { isRegion } from './regions';
import { dispatch } from './responder';
import { emptyState, type SandboxState } from './state';

export type { DataPlane, Impairments } from './data-plane';
export type { FaultRule } from './faults';
export type { RoleSession } from './iam/caller';
export { supportedTypes } from './resources';
export { supportedOperations } from './responder';
export type { SandboxState } from './state';

/** Where a sandbox account's state lives between restarts (lib/progress in the app; a Map in tests). */
export interface SandboxPersistence {
  load(accountId: string): Promise<unknown | undefined>;
  save(accountId: string, state: unknown): Promise<void>;
}

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
  /** Resolves once the persisted state is loaded. */
  ready(): Promise<void>;
  /** Resolves when every stack operation in flight has finished playing (and the state is saved). */
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
  let state = emptyState(accountId);
  const inflight = new Set<Promise<void>>();
  let saving: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;

  // Saves coalesce: while one is being written, every later change waits for the next one, which writes the state as
  // it is when it starts. A burst of steps costs one queued write per account, not one per step: with 50 learners
  // launching at once, one write each per step had the store's single PGlite connection 250 writes deep.
  const save = (): Promise<void> => {
    const persistence = options.persistence;
    if (!persistence) return Promise.resolve();
    queued ??= saving
      .then(() => {
        queued = undefined;
        return persistence.save(accountId, structuredClone(state));
      })
      .catch(() => undefined);
    saving = queued;
    return queued;
  };
  // The steps of an operation playing over wall time are written at most once a second: nothing waits for them, and
  // after a crash the reloaded state still holds the steps not played yet (they are applied on load).
  let soon: Promise<void> | undefined;
  const saveSoon = (): Promise<void> => {
    soon ??= new Promise((resolve) => setTimeout(resolve, STEP_SAVE_MS)).then(() => {
      soon = undefined;
      return save();
    });
    return Promise.resolve();
  };

  const loading = (async () => {
    const loaded = (await options.persistence?.load(accountId)) as SandboxState | undefined;
    if (loaded && loaded.version === 1) {
      state = loaded;
      // An operation that was playing when the server stopped finishes now.
      for (const [region, r] of Object.entries(state.regions)) for (const s of r.stacks) drain(state, region, s);
    }
  })();

  if (options.shareNames) joinPartition(accountId, () => state);
  const sandbox: Sandbox = {
    accountId,
    account: { kind: 'sandbox', accountId, regions },
    faults,
    dataPlane: createDataPlane(() => state, { impairments: () => sandbox.impairments, ready: () => loading }),
    impairments: {},
    speed: options.speed ?? 0,
    ready: () => loading,
    async settled() {
      while (inflight.size) await Promise.all([...inflight]);
      await soon;
      await saving;
    },
    snapshot: () => state,
    async reset() {
      await sandbox.settled();
      state = emptyState(accountId);
      await save();
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

  async function respond(request: CallRequest, role?: RoleSession): Promise<unknown> {
    await loading;
    if (!isRegion(request.region))
      throw awsError(
        'UnrecognizedClientException',
        `The security token included in the request is invalid (region ${request.region} is not offered by the sandbox).`,
        400,
      );
    await faults.apply(request, accountId);
    const caller = role ? callerFor(state, role) : undefined;
    const ctx: CallContext = {
      state,
      caller,
      region: request.region,
      input: request.input,
      impairments: sandbox.impairments,
      now: () => Math.max(Date.now(), state.clockMs + 1000),
      run(stack, steps) {
        const playing = play(state, request.region, stack, steps, {
          speed: sandbox.speed,
          changed: sandbox.speed > 0 ? saveSoon : save,
        });
        if (sandbox.speed <= 0) return playing;
        const tracked = playing.finally(() => inflight.delete(tracked));
        inflight.add(tracked);
        return save();
      },
      changed: save,
    };
    if (caller) authorizeCall(state, caller, request);
    return dispatch(request, ctx);
  }
  return sandbox;
}

/** How often the steps of an operation playing over wall time are persisted. */
const STEP_SAVE_MS = 1000;

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
