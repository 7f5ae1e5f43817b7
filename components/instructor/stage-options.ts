import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { labs } from '@/lib/labs/registry';

/** Every stage as the event form lists it: "Stage 02 · High availability". */
export function stageOptions(t: Translate, locale: Locale): { id: string; label: string }[] {
  return labs.map((lab) => ({
    id: lab.id,
    label: `${t('stage.label', { n: lab.id.slice(0, 2) })} · ${lab.title[locale]}`,
  }));
}
