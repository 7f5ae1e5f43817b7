import type { Account } from '@/lib/aws/account';
import { explainAwsError } from '@/lib/aws/errors';
import { clientsForAccount } from '@/lib/aws/for-account';
import { costIn } from '@/lib/labs/cost';
import { getLab } from '@/lib/labs/registry';
import { currentStack } from './change-sets';
import { sandboxDomain } from './pair';
import { defaultSecondRegion, secondRegionChoices } from './second-region';

/**
 * What the stack card of stage 06 starts from: the regions of the pair (the account's: the lab region, then the
 * learner's second region, lib/accounts/learner-account.ts) and the secondary stack as it is now.
 */
export async function pairState(account: Account, stackName: string) {
  const primaryRegion = account.regions[0] ?? 'us-east-1';
  const secondRegion = account.regions[1] ?? defaultSecondRegion(primaryRegion);
  let secondary: {
    status: string | null;
    outputs: { key: string; value: string; description: string | null }[];
    createdAt: string | null;
    operationStartedAt?: string | null;
  } = { status: null, outputs: [], createdAt: null };
  try {
    const stack = await currentStack(clientsForAccount(account, { region: secondRegion }), stackName);
    secondary = {
      status: stack?.StackStatus ?? null,
      createdAt: stack?.CreationTime?.toISOString() ?? null,
      operationStartedAt: (stack?.DeletionTime ?? stack?.LastUpdatedTime ?? stack?.CreationTime)?.toISOString() ?? null,
      outputs: (stack?.Outputs ?? []).map((o) => ({
        key: o.OutputKey ?? '',
        value: o.OutputValue ?? '',
        description: o.Description ?? null,
      })),
    };
  } catch (err) {
    // The page still renders; the card shows the reason instead of the secondary's status.
    secondary = { status: `UNKNOWN (${explainAwsError(err).reason.en})`, outputs: [], createdAt: null };
  }
  return {
    primaryRegion,
    secondRegion,
    choices: secondRegionChoices(account, primaryRegion),
    ...(account.kind === 'sandbox' ? { sandboxDomain: sandboxDomain(stackName) } : {}),
    secondary,
  };
}

/**
 * The secondary's share of stage 06's hourly cost: it runs stage 05's stack (labs/06-go-global/lab.ts prices the
 * pair as stage 05's stack twice plus the primary's Aurora), at the figure of the lab region's price class.
 */
export function secondaryHourlyUsd(primaryRegion: string): number {
  return costIn(getLab('05-decouple').cost, primaryRegion).hourlyUsd;
}
