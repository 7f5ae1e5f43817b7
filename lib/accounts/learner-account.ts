import { createHash } from 'node:crypto';
import { type Account, defaultRegion } from '@/lib/aws/account';
import type { AccountRow, Store } from '@/lib/progress';
import { learnerSecondRegion } from '@/lib/stacks/second-region';

/** A learner's own sandbox account id: 12 digits derived from the learner id, stable across restarts. */
export function sandboxAccountId(learnerId: string): string {
  const n = BigInt(`0x${createHash('sha256').update(`sandbox:${learnerId}`).digest('hex').slice(0, 15)}`);
  return (n % 10n ** 12n).toString().padStart(12, '0');
}

/** The learner's one lab stack per region (STAGES.md): `scalelab-<first 8 hex digits of the learner id>`. */
export function labStackName(learnerId: string): string {
  return `scalelab-${learnerId.replaceAll('-', '').slice(0, 8)}`;
}

/** A stored connection as an Account (no secrets: a role is assumed when clients are made). */
export function accountFromRow(row: AccountRow): Account {
  const regions = [row.region];
  switch (row.kind) {
    case 'sandbox':
      return { kind: 'sandbox', accountId: row.accountId ?? '000000000000', regions };
    case 'profile':
      return { kind: 'profile', profile: row.profile ?? undefined, accountId: row.accountId ?? undefined, regions };
    case 'role':
      return {
        kind: 'role',
        roleArn: row.roleArn ?? '',
        externalId: row.externalId ?? '',
        accountId: row.accountId ?? undefined,
        regions,
      };
  }
}

/**
 * The account a learner's labs run in: what they connected, else their own sandbox (the zero-cost default). Its
 * regions are the lab region, then the second region of stage 06's pair: the one the learner last launched the pair
 * with (their stack operations), else the default for the lab region (lib/stacks/second-region.ts).
 */
export async function learnerAccount(store: Store, learnerId: string): Promise<Account> {
  const row = await store.activeAccount(learnerId);
  const account: Account = row
    ? accountFromRow(row)
    : { kind: 'sandbox', accountId: sandboxAccountId(learnerId), regions: [defaultRegion] };
  const primary = account.regions[0] ?? defaultRegion;
  account.regions = [primary, await learnerSecondRegion(store, learnerId, account, primary)];
  return account;
}
