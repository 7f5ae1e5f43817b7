/** AWS Lambda: runtimes that can still be used to create a function, timeout and memory ranges. */
import { num, str } from '../resources/model';
import { refuse, rule } from './rule';

const FUNCTION = 'AWS::Lambda::Function';

/** Runtimes Lambda no longer lets you create or update a function with, and what it recommends instead. */
const BLOCKED: Record<string, string> = {
  'nodejs10.x': 'nodejs22.x',
  'nodejs12.x': 'nodejs22.x',
  'nodejs14.x': 'nodejs22.x',
  'nodejs16.x': 'nodejs22.x',
  'python2.7': 'python3.13',
  'python3.6': 'python3.13',
  'python3.7': 'python3.13',
  'python3.8': 'python3.13',
  'ruby2.7': 'ruby3.3',
  java8: 'java21',
  'go1.x': 'provided.al2023',
  'dotnetcore3.1': 'dotnet8',
  dotnet6: 'dotnet8',
  provided: 'provided.al2023',
};

// Lambda Developer Guide › Lambda runtimes › "Runtime deprecation policy": after a runtime's block-function-create
// date, Lambda refuses to create (and then update) functions that use it.
export const runtimeSupported = rule({
  id: 'lambda.runtime-not-deprecated',
  types: [FUNCTION],
  says: 'A function is created with a runtime Lambda still offers (not a deprecated one past its block date).',
  source: {
    title: 'AWS Lambda Developer Guide: Lambda runtimes › Runtime deprecation policy',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtime-support-policy',
  },
  check(ctx) {
    const runtime = str(ctx.props, 'Runtime');
    const instead = runtime ? BLOCKED[runtime] : undefined;
    if (instead)
      refuse(
        `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (${instead}) while creating or updating functions.`,
        'InvalidParameterValueException',
      );
  },
});

/** Lambda's request validation words a value out of range the way every AWS JSON service does. */
function range(
  ctx: Parameters<typeof runtimeSupported.check>[0],
  prop: string,
  field: string,
  min: number,
  max: number,
) {
  const value = num(ctx.props, prop);
  if (value === undefined) return;
  if (value < min)
    refuse(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`,
      'ValidationException',
    );
  if (value > max)
    refuse(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
      'ValidationException',
    );
}

// Lambda Developer Guide › Lambda quotas › "Function configuration, deployment, and execution": timeout 900 seconds
// (15 minutes) at most; memory 128 MB to 10,240 MB.
const QUOTAS = {
  title: 'AWS Lambda Developer Guide: Lambda quotas › Function configuration, deployment, and execution',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
};

export const timeoutRange = rule({
  id: 'lambda.timeout-1-900',
  types: [FUNCTION],
  says: "A function's timeout is 1 to 900 seconds.",
  source: QUOTAS,
  check: (ctx) => range(ctx, 'Timeout', 'timeout', 1, 900),
});

export const memoryRange = rule({
  id: 'lambda.memory-128-10240',
  types: [FUNCTION],
  says: "A function's memory is 128 to 10,240 MB.",
  source: QUOTAS,
  check: (ctx) => range(ctx, 'MemorySize', 'memorySize', 128, 10_240),
});

export const lambdaRules = [runtimeSupported, timeoutRange, memoryRange];
