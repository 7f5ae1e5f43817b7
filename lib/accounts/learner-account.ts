import { createHash } from 'node:crypto';
import { type Account, defaultRegion } from '@/lib/aws/account';
import type { AccountRow, Store } from '@/lib/progress';

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

/** The account a learner's labs run in: what they connected, else their own sandbox (the zero-cost default). */
export async function learnerAccount(store: Store, learnerId: string): Promise<Account> {
  const row = await store.activeAccount(learnerId);
  return row
    ? accountFromRow(row)
    : { kind: 'sandbox', accountId: sandboxAccountId(learnerId), regions: [defaultRegion] };
}
