/** The rollback planner: what a failed create or update undoes, and in which order. */
import { type ResourceRecord, resourceKey, type StackResourceRecord, type Step } from '../state';
import { deleteResources, templateFacts } from './plan-delete';
import type { DeployInput } from './resolve';
import type { Timeline } from './timeline';

/** One resource the deploy planned: created, updated in place, or replaced (with the record it had before). */
export interface Done {
  logicalId: string;
  type: string;
  action: 'create' | 'update' | 'replace';
  record: ResourceRecord;
  previous?: ResourceRecord;
  finishAt: number;
}

export function rollback(
  input: DeployInput,
  kind: 'CREATE' | 'UPDATE',
  tl: Timeline,
  done: Done[],
  failures: { logicalId: string; at: number; type: string }[],
  failedAt: number,
  outputError?: string,
): Step[] {
  // What was still being created when the first failure happened is cancelled.
  for (const d of done.filter((x) => x.finishAt > failedAt)) {
    tl.cancel(
      failedAt,
      d.logicalId,
      d.type,
      d.action === 'create' ? 'CREATE_FAILED' : 'UPDATE_FAILED',
      d.action === 'create' ? 'Resource creation cancelled' : 'Resource update cancelled',
    );
  }
  const completed = done.filter((x) => x.finishAt <= failedAt);
  const names = failures.map((f) => f.logicalId).join(', ');
  const reason =
    outputError ?? `The following resource(s) failed to ${kind === 'CREATE' ? 'create' : 'update'}: [${names}]. `;
  let t = failedAt + 1000;
  if (kind === 'CREATE') {
    if (input.stack.disableRollback) {
      tl.stack('CREATE_FAILED', reason, t);
      return tl.steps;
    }
    tl.stack('ROLLBACK_IN_PROGRESS', `${reason}Rollback requested by user.`, t);
    const created = completed.map(
      (d) =>
        ({
          logicalId: d.logicalId,
          type: d.type,
          physicalId: d.record.physicalId,
          key: resourceKey(d.type, d.record.physicalId),
        }) as StackResourceRecord,
    );
    const failedOnes = failures
      .filter((f) => f.type !== 'AWS::CloudFormation::Stack')
      .map(
        (f) =>
          ({ logicalId: f.logicalId, type: f.type, status: 'CREATE_FAILED', updatedAt: '' }) as StackResourceRecord,
      );
    t = deleteResources(tl, [...created, ...failedOnes], t + 1000, templateFacts(input.prepared.template), true);
    tl.stack('ROLLBACK_COMPLETE', undefined, t + 1000);
    return tl.steps;
  }
  tl.stack('UPDATE_ROLLBACK_IN_PROGRESS', reason, t);
  t += 1000;
  for (const d of [...completed].reverse()) {
    if (d.action === 'update' && d.previous) {
      tl.resource(t, d.logicalId, d.type, 'UPDATE_IN_PROGRESS', undefined, d.record.physicalId);
      tl.complete(
        t + 2000,
        d.logicalId,
        d.type,
        'UPDATE_COMPLETE',
        d.previous,
        childrenInState(input, d.previous),
        d.record,
      );
      t += 3000;
    } else if (d.action === 'replace' && d.previous) {
      tl.complete(t, d.logicalId, d.type, 'UPDATE_COMPLETE', d.previous, childrenInState(input, d.previous), undefined);
      t += 1000;
    }
  }
  tl.stack('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', undefined, t);
  t += 1000;
  for (const d of [...completed].reverse()) {
    if (d.action === 'update') continue;
    if (d.action === 'replace') tl.event(t, d.logicalId, d.type, 'DELETE_IN_PROGRESS', d.record.physicalId);
    else tl.resource(t, d.logicalId, d.type, 'DELETE_IN_PROGRESS', undefined, d.record.physicalId);
    tl.removeRecord(t + 2000, d.logicalId, d.type, resourceKey(d.type, d.record.physicalId), d.action === 'create');
    t += 3000;
  }
  tl.at(t, {
    definition: {
      templateBody: input.stack.templateBody,
      parameters: input.stack.parameters,
      tags: input.stack.tags,
      description: input.stack.description,
    },
  });
  tl.stack('UPDATE_ROLLBACK_COMPLETE', undefined, t + 1000);
  return tl.steps;
}

function childrenInState(input: DeployInput, record: ResourceRecord): ResourceRecord[] {
  const key = resourceKey(record.type, record.physicalId);
  return Object.values(input.state.regions).flatMap((r) => Object.values(r.resources).filter((x) => x.parent === key));
}
