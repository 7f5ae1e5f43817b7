import { uuid } from '../ids';
import { deleteResource, putResource, regionOf, type SandboxState, type StackRecord, type Step } from '../state';

/** Play one step of a stack operation into the state: resources appear and vanish, statuses and events change. */
export function applyStep(state: SandboxState, region: string, stack: StackRecord, step: Step): void {
  const here = regionOf(state, region);
  for (const rec of step.put ?? []) putResource(state, rec);
  if (step.prune) {
    const keep = new Set(step.prune.keep);
    for (const [name, r] of Object.entries(state.regions))
      for (const [key, rec] of Object.entries(r.resources))
        if (rec.parent === step.prune.parent && !keep.has(`${name}#${key}`)) removeResource(state, name, key);
  }
  for (const key of step.remove ?? []) removeResource(state, region, key);
  if (step.detach) {
    const rec = here.resources[step.detach];
    if (rec) delete rec.stack;
  }
  if (step.stackResource) {
    const { logicalId, record } = step.stackResource;
    if (record) stack.resources[logicalId] = record;
    else delete stack.resources[logicalId];
  }
  if (step.outputs) stack.outputs = step.outputs;
  if (step.definition) {
    if (step.definition.templateBody !== undefined) stack.templateBody = step.definition.templateBody;
    stack.parameters = step.definition.parameters;
    stack.tags = step.definition.tags;
    stack.description = step.definition.description;
  }
  const at = new Date(step.at).toISOString();
  if (step.stackStatus) {
    stack.status = step.stackStatus.status;
    stack.statusReason = step.stackStatus.reason;
    if (step.stackStatus.status === 'UPDATE_IN_PROGRESS') stack.updatedAt = at;
    if (step.stackStatus.status === 'DELETE_COMPLETE') stack.deletedAt = at;
  }
  if (step.event)
    stack.events.push({
      EventId: uuid(),
      StackId: stack.stackId,
      StackName: stack.stackName,
      Timestamp: at,
      ...step.event,
      // Given when the operation was planned, so every server that plays this step names the event alike.
      ...(step.eventId ? { EventId: step.eventId } : {}),
    });
}

/** A resource and everything it made (an Auto Scaling group's instances, a VPC's main route table). */
export function removeResource(state: SandboxState, region: string, key: string): void {
  const r = state.regions[region];
  if (!r?.resources[key]) return;
  deleteResource(r, key);
  for (const [name, other] of Object.entries(state.regions))
    for (const [k, rec] of Object.entries(other.resources)) if (rec.parent === key) removeResource(state, name, k);
}

/**
 * Plan a stack operation over time. At speed 0 every step is applied before this returns. At speed s > 0 a step
 * planned t ms into the operation falls due s·t ms (wall clock) after it started: its due time is written into the
 * step (`wallAt`), and it is applied when anyone next reads the account after that time (`catchUp`). Nothing plays in
 * one server's memory, so the state a server stores is enough for any other server, or this one restarted, to go on
 * from: the same steps, at the same times, with the same event ids. Returns the wall time the last step falls due.
 */
export function play(state: SandboxState, region: string, stack: StackRecord, steps: Step[], speed: number): number {
  state.clockMs = Math.max(state.clockMs, ...steps.map((s) => s.at));
  if (speed <= 0 || !steps.length) {
    stack.pending = [...steps];
    drain(state, region, stack);
    return Date.now();
  }
  const startWall = Date.now();
  const startSim = steps[0]!.at;
  // The template a step gives the stack is stored only when it differs from the one the stack has by then (a create's
  // is set at once): a fifth of a stage-00 launch's stored state, and every server writes and reads it.
  let body = stack.templateBody;
  stack.pending = steps.map((s) => {
    let definition = s.definition;
    if (definition?.templateBody !== undefined) {
      if (definition.templateBody === body) definition = { ...definition, templateBody: undefined };
      else body = definition.templateBody;
    }
    return {
      ...s,
      ...(definition ? { definition } : {}),
      wallAt: Math.round(startWall + (s.at - startSim) * speed),
      ...(s.event ? { eventId: uuid() } : {}),
    };
  });
  return stack.pending.at(-1)?.wallAt ?? startWall;
}

/** Apply the steps that have fallen due by `nowMs` in every stack of the account; true when any was applied. */
export function catchUp(state: SandboxState, nowMs: number): boolean {
  let applied = false;
  for (const [region, r] of Object.entries(state.regions))
    for (const stack of r.stacks)
      while (stack.pending.length && (stack.pending[0]!.wallAt ?? 0) <= nowMs) {
        applyStep(state, region, stack, stack.pending.shift()!);
        applied = true;
      }
  return applied;
}

/** Apply whatever is left of a stack's operation at once (a caller that cannot wait). */
export function drain(state: SandboxState, region: string, stack: StackRecord): void {
  while (stack.pending.length) applyStep(state, region, stack, stack.pending.shift()!);
}
