import { diagrams } from '@/components/diagrams';
import type { Locale } from '@/lib/i18n/locales';

/** `<Diagram name="one-box" />`: an inline SVG component from components/diagrams (no remote images). */
export function Diagram({ name, locale }: { name: string; locale: Locale }) {
  const Component = (diagrams as Record<string, (p: { locale: Locale }) => React.ReactNode>)[name];
  if (!Component) throw new Error(`Unknown diagram "${name}" (components/diagrams/index.ts).`);
  return (
    <figure className="my-6 overflow-x-auto rounded-xl border border-slate-200 p-4 dark:border-slate-700">
      <Component locale={locale} />
    </figure>
  );
}
