import type { CallRequest } from '@/lib/aws/clients';
import { changeSetHandlers } from './cloudformation/change-sets';
import { stackHandlers } from './cloudformation/stacks';
import type { CallContext, Handlers } from './context';
import { ec2Handlers } from './describe/ec2';
import { ec2ActionHandlers } from './describe/ec2-actions';
import { identityHandlers } from './describe/identity';
import { s3ObjectHandlers } from './describe/s3-objects';
import { serviceHandlers } from './describe/services';
import { taggingHandlers } from './describe/tagging';
import { awsError } from './errors';

/** Every operation the sandbox answers, keyed `Service.Operation`. */
export const HANDLERS: Handlers = {
  ...stackHandlers,
  ...changeSetHandlers,
  ...ec2Handlers,
  ...ec2ActionHandlers,
  ...identityHandlers,
  ...serviceHandlers,
  ...taggingHandlers,
  ...s3ObjectHandlers,
};

export function supportedOperations(): string[] {
  return Object.keys(HANDLERS).sort();
}

/** Answer one call, or fail it the way AWS fails an operation it does not know. */
export async function dispatch(request: CallRequest, ctx: CallContext): Promise<unknown> {
  const handler = HANDLERS[`${request.service}.${request.operation}`];
  if (!handler)
    throw awsError(
      'UnsupportedOperation',
      `${request.service}.${request.operation} is not simulated by the ScaleLab sandbox (it answers ${Object.keys(HANDLERS).filter((k) => k.startsWith(`${request.service}.`)).length} ${request.service} operations).`,
    );
  return handler(ctx);
}
