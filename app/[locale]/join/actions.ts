'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { joinEvent } from '@/lib/events/events';
import { locales } from '@/lib/i18n/locales';
import type { MessageKey } from '@/lib/i18n/messages';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import { currentClient } from '@/lib/security/current-request';
import { limits } from '@/lib/security/limits';
import { plainFailure } from '@/lib/security/plain-failure';
import { currentLearnerId } from '@/lib/session/current-learner';

/** What the form shows after a refusal: the reason, and what was typed (React resets a form after its action). */
export type JoinState = { error?: MessageKey; seconds?: number; values?: { code: string; displayName: string } };

const errors = {
  invalid: 'join.error.invalid',
  'unknown-code': 'join.error.unknownCode',
  ended: 'join.error.ended',
  name: 'join.error.name',
} as const satisfies Record<string, MessageKey>;

/** Join with a code and a display name: the current anonymous learner is enrolled, then lands on the journey. */
export async function joinAction(locale: unknown, _prev: JoinState, form: FormData): Promise<JoinState> {
  const lang = z.enum(locales).parse(locale);
  const typed = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.slice(0, 200) : '';
  };
  const values = { code: typed('code'), displayName: typed('displayName') };
  const learnerId = await currentLearnerId();
  if (!learnerId) return { error: 'join.error.failed', values };
  // Wrong codes cost growing delays per client address and per learner, so codes cannot be guessed at speed.
  const { address } = await currentClient();
  const { joinByAddress, joinByLearner } = limits();
  const wait = [joinByAddress.check(address), joinByLearner.check(learnerId)].find((v) => !v.ok);
  if (wait) return { error: 'join.error.tooMany', seconds: Math.ceil(wait.retryAfterMs / 1000), values };
  let result: Awaited<ReturnType<typeof joinEvent>>;
  try {
    result = await joinEvent(await getInstructorStore(), learnerId, {
      code: form.get('code'),
      displayName: form.get('displayName'),
    });
  } catch (err) {
    plainFailure('join', err);
    return { error: 'join.error.failed' };
  }
  if (!result.ok) {
    if (result.error === 'unknown-code' || result.error === 'invalid') {
      joinByAddress.fail(address);
      joinByLearner.fail(learnerId);
    }
    return { error: errors[result.error], values };
  }
  redirect(`/${lang}`);
}
