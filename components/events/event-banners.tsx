import { broadcastFor } from '@/lib/events/broadcast';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { currentLearnerId } from '@/lib/session/current-learner';
import { BroadcastBanner } from './broadcast-banner';
import { CleanupBanner } from './cleanup-banner';

/**
 * What the learner's instructor tells them: the room's message and a notice when their progress was changed for them
 * (both kept current on an open page), then the clean-up reminder.
 */
export async function EventBanners({ locale }: { locale: Locale }) {
  const { inEvent, notice, overrides } = await broadcastFor(await currentLearnerId());
  const t = translator(locale);
  return (
    <>
      <BroadcastBanner
        poll={inEvent}
        overrides={overrides}
        initial={notice ? { eventName: notice.eventName, message: notice.message, at: notice.at.toISOString() } : null}
        labels={{
          title: t('event.broadcast.banner.title'),
          changed: t('event.progressChanged'),
          reload: t('event.progressChanged.reload'),
        }}
      />
      <CleanupBanner locale={locale} />
    </>
  );
}
