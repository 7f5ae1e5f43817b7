'use client';

import { type ComponentProps, useState } from 'react';
import { TemplateEditor } from './template-editor';

/** A disclosure that mounts the editor (and loads CodeMirror) only once it is opened. */
export function EditorSection({
  title,
  lead,
  ...editor
}: ComponentProps<typeof TemplateEditor> & { title: string; lead: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      id="template-editor"
      className="mt-6 rounded-xl border border-slate-200 p-4 dark:border-slate-700"
      onToggle={(e) => e.currentTarget.open && setOpened(true)}
    >
      <summary className="cursor-pointer text-lg font-semibold">{title}</summary>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{lead}</p>
      <div className="mt-3">{opened && <TemplateEditor {...editor} />}</div>
    </details>
  );
}
