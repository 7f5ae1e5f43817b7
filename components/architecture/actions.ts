'use server';

import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';
import { stageIds } from '@/lib/labs/types';
import { getStore } from '@/lib/progress';
import { currentLearnerId } from '@/lib/session/current-learner';
import { ArchitectureView } from './architecture-view';

const input = z.object({ stageId: z.enum(stageIds), locale: z.enum(locales) });

/**
 * The current learner's live diagram of a stage, drawn again from their latest check run (after a run is done).
 * Returns server-rendered markup only (no client components inside), for the LiveDiagram leaf to put in place.
 */
export async function refreshLiveDiagram(raw: unknown) {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return null;
  const learnerId = await currentLearnerId();
  if (!learnerId) return null;
  const store = await getStore();
  const run = await store.latestCheckRun(learnerId, parsed.data.stageId);
  return ArchitectureView({ run: run ?? null, locale: parsed.data.locale, idPrefix: 'live' });
}
