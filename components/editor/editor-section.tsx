'use client';

import { type ComponentProps, useEffect, useRef, useState } from 'react';
import { INSERT_SNIPPET_EVENT, type SnippetRequest } from '@/components/stacks/events';
import { TemplateEditor } from './template-editor';

/**
 * A disclosure that mounts the editor (and loads CodeMirror) only once it is opened — by the learner, or by a lab
 * snippet's "Add to my template", whose text it hands to the editor.
 */
export function EditorSection({
  title,
  lead,
  ...editor
}: ComponentProps<typeof TemplateEditor> & { title: string; lead: string }) {
  const [opened, setOpened] = useState(false);
  const [snippet, setSnippet] = useState<(SnippetRequest & { n: number }) | null>(null);
  const box = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onSnippet = (e: Event) => {
      const request = (e as CustomEvent<SnippetRequest>).detail;
      if (box.current) box.current.open = true;
      setOpened(true);
      setSnippet((s) => ({ ...request, n: (s?.n ?? 0) + 1 }));
      box.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    };
    window.addEventListener(INSERT_SNIPPET_EVENT, onSnippet);
    return () => window.removeEventListener(INSERT_SNIPPET_EVENT, onSnippet);
  }, []);
  return (
    <details
      ref={box}
      id="template-editor"
      className="mt-6 rounded-xl border border-slate-200 p-4 dark:border-slate-700"
      onToggle={(e) => e.currentTarget.open && setOpened(true)}
    >
      <summary className="cursor-pointer text-lg font-semibold">{title}</summary>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{lead}</p>
      <div className="mt-3">{opened && <TemplateEditor {...editor} snippet={snippet} />}</div>
    </details>
  );
}
