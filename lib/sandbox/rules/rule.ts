/**
 * A service rule: something AWS refuses when a resource is created or updated that the resource schema does not say.
 * Each rule states itself in one sentence, names the AWS guide section it comes from, and refuses with the error the
 * service returns (its code and message), so "why did the sandbox refuse this?" is answered by the rule's own file.
 */
import { type FailureWording, ResourceFailure } from '../errors';
import type { ModelContext } from '../resources';
import type { ResourceRecord } from '../state';

export interface RuleSource {
  /** The guide and its section title, as AWS titles them. */
  title: string;
  url?: string;
}

export interface ServiceRule {
  /** `<service>.<what>`: stable, unique, named in tests. */
  id: string;
  /** The resource types it looks at. */
  types: string[];
  /** The rule, as one sentence. */
  says: string;
  source: RuleSource;
  /** Returns when the resource is fine; throws `refuse(...)` with AWS's words when it is not. */
  check(ctx: ModelContext, type: string): void;
}

export const rule = (r: ServiceRule): ServiceRule => r;

/** Fail the resource the way the service does (the engine words it as the stack event's status reason). */
export function refuse(message: string, code: string, wording: FailureWording = {}): never {
  throw new ResourceFailure(message, code, wording);
}

/** The record this operation is creating or updating (an update sees its own old record; a replacement too). */
export function isSelf(ctx: ModelContext, r: ResourceRecord): boolean {
  if (ctx.existing && r === ctx.existing) return true;
  return r.region === ctx.region && r.stack?.stackName === ctx.stackName && r.stack.logicalId === ctx.logicalId;
}

/** A property that must be an object (CloudFormation passes JSON-typed properties as objects or JSON text). */
export function record(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.map((v) => record(v)) : [];
