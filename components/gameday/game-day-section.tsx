import { drillsForStage } from '@/lib/gameday/drills';
import type { Locale } from '@/lib/i18n/locales';
import type { LabMeta } from '@/lib/labs/types';
import { GameDayPanel } from './game-day-panel';

/** The lab page's game-day panel, for stage 02 and later: the stage's drills in the page's language. */
export function GameDaySection({ lab, locale, real }: { lab: LabMeta; locale: Locale; real?: boolean }) {
  const drills = drillsForStage(lab.order).map((d) => ({
    id: d.id,
    title: d.title[locale],
    summary: d.summary[locale],
    seconds: d.seconds,
    realAws: d.realAws,
  }));
  if (!drills.length) return null;
  return <GameDayPanel stageId={lab.id} locale={locale} drills={drills} real={real} />;
}
