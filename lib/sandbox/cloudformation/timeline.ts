import type { ResourceRecord, StackRecord, StackResourceRecord, Step } from '../state';
import { resourceKey } from '../state';

/** A stack operation as it will unfold: events and effects placed on simulated time. */
export interface Timeline {
  readonly steps: Step[];
  readonly now: number;
  at(at: number, step: Omit<Step, 'at'>): void;
  stack(status: string, reason?: string, at?: number): void;
  resource(at: number, logicalId: string, type: string, status: string, reason?: string, physicalId?: string): void;
  /** The resource reached a COMPLETE state: it (and what it made) now exists as `record`. */
  complete(
    at: number,
    logicalId: string,
    type: string,
    status: string,
    record: ResourceRecord,
    children: ResourceRecord[],
    replaces?: ResourceRecord,
  ): void;
  /** An event that does not change the stack's view of the resource (the old copy of a replaced resource). */
  event(at: number, logicalId: string, type: string, status: string, physicalId: string): void;
  cancel(at: number, logicalId: string, type: string, status: string, reason: string): void;
  /** DELETE_COMPLETE: the record (if any) is gone, and the stack forgets the resource when `forget`. */
  removeRecord(
    at: number,
    logicalId: string,
    type: string,
    key: string | undefined,
    forget: boolean,
    physicalId?: string,
  ): void;
}

export function timeline(stack: StackRecord, start: number): Timeline {
  const steps: Step[] = [];
  const current = new Map<string, StackResourceRecord>(Object.entries(stack.resources).map(([k, v]) => [k, { ...v }]));
  let last = start;
  const iso = (t: number) => new Date(t).toISOString();
  const push = (step: Step) => {
    steps.push(step);
    last = Math.max(last, step.at);
  };
  const view = (
    at: number,
    logicalId: string,
    type: string,
    status: string,
    reason?: string,
    physicalId?: string,
  ): StackResourceRecord => {
    const prior = current.get(logicalId);
    const record: StackResourceRecord = {
      logicalId,
      type,
      physicalId: physicalId || prior?.physicalId,
      key: prior?.key,
      status,
      statusReason: reason,
      updatedAt: iso(at),
    };
    current.set(logicalId, record);
    return { ...record };
  };

  const tl: Timeline = {
    get steps() {
      return steps
        .map((s, i) => [s, i] as const)
        .sort((a, b) => a[0].at - b[0].at || a[1] - b[1])
        .map(([s]) => s);
    },
    get now() {
      return last;
    },
    at(at, step) {
      push({ at, ...step });
    },
    stack(status, reason, at = last) {
      push({
        at,
        stackStatus: { status, reason },
        event: {
          LogicalResourceId: stack.stackName,
          PhysicalResourceId: stack.stackId,
          ResourceType: 'AWS::CloudFormation::Stack',
          ResourceStatus: status,
          ResourceStatusReason: reason,
        },
      });
    },
    resource(at, logicalId, type, status, reason, physicalId) {
      const record = view(at, logicalId, type, status, reason, physicalId);
      push({
        at,
        stackResource: { logicalId, record },
        event: {
          LogicalResourceId: logicalId,
          PhysicalResourceId: record.physicalId ?? '',
          ResourceType: type,
          ResourceStatus: status,
          ResourceStatusReason: reason,
        },
      });
    },
    complete(at, logicalId, type, status, record, children, replaces) {
      const key = resourceKey(record.type, record.physicalId);
      const view1 = view(at, logicalId, type, status, undefined, record.physicalId);
      view1.key = key;
      current.set(logicalId, { ...view1 });
      push({
        at,
        put: [record, ...children],
        prune: { parent: key, keep: children.map((c) => `${c.region}#${resourceKey(c.type, c.physicalId)}`) },
        remove:
          replaces && resourceKey(replaces.type, replaces.physicalId) !== key
            ? [resourceKey(replaces.type, replaces.physicalId)]
            : undefined,
        stackResource: { logicalId, record: view1 },
        event: {
          LogicalResourceId: logicalId,
          PhysicalResourceId: record.physicalId,
          ResourceType: type,
          ResourceStatus: status,
        },
      });
    },
    event(at, logicalId, type, status, physicalId) {
      push({
        at,
        event: {
          LogicalResourceId: logicalId,
          PhysicalResourceId: physicalId,
          ResourceType: type,
          ResourceStatus: status,
        },
      });
    },
    cancel(at, logicalId, type, status, reason) {
      // The resource never came into being: drop the put planned for it.
      for (const s of steps) if (s.stackResource?.logicalId === logicalId && s.put && s.at > at) s.put = undefined;
      for (let i = steps.length - 1; i >= 0; i--) {
        const s = steps[i]!;
        if (s.at > at && s.stackResource?.logicalId === logicalId) steps.splice(i, 1);
      }
      tl.resource(at, logicalId, type, status, reason);
    },
    removeRecord(at, logicalId, type, key, forget, physicalId) {
      const id = physicalId ?? key?.split('|')[1] ?? '';
      push({
        at,
        remove: key ? [key] : undefined,
        stackResource: forget ? { logicalId } : undefined,
        event: {
          LogicalResourceId: logicalId,
          PhysicalResourceId: id,
          ResourceType: type,
          ResourceStatus: 'DELETE_COMPLETE',
        },
      });
      if (forget) current.delete(logicalId);
    },
  };
  return tl;
}
