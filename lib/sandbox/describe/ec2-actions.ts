import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { inRegion } from './common';

type PowerState = 'running' | 'stopped';
const CODES: Record<PowerState, number> = { running: 16, stopped: 80 };

/** Stop or start instances (the console path of the scale-up step): the change lasts until the next start/stop. */
function power(ctx: CallContext, target: PowerState) {
  const ids = (ctx.input.InstanceIds ?? []) as string[];
  const instances = inRegion(ctx, 'AWS::EC2::Instance');
  const missing = ids.filter((id) => !instances.some((i) => i.physicalId === id));
  if (missing.length)
    throw awsError('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
  const changes = ids.map((id) => {
    const r = instances.find((i) => i.physicalId === id)!;
    const before = ((r.attrs.InstanceState as PowerState | undefined) ?? 'running') as PowerState;
    r.attrs.InstanceState = target;
    return {
      InstanceId: id,
      PreviousState: { Code: CODES[before], Name: before },
      CurrentState: { Code: CODES[target], Name: target },
    };
  });
  return ctx.changed().then(() => changes);
}

export const ec2ActionHandlers: Handlers = {
  'EC2.StopInstances': async (ctx) => ({ StoppingInstances: await power(ctx, 'stopped') }),
  'EC2.StartInstances': async (ctx) => ({ StartingInstances: await power(ctx, 'running') }),
};

/** The instance's power state for DescribeInstances. */
export function instanceState(attrs: Record<string, unknown>): { Code: number; Name: PowerState } {
  const name = ((attrs.InstanceState as PowerState | undefined) ?? 'running') as PowerState;
  return { Code: CODES[name], Name: name };
}
