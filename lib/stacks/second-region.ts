/**
 * Stage 06 deploys the lab stack from one template in two regions: the lab's (the primary) and a second region the
 * learner chooses on the stack card (the secondary). This module decides which second regions are possible, the
 * default, and where the choice is kept (the learner's stack operations, `stack_operations.second_region`).
 */
import { z } from 'zod';
import type { Account } from '@/lib/aws/account';
import type { StageId } from '@/lib/labs/types';
import { REGIONS as SANDBOX_REGIONS } from '@/lib/sandbox/regions';

/** The stages whose lab stack is a pair of regions (STAGES.md 06: "the second region deployed from the same template"). */
export const TWO_REGION_STAGES: readonly StageId[] = ['06-go-global'];

export function isTwoRegionStage(stageId: string): boolean {
  return (TWO_REGION_STAGES as readonly string[]).includes(stageId);
}

/**
 * The regions an AWS account has without opting in: AWS Account Management Reference Guide, "Enable or disable AWS
 * Regions in your account" — regions introduced before 20 March 2019 are enabled by default; later ones (ap-east-1,
 * me-south-1, af-south-1, eu-south-1, ap-southeast-3 ...) must be enabled first, and a workshop account usually has
 * not. Each of these offers every service stage 06 deploys (Aurora MySQL on db.t4g.medium, DynamoDB global tables
 * version 2019.11.21, ElastiCache for Valkey, API Gateway HTTP APIs, S3 replication, Route 53 health checks).
 */
export const DEFAULT_ENABLED_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
] as const;

const REGION_NAME = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** The server actions' zod type for a second region: the shape of a region name (the rules come after). */
export const secondRegionSchema = z.string().trim().regex(REGION_NAME, 'is not an AWS Region name (like us-west-2)');

/** us-west-2, or Osaka with Seoul (the lab's pairs); us-east-1 when the lab itself runs in us-west-2. */
export function defaultSecondRegion(primary: string): string {
  if (primary === 'ap-northeast-2') return 'ap-northeast-3';
  if (primary === 'us-west-2') return 'us-east-1';
  return 'us-west-2';
}

/** The regions the card offers for this account: the sandbox's own, or the default-enabled ones, minus the primary. */
export function secondRegionChoices(account: Pick<Account, 'kind'>, primary: string): string[] {
  const all = account.kind === 'sandbox' ? Object.keys(SANDBOX_REGIONS) : [...DEFAULT_ENABLED_REGIONS];
  return all.filter((r) => r !== primary);
}

export type SecondRegionProblemCode = 'second-region-invalid' | 'second-region-same' | 'second-region-unavailable';

export interface SecondRegionProblem {
  code: SecondRegionProblemCode;
  region: string;
  message: string;
}

/** Why this second region cannot take the lab's pair, in AWS's words where AWS has them; undefined when it can. */
export function secondRegionProblem(
  account: Pick<Account, 'kind'>,
  primary: string,
  second: string,
): SecondRegionProblem | undefined {
  if (!REGION_NAME.test(second))
    return { code: 'second-region-invalid', region: second, message: `${second} is not an AWS Region name.` };
  if (second === primary)
    return {
      code: 'second-region-same',
      region: second,
      message: `The second Region must differ from the lab Region (${primary}): one stack name exists once per Region.`,
    };
  if (!secondRegionChoices(account, primary).includes(second))
    return {
      code: 'second-region-unavailable',
      region: second,
      message:
        account.kind === 'sandbox'
          ? `The sandbox does not offer ${second}. Choose one of ${secondRegionChoices(account, primary).join(', ')}.`
          : `Stage 06 cannot run in ${second}: it is not one of the Regions every account has enabled (an opt-in Region must be enabled first, and not every service of the stage is offered there).`,
    };
  return undefined;
}

/** Where the learner's second region comes from: their last pair's (the stack operations), else the default. */
export interface SecondRegionStore {
  learnerSecondRegion?(learnerId: string): Promise<string | undefined>;
}

export async function learnerSecondRegion(
  store: SecondRegionStore,
  learnerId: string,
  account: Pick<Account, 'kind'>,
  primary: string,
): Promise<string> {
  const recorded = await store.learnerSecondRegion?.(learnerId);
  // The lab region may have changed since (another account connected): a choice that no longer fits is dropped.
  if (recorded && !secondRegionProblem(account, primary, recorded)) return recorded;
  return defaultSecondRegion(primary);
}
