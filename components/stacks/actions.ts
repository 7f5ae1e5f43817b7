'use server';

import { z } from 'zod';
import { labStackName, learnerAccount } from '@/lib/accounts/learner-account';
import { explainAwsError } from '@/lib/aws/errors';
import { clientsForAccount } from '@/lib/aws/for-account';
import { translator } from '@/lib/i18n/messages';
import { requestLocale } from '@/lib/i18n/request-locale';
import { stageIds } from '@/lib/labs/types';
import { getStore } from '@/lib/progress';
import { currentClient } from '@/lib/security/current-request';
import { limits } from '@/lib/security/limits';
import { isAwsServiceError, plainFailure } from '@/lib/security/plain-failure';
import { describeWait, RateLimitedError } from '@/lib/security/rate-limit';
import { currentLearnerId } from '@/lib/session/current-learner';
import { type ChangeSetPreview, currentStack, executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { discardPreview } from '@/lib/stacks/discard-preview';
import { StackError } from '@/lib/stacks/errors';
import { deleteStack } from '@/lib/stacks/follow';
import { launchTemplateName, readLabTemplate } from '@/lib/stacks/lab-template';
import { preflight } from '@/lib/stacks/preflight';
import { recordStackOperation } from '@/lib/stacks/record-operation';
import { findSurvivors, type Survivor } from '@/lib/stacks/survivors';
import { assertDeployable, MAX_TEMPLATE_BYTES, TemplateDraftError } from '@/lib/stacks/template-draft';

export type StackActionResult<T = undefined> =
  | { ok: true; value: T; startedAt: string }
  | { ok: false; code: string; message: string };

async function context(options: { limited?: boolean } = {}) {
  const learnerId = await currentLearnerId();
  if (!learnerId) {
    throw new StackError(
      'not-found',
      'No learner session. Reload the page.',
      '학습자 세션이 없습니다. 페이지를 새로 고치세요.',
    );
  }
  if (options.limited) {
    // Change sets and deploys per learner and per client address: each one costs AWS calls or sandbox work.
    const { address } = await currentClient();
    const { deploy, deployByAddress } = limits();
    const wait = [deploy.take(learnerId), deployByAddress.take(address)].find((v) => !v.ok);
    if (wait) {
      const message = `Too many launches in a minute. Try again in ${describeWait(wait.retryAfterMs)}.`;
      throw new RateLimitedError(message, wait.retryAfterMs);
    }
  }
  const store = await getStore();
  const account = await learnerAccount(store, learnerId);
  const clients = clientsForAccount(account, { region: account.regions[0] ?? 'us-east-1' });
  return { learnerId, store, clients, stackName: labStackName(learnerId) };
}

/** What went wrong, in the language of the page that asked (the proxy tells: lib/i18n/request-locale.ts). */
async function failure(err: unknown): Promise<{ ok: false; code: string; message: string }> {
  const locale = await requestLocale();
  if (err instanceof StackError) return { ok: false, code: err.code, message: err.in(locale) };
  if (err instanceof RateLimitedError) {
    const wait = describeWait(err.retryAfterMs, locale);
    return { ok: false, code: 'throttled', message: translator(locale)('stack.error.tooManyLaunches', { wait }) };
  }
  if (err instanceof TemplateDraftError) return { ok: false, code: 'invalid-template', message: err.localized[locale] };
  const plain = explainAwsError(err);
  // Not from AWS and not ours (a failed database write, a bug): no SQL or stack trace for the learner.
  if (plain.kind === 'other' && !isAwsServiceError(err)) {
    return { ok: false, code: 'server-error', message: plainFailure('stack action', err).message };
  }
  return { ok: false, code: plain.kind, message: plain.reason[locale] };
}

/** Create the change set for the stage's template and return its preview; nothing changes yet. */
export async function previewLaunch(raw: unknown): Promise<StackActionResult<ChangeSetPreview>> {
  const parsed = z
    .object({
      stageId: z.enum(stageIds),
      templateBody: z
        .string()
        .max(MAX_TEMPLATE_BYTES * 2)
        .optional(),
      /** Lab rules the learner chose to deploy against (a "make it fail" exercise). */
      acknowledge: z.array(z.string().max(64)).max(10).default([]),
    })
    .safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid', message: 'Unknown stage or template too large.' };
  try {
    const { clients, stackName } = await context({ limited: true });
    // The learner's edited template (from the editor) is validated before anything reaches AWS.
    if (parsed.data.templateBody !== undefined) {
      await assertDeployable(parsed.data.templateBody, parsed.data.acknowledge);
    }
    const templateBody = parsed.data.templateBody ?? (await readLabTemplate(parsed.data.stageId));
    // On a real account, check for room (VPCs, Elastic IPs) and permissions before anything is created.
    if (clients.account.kind !== 'sandbox') {
      const exists = Boolean(await currentStack(clients, stackName));
      const check = await preflight(clients, templateBody, exists);
      if (check.problems.length) {
        const locale = await requestLocale();
        const message = check.problems.map((p) => (locale === 'ko' ? p.ko : p.message)).join(' ');
        return { ok: false, code: 'preflight', message };
      }
    }
    const preview = await prepareChangeSet({
      clients,
      stackName,
      templateBody,
      tags: { 'scalelab:stage': parsed.data.stageId },
    });
    return { ok: true, value: preview, startedAt: new Date().toISOString() };
  } catch (err) {
    return failure(err);
  }
}

/** Execute a previewed change set and record the operation; the page follows the events over SSE. */
export async function executeLaunch(raw: unknown): Promise<StackActionResult> {
  const parsed = z
    .object({
      stageId: z.enum(stageIds),
      changeSetId: z.string().min(1).max(2048),
      type: z.enum(['CREATE', 'UPDATE']),
      source: z.enum(['template', 'editor']).default('template'),
    })
    .safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid', message: 'Invalid change set.' };
  try {
    const { learnerId, store, clients, stackName } = await context({ limited: true });
    const startedAt = new Date(Date.now() - 1000).toISOString();
    try {
      await executeChangeSet(clients, stackName, parsed.data.changeSetId);
    } catch (err) {
      // Executed already (a second click, another tab) or expired: nothing went wrong with the stack itself.
      if ((err as { name?: string }).name === 'ChangeSetNotFoundException') {
        return { ok: false, code: 'change-set-gone', message: 'This change set was already deployed or has expired.' };
      }
      throw err;
    }
    await recordStackOperation({
      store,
      clients,
      learnerId,
      stageId: parsed.data.stageId,
      stackName,
      operation: parsed.data.type === 'CREATE' ? 'create' : 'update',
      source: parsed.data.source === 'editor' ? 'editor' : launchTemplateName(parsed.data.stageId),
      since: new Date(startedAt),
    });
    return { ok: true, value: undefined, startedAt };
  } catch (err) {
    return failure(err);
  }
}

/** Cancel a preview: its change set goes, and a first launch's REVIEW_IN_PROGRESS stack with it. */
export async function cancelLaunch(raw: unknown): Promise<StackActionResult> {
  const parsed = z.object({ changeSetId: z.string().min(1).max(2048) }).safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid', message: 'Invalid change set.' };
  try {
    const { clients, stackName } = await context();
    await discardPreview(clients, stackName, parsed.data.changeSetId);
    return { ok: true, value: undefined, startedAt: new Date().toISOString() };
  } catch (err) {
    return failure(err);
  }
}

export async function deleteLabStack(raw: unknown): Promise<StackActionResult> {
  const parsed = z.object({ stageId: z.enum(stageIds) }).safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid', message: 'Unknown stage.' };
  try {
    const { learnerId, store, clients, stackName } = await context();
    const startedAt = new Date(Date.now() - 1000).toISOString();
    await deleteStack(clients, stackName);
    await recordStackOperation({
      store,
      clients,
      learnerId,
      stageId: parsed.data.stageId,
      stackName,
      operation: 'delete',
      source: 'delete',
      since: new Date(startedAt),
    });
    return { ok: true, value: undefined, startedAt };
  } catch (err) {
    return failure(err);
  }
}

/** After a delete: what is still tagged for this learner's lab in the region (the survivor check). */
export async function listSurvivors(): Promise<StackActionResult<{ region: string; survivors: Survivor[] }>> {
  try {
    const { clients, stackName } = await context();
    const survivors = await findSurvivors(clients, stackName);
    return { ok: true, value: { region: clients.region, survivors }, startedAt: new Date().toISOString() };
  } catch (err) {
    return failure(err);
  }
}
