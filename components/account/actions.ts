'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import {
  AccountConnectError,
  accountOfRoleArn,
  externalIdFor,
  localCredentialsAllowed,
  ROLE_ARN_HINT,
  roleArnSchema,
  verifyAccount,
} from '@/lib/accounts/connect';
import { sandboxAccountId } from '@/lib/accounts/learner-account';
import { defaultRegion } from '@/lib/aws/account';
import { accountKindAllowed, eventPolicyFor } from '@/lib/events/policy';
import { type MessageKey, messages, translator } from '@/lib/i18n/messages';
import { requestLocale } from '@/lib/i18n/request-locale';
import { getSecret } from '@/lib/identity';
import { getStore } from '@/lib/progress';
import { connectionFacts } from '@/lib/security/connection';
import { currentLearnerId } from '@/lib/session/current-learner';

export type ConnectResult = { ok: true; accountId: string } | { ok: false; field?: string; message: string };

const region = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'account.error.region')
  .default(defaultRegion);

const input = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sandbox') }),
  z.object({
    kind: z.literal('profile'),
    profile: z
      .string()
      .trim()
      .max(64)
      .regex(/^[\w.-]*$/, 'account.error.profileName')
      .optional(),
    region,
  }),
  z.object({ kind: z.literal('role'), roleArn: roleArnSchema, region }),
]);

/** Connect the current learner's account after verifying it with STS; credentials themselves are never stored. */
export async function connectAccount(raw: unknown): Promise<ConnectResult> {
  const locale = await requestLocale();
  const t = translator(locale);
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    // The schema's messages are keys of the catalogue (the role ARN's is its English hint).
    const message =
      field === 'roleArn'
        ? ROLE_ARN_HINT[locale]
        : issue?.message && issue.message in messages.en
          ? t(issue.message as MessageKey)
          : t('account.error.invalid');
    return { ok: false, field, message };
  }
  const learnerId = await currentLearnerId();
  if (!learnerId) return { ok: false, message: t('account.error.noSession') };
  const store = await getStore();
  const data = parsed.data;
  const policy = await eventPolicyFor(learnerId);
  if (!accountKindAllowed(policy, data.kind)) {
    const allowed = policy?.accountModes.join(locale === 'ko' ? ' 또는 ' : ' or ') ?? '';
    return { ok: false, message: t('account.error.notAllowed', { kind: data.kind, allowed }) };
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
          message: t(local.reason === 'turned-off' ? 'account.error.localTurnedOff' : 'account.error.localExposed'),
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
      return { ok: false, field: err.code === 'malformed-arn' ? 'roleArn' : undefined, message: err.localized[locale] };
    }
    console.error('account connection failed:', (err as Error).name);
    return { ok: false, message: t('account.error.failed') };
  }
}
