'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import {
  AccountConnectError,
  accountOfRoleArn,
  externalIdFor,
  localCredentialsAllowed,
  roleArnSchema,
  verifyAccount,
} from '@/lib/accounts/connect';
import { sandboxAccountId } from '@/lib/accounts/learner-account';
import { defaultRegion } from '@/lib/aws/account';
import { accountKindAllowed, eventPolicyFor } from '@/lib/events/policy';
import { getSecret } from '@/lib/identity';
import { getStore } from '@/lib/progress';
import { connectionFacts } from '@/lib/security/connection';
import { currentLearnerId } from '@/lib/session/current-learner';

export type ConnectResult = { ok: true; accountId: string } | { ok: false; field?: string; message: string };

const region = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'A region looks like us-east-1.')
  .default(defaultRegion);

const input = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sandbox') }),
  z.object({
    kind: z.literal('profile'),
    profile: z
      .string()
      .trim()
      .max(64)
      .regex(/^[\w.-]*$/, 'A profile name has letters, digits, dots, dashes and underscores only.')
      .optional(),
    region,
  }),
  z.object({ kind: z.literal('role'), roleArn: roleArnSchema, region }),
]);

/** Connect the current learner's account after verifying it with STS; credentials themselves are never stored. */
export async function connectAccount(raw: unknown): Promise<ConnectResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, field: String(issue?.path[0] ?? ''), message: issue?.message ?? 'Invalid input.' };
  }
  const learnerId = await currentLearnerId();
  if (!learnerId) return { ok: false, message: 'No learner session. Reload the page.' };
  const store = await getStore();
  const data = parsed.data;
  const policy = await eventPolicyFor(learnerId);
  if (!accountKindAllowed(policy, data.kind)) {
    const allowed = policy?.accountModes.join(' or ') ?? '';
    return { ok: false, message: `Your workshop does not allow ${data.kind} accounts: connect a ${allowed} account.` };
  }
  try {
    if (data.kind === 'sandbox') {
      const accountId = sandboxAccountId(learnerId);
      await store.saveAccount({ learnerId, kind: 'sandbox', accountId, region: defaultRegion, verifiedAt: new Date() });
      return { ok: true, accountId };
    }
    if (data.kind === 'profile') {
      const local = localCredentialsAllowed(connectionFacts(await headers()));
      if (!local.allowed) {
        return {
          ok: false,
          message:
            local.reason === 'turned-off'
              ? 'This server does not allow the credentials of the machine it runs on (SCALELAB_ALLOW_LOCAL_CREDENTIALS=0).'
              : 'This server is open to the network, so the credentials of the machine it runs on need SCALELAB_ALLOW_LOCAL_CREDENTIALS=1 on the server.',
        };
      }
      const accountId = await verifyAccount(
        { kind: 'profile', profile: data.profile || undefined, regions: [data.region] },
        data.region,
      );
      await store.saveAccount({
        learnerId,
        kind: 'profile',
        profile: data.profile || null,
        accountId,
        region: data.region,
        verifiedAt: new Date(),
      });
      return { ok: true, accountId };
    }
    const externalId = externalIdFor(learnerId, await getSecret());
    accountOfRoleArn(data.roleArn);
    const accountId = await verifyAccount(
      { kind: 'role', roleArn: data.roleArn, externalId, regions: [data.region] },
      data.region,
    );
    await store.saveAccount({
      learnerId,
      kind: 'role',
      roleArn: data.roleArn,
      externalId,
      accountId,
      region: data.region,
      verifiedAt: new Date(),
    });
    return { ok: true, accountId };
  } catch (err) {
    if (err instanceof AccountConnectError) {
      return { ok: false, field: err.code === 'malformed-arn' ? 'roleArn' : undefined, message: err.message };
    }
    console.error('account connection failed:', (err as Error).name);
    return { ok: false, message: 'The account could not be connected. Try again.' };
  }
}
