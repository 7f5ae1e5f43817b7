'use server';

import { z } from 'zod';
import { labStackName, learnerAccount } from '@/lib/accounts/learner-account';
import type { AwsClients } from '@/lib/aws/clients';
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
import { isPairTemplate } from '@/lib/stacks/pair';
import { type PairPreview, planPairDeletion, previewPair } from '@/lib/stacks/pair-launch';
import { preflight } from '@/lib/stacks/preflight';
import { recordStackOperation } from '@/lib/stacks/record-operation';
import { isTwoRegionStage, secondRegionProblem, secondRegionSchema } from '@/lib/stacks/second-region';
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

/** Stage 06's second region, as the card sent it: a region name (zod), then the pair's rules (second-region.ts). */
const pairInput = z
  .object({
    secondRegion: secondRegionSchema,
    target: z.enum(['primary', 'secondary']).default('secondary'),
    /** A public hosted zone the learner owns, for the failover records (the template's HostedZoneId pattern). */
    hostedZoneId: z
      .string()
      .trim()
      .regex(/^(\/hostedzone\/)?(Z[A-Z0-9]{1,31})?$/, 'is not a Route 53 hosted zone ID (like Z0123456789ABCDEFGHIJ)')
      .optional(),
  })
  .optional();

/** The second region's clients, or the reason the region cannot take the pair. */
function secondClients(clients: AwsClients, secondRegion: string): AwsClients {
  const problem = secondRegionProblem(clients.account, clients.region, secondRegion);
  if (problem) throw new StackError(problem.code, problem.message);
  return clients.forRegion(secondRegion);
}

const invalidPair = (error: z.ZodError) =>
  ({
    ok: false,
    code: 'second-region-invalid',
    message: error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '),
  }) as const;

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
export async function previewLaunch(
  raw: unknown,
): Promise<
  StackActionResult<ChangeSetPreview & Partial<Pick<PairPreview, 'region' | 'target' | 'secondaryUnchanged'>>>
> {
  const parsed = z
    .object({
      stageId: z.enum(stageIds),
      templateBody: z
        .string()
        .max(MAX_TEMPLATE_BYTES * 2)
        .optional(),
      /** Lab rules the learner chose to deploy against (a "make it fail" exercise). */
      acknowledge: z.array(z.string().max(64)).max(10).default([]),
      pair: pairInput,
    })
    .safeParse(raw);
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === 'pair')) return invalidPair(parsed.error);
    return { ok: false, code: 'invalid', message: 'Unknown stage or template too large.' };
  }
  try {
    const { clients, stackName } = await context({ limited: true });
    // The learner's edited template (from the editor) is validated before anything reaches AWS.
    if (parsed.data.templateBody !== undefined) {
      await assertDeployable(parsed.data.templateBody, parsed.data.acknowledge);
    }
    const templateBody = parsed.data.templateBody ?? (await readLabTemplate(parsed.data.stageId));
    const pair = parsed.data.pair;
    // Stage 06 with a template that takes part in a pair (it declares Role): secondary first, then the primary.
    if (pair && isTwoRegionStage(parsed.data.stageId) && isPairTemplate(templateBody)) {
      secondClients(clients, pair.secondRegion);
      const preview = await previewPair({
        primary: clients,
        secondRegion: pair.secondRegion,
        stackName,
        templateBody,
        tags: { 'scalelab:stage': parsed.data.stageId },
        target: pair.target,
        ...(pair.hostedZoneId ? { hostedZoneId: pair.hostedZoneId } : {}),
      });
      return { ok: true, value: preview, startedAt: new Date().toISOString() };
    }
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
      pair: pairInput,
    })
    .safeParse(raw);
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === 'pair')) return invalidPair(parsed.error);
    return { ok: false, code: 'invalid', message: 'Invalid change set.' };
  }
  try {
    const base = await context({ limited: true });
    const { learnerId, store, stackName } = base;
    const pair = isTwoRegionStage(parsed.data.stageId) ? parsed.data.pair : undefined;
    // The change set lives in the region it was made in: the secondary's in the second region.
    const second = pair ? secondClients(base.clients, pair.secondRegion) : undefined;
    const clients = pair?.target === 'secondary' && second ? second : base.clients;
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
      ...(pair ? { secondRegion: pair.secondRegion } : {}),
    });
    return { ok: true, value: undefined, startedAt };
  } catch (err) {
    return failure(err);
  }
}

/** Cancel a preview: its change set goes, and a first launch's REVIEW_IN_PROGRESS stack with it. */
export async function cancelLaunch(raw: unknown): Promise<StackActionResult> {
  const parsed = z.object({ changeSetId: z.string().min(1).max(2048), pair: pairInput }).safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid', message: 'Invalid change set.' };
  try {
    const { clients: primary, stackName } = await context();
    const pair = parsed.data.pair;
    const clients = pair?.target === 'secondary' ? secondClients(primary, pair.secondRegion) : primary;
    await discardPreview(clients, stackName, parsed.data.changeSetId);
    return { ok: true, value: undefined, startedAt: new Date().toISOString() };
  } catch (err) {
    return failure(err);
  }
}

/**
 * Delete the lab stack. Stage 06's pair: the primary now and, once it is gone, the secondary (the server chains it:
 * record-operation.ts); `regions` says which regions' deletions the page follows, in order.
 */
export async function deleteLabStack(raw: unknown): Promise<StackActionResult<{ regions: string[] }>> {
  const parsed = z.object({ stageId: z.enum(stageIds), secondRegion: secondRegionSchema.optional() }).safeParse(raw);
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === 'secondRegion')) return invalidPair(parsed.error);
    return { ok: false, code: 'invalid', message: 'Unknown stage.' };
  }
  try {
    const { learnerId, store, clients: primary, stackName } = await context();
    const secondRegion = isTwoRegionStage(parsed.data.stageId) ? parsed.data.secondRegion : undefined;
    if (secondRegion) secondClients(primary, secondRegion);
    const plan = secondRegion
      ? await planPairDeletion(primary, secondRegion, stackName)
      : { first: primary, after: [] };
    const clients = plan.first ?? primary;
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
      ...(secondRegion ? { secondRegion, thenDelete: plan.after } : {}),
    });
    const regions = [clients.region, ...plan.after.filter((t) => t.stackName === stackName).map((t) => t.region)];
    return { ok: true, value: { regions }, startedAt };
  } catch (err) {
    return failure(err);
  }
}

/** After a delete: what is still tagged for this learner's lab in the region (the survivor check). */
export async function listSurvivors(
  raw: unknown = {},
): Promise<StackActionResult<{ regions: { region: string; survivors: Survivor[] }[] }>> {
  const parsed = z.object({ secondRegion: secondRegionSchema.optional() }).safeParse(raw ?? {});
  if (!parsed.success) return invalidPair(parsed.error);
  try {
    const { clients, stackName } = await context();
    // Stage 06's pair: the second region too (the same stack name, the same tag).
    const all = parsed.data.secondRegion ? [clients, secondClients(clients, parsed.data.secondRegion)] : [clients];
    const regions = await Promise.all(
      all.map(async (c) => ({ region: c.region, survivors: await findSurvivors(c, stackName) })),
    );
    return { ok: true, value: { regions }, startedAt: new Date().toISOString() };
  } catch (err) {
    return failure(err);
  }
}
