import { cleanupReminderFor } from '@/lib/events/reminder';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { currentLearnerId } from '@/lib/session/current-learner';

/** The instructor's "clean up" reminder, shown to an enrolled learner for as long as their lab stack exists. */
export async function CleanupBanner({ locale }: { locale: Locale }) {
  const learnerId = await currentLearnerId();
  const reminder = learnerId ? await cleanupReminderFor(learnerId) : null;
  if (!reminder) return null;
  const t = translator(locale);
  return (
    <div
      role="status"
      data-cleanup-banner
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <p className="font-semibold">{t('event.cleanup.banner.title', { event: reminder.eventName })}</p>
      <p className="mt-1">{t('event.cleanup.banner.body', { stack: reminder.stackName })}</p>
    </div>
  );
}
