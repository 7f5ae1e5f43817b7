/** An error shaped like the AWS SDK's service exceptions: callers narrow it by `name` and `$metadata.httpStatusCode`. */
export interface SandboxError extends Error {
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode: number };
  Code?: string;
}

export function awsError(name: string, message: string, status = 400): SandboxError {
  return Object.assign(new Error(message), {
    name,
    Code: name,
    $fault: status >= 500 ? ('server' as const) : ('client' as const),
    $metadata: { httpStatusCode: status },
  });
}

/** CloudFormation's catch-all: bad input, missing stacks, templates it cannot read. */
export const validationError = (message: string) => awsError('ValidationError', message);

export const stackNotFound = (name: string) => validationError(`Stack with id ${name} does not exist`);

/**
 * How CloudFormation words a handler's failure in the stack event: `sdk` (the default) wraps the service's message as
 * `Resource handler returned message: "… (Service: X, Status Code: N, Request ID: …)" (HandlerErrorCode: …)`;
 * `handler` is a failure the resource handler raises itself (no service call: no Service / Status Code part);
 * `legacy` is a type CloudFormation still provisions without a registry handler (S3 buckets): the bare message.
 */
export interface FailureWording {
  status?: number;
  wording?: 'sdk' | 'handler' | 'legacy';
  handlerCode?: string;
}

/** A resource that fails while a stack deploys it: the message becomes the resource's CREATE_FAILED reason. */
export class ResourceFailure extends Error {
  constructor(
    message: string,
    readonly code = 'InvalidRequest',
    readonly wording: FailureWording = {},
  ) {
    super(message);
    this.name = 'ResourceFailure';
  }
}
