/**
 * Lambda: a function's configuration as GetFunction and ListFunctions answer it (Lambda API Reference ›
 * FunctionConfiguration): its environment variables (the serverless check reads the table a function names there),
 * VPC configuration, tracing, package and logging settings.
 */
import { createHash } from 'node:crypto';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { page } from '../pagination';
import type { ResourceRecord } from '../state';
import { byPhysicalId, inRegion } from './common';

const FUNCTION = 'AWS::Lambda::Function';

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Lambda's LastModified: ISO 8601 with milliseconds and a `+0000` offset (`2024-05-01T10:00:00.000+0000`). */
const lastModified = (iso: string) => new Date(iso).toISOString().replace('Z', '+0000');

/** The function a FunctionName names: its name, its ARN (qualified or not) or a partial ARN `<account>:function:<name>`. */
function findFunction(ctx: CallContext, ref: unknown): ResourceRecord | undefined {
  const text = String(ref ?? '');
  const name = /:function:([^:]+)/.exec(text)?.[1] ?? text.split(':')[0];
  return inRegion(ctx, FUNCTION).find((r) => r.physicalId === name || r.attrs.Arn === text);
}

export function functionConfiguration(ctx: CallContext, f: ResourceRecord): FunctionConfiguration {
  const p = f.props;
  const code = obj(p.Code);
  const source = String(code.ZipFile ?? `${code.S3Bucket ?? ''}/${code.S3Key ?? ''}${code.ImageUri ?? ''}`);
  const variables = obj(obj(p.Environment).Variables);
  const vpc = obj(p.VpcConfig);
  const subnets = ((vpc.SubnetIds as string[] | undefined) ?? []).map(String);
  const tracing = String(obj(p.TracingConfig).Mode ?? 'PassThrough') as 'Active' | 'PassThrough';
  const packageType = String(p.PackageType ?? 'Zip') as FunctionConfiguration['PackageType'];
  const logging = obj(p.LoggingConfig);
  return {
    FunctionName: f.physicalId,
    FunctionArn: String(f.attrs.Arn),
    Runtime: p.Runtime as FunctionConfiguration['Runtime'],
    Role: p.Role as string | undefined,
    Handler: p.Handler as string | undefined,
    CodeSize: Buffer.byteLength(source),
    Description: String(p.Description ?? ''),
    Timeout: Number(p.Timeout ?? 3),
    MemorySize: Number(p.MemorySize ?? 128),
    LastModified: lastModified(f.createdAt),
    CodeSha256: createHash('sha256').update(source).digest('base64'),
    Version: '$LATEST',
    // GetFunction leaves Environment out when the function has no variables.
    Environment: Object.keys(variables).length
      ? { Variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)])) }
      : undefined,
    VpcConfig: subnets.length
      ? {
          SubnetIds: subnets,
          SecurityGroupIds: ((vpc.SecurityGroupIds as string[] | undefined) ?? []).map(String),
          VpcId: String(byPhysicalId(ctx, 'AWS::EC2::Subnet', subnets[0])?.attrs.VpcId ?? ''),
          Ipv6AllowedForDualStack: false,
        }
      : undefined,
    TracingConfig: { Mode: tracing },
    RevisionId: createHash('sha256').update(`${f.physicalId}:${f.createdAt}`).digest('hex').slice(0, 36),
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: packageType,
    Architectures: ((p.Architectures as string[] | undefined) ?? ['x86_64']) as FunctionConfiguration['Architectures'],
    EphemeralStorage: { Size: Number(obj(p.EphemeralStorage).Size ?? 512) },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: {
      LogFormat: String(logging.LogFormat ?? 'Text') as 'Text' | 'JSON',
      LogGroup: String(logging.LogGroup ?? `/aws/lambda/${f.physicalId}`),
    },
  };
}

export const lambdaHandlers: Handlers = {
  'Lambda.GetFunction': (ctx) => {
    const f = findFunction(ctx, ctx.input.FunctionName);
    if (!f)
      throw awsError(
        'ResourceNotFoundException',
        `Function not found: ${String(ctx.input.FunctionName).startsWith('arn:') ? ctx.input.FunctionName : `arn:aws:lambda:${ctx.region}:${ctx.state.accountId}:function:${String(ctx.input.FunctionName)}`}`,
        404,
      );
    return {
      Configuration: functionConfiguration(ctx, f),
      Code: { RepositoryType: 'S3', Location: `https://awslambda-${ctx.region}-tasks.s3.${ctx.region}.amazonaws.com/` },
      Tags: Object.fromEntries(f.tags.map((t) => [t.Key, t.Value])),
    };
  },
  'Lambda.ListFunctions': (ctx) => {
    const all = inRegion(ctx, FUNCTION).map((f) => functionConfiguration(ctx, f));
    const p = page(all, ctx.input, {
      sizeKey: 'MaxItems',
      tokenKey: 'Marker',
      outputTokenKey: 'NextMarker',
      maxSize: 50,
    });
    return { Functions: p.items, ...p.token };
  },
};
