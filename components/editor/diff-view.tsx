import type { DiffLine } from '@/lib/stacks/line-diff';

/** Added and removed lines with two lines of context around each change; `empty` when nothing differs. */
export function DiffView({ lines, empty, label }: { lines: DiffLine[]; empty: string; label: string }) {
  const changed = lines.some((l) => l.kind !== 'same');
  return (
    <figure className="mt-2">
      <figcaption className="sr-only">{label}</figcaption>
      <pre className="max-h-72 overflow-auto rounded-lg bg-slate-50 p-2 text-xs dark:bg-slate-900" data-diff>
        {changed
          ? lines
              .filter(
                (l, i, all) => l.kind !== 'same' || all.slice(Math.max(0, i - 2), i + 3).some((n) => n.kind !== 'same'),
              )
              .map((l, i) => (
                <div
                  key={i}
                  className={
                    l.kind === 'add'
                      ? 'bg-emerald-100 dark:bg-emerald-900/40'
                      : l.kind === 'remove'
                        ? 'bg-red-100 dark:bg-red-900/40'
                        : ''
                  }
                >
                  {l.kind === 'add' ? '+ ' : l.kind === 'remove' ? '- ' : '  '}
                  {l.text}
                </div>
              ))
          : empty}
      </pre>
    </figure>
  );
}
