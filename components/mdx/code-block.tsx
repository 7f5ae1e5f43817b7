'use client';

import { type ComponentProps, useRef, useState } from 'react';

/** Shiki's highlighted <pre>, with a copy button that copies exactly the code shown. */
export function CodeBlock({
  copyLabel,
  copiedLabel,
  ...props
}: ComponentProps<'pre'> & { copyLabel: string; copiedLabel: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(ref.current?.textContent ?? '');
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
    </div>
  );
}
