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
    stack.templateBody = step.definition.templateBody;
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

export interface Player {
  speed: number;
  /** Called after the state changed, so it can be persisted. */
  changed(): Promise<void>;
}

/**
 * Play a planned operation over simulated time. At speed 0 everything is applied before this returns; at speed s > 0,
 * a step planned t ms into the operation is applied s·t ms (wall clock) after it started, in the background.
 */
export function play(
  state: SandboxState,
  region: string,
  stack: StackRecord,
  steps: Step[],
  player: Player,
): Promise<void> {
  stack.pending = [...steps];
  state.clockMs = Math.max(state.clockMs, ...steps.map((s) => s.at));
  if (player.speed <= 0 || !steps.length) {
    drain(state, region, stack);
    return player.changed();
  }
  const startWall = Date.now();
  const startSim = steps[0]!.at;
  return (async () => {
    while (stack.pending.length) {
      const next = stack.pending[0]!;
      const due = startWall + (next.at - startSim) * player.speed - Date.now();
      if (due > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(due, 60_000)));
      if (stack.pending[0] !== next) continue;
      stack.pending.shift();
      applyStep(state, region, stack, next);
      await player.changed();
    }
  })();
}

/** Apply whatever is left of a stack's operation at once (a restart, or a caller that cannot wait). */
export function drain(state: SandboxState, region: string, stack: StackRecord): void {
  while (stack.pending.length) applyStep(state, region, stack, stack.pending.shift()!);
}
