import type { CallContext } from '../context';
import { type ResourceRecord, regionOf } from '../state';

/** Resources of a type in the call's region. */
export const inRegion = (ctx: CallContext, type: string): ResourceRecord[] =>
  Object.values(regionOf(ctx.state, ctx.region).resources).filter((r) => r.type === type);

/** Resources of a type in every region (IAM, CloudFront, Route 53 and S3's bucket list are global). */
export const everywhere = (ctx: CallContext, type: string): ResourceRecord[] =>
  Object.values(ctx.state.regions).flatMap((r) => Object.values(r.resources).filter((x) => x.type === type));

/** Tags without the ones only EC2 shows (services list the CloudFormation tags too; this keeps them). */
export const tagList = (r: ResourceRecord) => r.tags.map((t) => ({ Key: t.Key, Value: t.Value }));
