import { broadcastFor } from '@/lib/events/broadcast';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { currentLearnerId } from '@/lib/session/current-learner';
import { CleanupBanner } from './cleanup-banner';

/** What the learner's instructor tells the room: the broadcast message, then the clean-up reminder. */
export async function EventBanners({ locale }: { locale: Locale }) {
  const learnerId = await currentLearnerId();
  const notice = learnerId ? await broadcastFor(learnerId) : null;
  const t = translator(locale);
  return (
    <>
      {notice && (
        <div
          role="status"
          data-broadcast-banner
          className="mb-6 rounded-lg border border-brand-600 bg-brand-50 px-4 py-3 text-sm text-brand-900 dark:bg-brand-900/40 dark:text-brand-100"
        >
          <p className="font-semibold">{t('event.broadcast.banner.title', { event: notice.eventName })}</p>
          <p className="mt-1">{notice.message}</p>
        </div>
      )}
      <CleanupBanner locale={locale} />
    </>
  );
}
