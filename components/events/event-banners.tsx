import { broadcastFor } from '@/lib/events/broadcast';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { currentLearnerId } from '@/lib/session/current-learner';
import { BroadcastBanner } from './broadcast-banner';
import { CleanupBanner } from './cleanup-banner';

/** What the learner's instructor tells the room: the broadcast message (kept current), then the clean-up reminder. */
export async function EventBanners({ locale }: { locale: Locale }) {
  const { inEvent, notice } = await broadcastFor(await currentLearnerId());
  const t = translator(locale);
  return (
    <>
      <BroadcastBanner
        poll={inEvent}
        initial={notice ? { eventName: notice.eventName, message: notice.message, at: notice.at.toISOString() } : null}
        title={t('event.broadcast.banner.title')}
      />
      <CleanupBanner locale={locale} />
    </>
  );
}
