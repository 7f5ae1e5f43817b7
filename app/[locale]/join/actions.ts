'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { joinEvent } from '@/lib/events/events';
import { locales } from '@/lib/i18n/locales';
import type { MessageKey } from '@/lib/i18n/messages';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import { currentLearnerId } from '@/lib/session/current-learner';

export type JoinState = { error?: MessageKey };

const errors = {
  invalid: 'join.error.invalid',
  'unknown-code': 'join.error.unknownCode',
  ended: 'join.error.ended',
  name: 'join.error.name',
} as const satisfies Record<string, MessageKey>;

/** Join with a code and a display name: the current anonymous learner is enrolled, then lands on the journey. */
export async function joinAction(locale: unknown, _prev: JoinState, form: FormData): Promise<JoinState> {
  const lang = z.enum(locales).parse(locale);
  const learnerId = await currentLearnerId();
  if (!learnerId) return { error: 'join.error.failed' };
  const result = await joinEvent(await getInstructorStore(), learnerId, {
    code: form.get('code'),
    displayName: form.get('displayName'),
  });
  if (!result.ok) return { error: errors[result.error] };
  redirect(`/${lang}`);
}
