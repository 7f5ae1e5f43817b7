'use client';

import { type ComponentProps, useRef, useState } from 'react';
import { INSERT_SNIPPET_EVENT, type SnippetRequest } from '@/components/stacks/events';

/**
 * Shiki's highlighted <pre>, with a copy button that copies exactly the code shown (its indentation, and a final
 * newline so a pasted block does not join the next line) and, for template entries, "Add to my template", which
 * opens the editor and merges the entries into their section (components/editor).
 */
export function CodeBlock({
  copyLabel,
  copiedLabel,
  snippet,
  ...props
}: ComponentProps<'pre'> & {
  copyLabel: string;
  copiedLabel: string;
  snippet?: { mode: 'add' | 'remove'; label: string };
}) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  const text = () => `${(ref.current?.textContent ?? '').replace(/\s+$/, '')}\n`;
  async function copy() {
    await navigator.clipboard.writeText(text());
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }
  return (
    <div className="group relative my-4">
      <pre ref={ref} {...props} />
      <button
        type="button"
        onClick={copy}
        className="absolute top-2 right-2 rounded border border-slate-300 bg-white/90 px-2 py-1 text-xs text-slate-700 opacity-80 hover:opacity-100 focus:opacity-100 dark:border-slate-600 dark:bg-slate-800/90 dark:text-slate-200"
      >
        <span aria-live="polite">{copied ? copiedLabel : copyLabel}</span>
      </button>
      {snippet && (
        <button
          type="button"
          onClick={() =>
            window.dispatchEvent(
              new CustomEvent<SnippetRequest>(INSERT_SNIPPET_EVENT, { detail: { text: text(), mode: snippet.mode } }),
            )
          }
          className="absolute top-2 right-20 rounded border border-brand-600 bg-white/90 px-2 py-1 text-xs text-brand-700 opacity-80 hover:opacity-100 focus:opacity-100 dark:bg-slate-800/90 dark:text-brand-100"
          data-snippet-action={snippet.mode}
        >
          {snippet.label}
        </button>
      )}
    </div>
  );
}
