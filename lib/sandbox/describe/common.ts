import type { CallContext } from '../context';
import { type ResourceRecord, resourceById, resourcesIn, resourcesOf } from '../state';

/** Resources of a type in the call's region (from the state's type index: no scan of the region). */
export const inRegion = (ctx: CallContext, type: string): ResourceRecord[] => resourcesIn(ctx.state, ctx.region, type);

/** Resources of a type in every region (IAM, CloudFront, Route 53 and S3's bucket list are global). */
export const everywhere = (ctx: CallContext, type: string): ResourceRecord[] => resourcesOf(ctx.state, type);

/** The resource of a type with this physical id in the call's region (a key lookup). */
export const byPhysicalId = (ctx: CallContext, type: string, physicalId: unknown): ResourceRecord | undefined =>
  resourceById(ctx.state, ctx.region, type, physicalId);

/** Tags without the ones only EC2 shows (services list the CloudFormation tags too; this keeps them). */
export const tagList = (r: ResourceRecord) => r.tags.map((t) => ({ Key: t.Key, Value: t.Value }));
