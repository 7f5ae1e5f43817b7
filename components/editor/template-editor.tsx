'use client';

import type { EditorView } from '@codemirror/view';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { DEPLOY_DRAFT_EVENT, type DraftDetail, type SnippetRequest } from '@/components/stacks/events';
import { OVERRIDABLE_RULES } from '@/lib/cfn/overridable';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { hoverTarget } from '@/lib/stacks/hover-target';
import { lineDiff } from '@/lib/stacks/line-diff';
import { describeSpec, type EditorDiagnostic, lintTemplate } from './actions';
import { DiffView } from './diff-view';
import { SolutionPanel } from './solution-panel';

interface Props {
  locale: Locale;
  /** The stage whose templates the editor offers (download, reference solution). */
  stageId: string;
  /** Where the draft is kept in this browser (per learner stack and stage). */
  storageKey: string;
  /** What the editor opens with when there is no draft: the deployed template, else the start template. */
  initial: string;
  initialSource: 'deployed' | 'start';
  /** The stage's start template: reset target and diff base. */
  start: string;
  /** A lab snippet to merge into the draft once the editor is ready (`n` counts the requests). */
  snippet?: (SnippetRequest & { n: number }) | null;
}

/**
 * CodeMirror 6 with YAML, diagnostics from lib/cfn as you type (debounced, on the server), the draft kept in the
 * browser, a diff against the start template, and "Preview deploy", which hands the draft to the stack card's change-set
 * preview. CodeMirror is loaded only when the editor is opened, so the lab page stays light.
 */
export function TemplateEditor({ locale, stageId, storageKey, initial, initialSource, start, snippet }: Props) {
  const t = translator(locale);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [ready, setReady] = useState(false);
  const [text, setText] = useState(initial);
  const [problems, setProblems] = useState<EditorDiagnostic[] | null>(null);
  const [lintError, setLintError] = useState<string | null>(null);
  const [showDiff, setShowDiff] = useState(false);
  const keysHelpId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is created once per mount.
  useEffect(() => {
    let destroyed = false;
    const saved = window.localStorage.getItem(storageKey);
    const doc = saved ?? initial;
    setText(doc);
    (async () => {
      const [
        { basicSetup, EditorView },
        { yaml },
        { linter, lintGutter },
        { keymap, hoverTooltip },
        { indentWithTab },
        { Prec },
      ] = await Promise.all([
        import('codemirror'),
        import('@codemirror/lang-yaml'),
        import('@codemirror/lint'),
        import('@codemirror/view'),
        import('@codemirror/commands'),
        import('@codemirror/state'),
      ]);
      if (destroyed || !host.current) return;
      const cfnLint = linter(
        async (v) => {
          const res = await lintTemplate({ body: v.state.doc.toString(), locale });
          if (!res.ok) {
            setLintError(res.message);
            setProblems([]);
            return [];
          }
          setLintError(null);
          setProblems(res.diagnostics);
          return res.diagnostics.map((d) => {
            const line = v.state.doc.line(Math.min(Math.max(d.line, 1), v.state.doc.lines));
            const from = Math.min(line.from + Math.max(d.column - 1, 0), line.to);
            return { from, to: Math.max(from + 1, line.to), severity: d.severity, source: d.rule, message: d.message };
          });
        },
        { delay: 600 },
      );
      // Hover docs from the CloudFormation spec (a resource type, or a property of one), asked of the server.
      const specHover = hoverTooltip(async (v, pos) => {
        const line = v.state.doc.lineAt(pos);
        const target = hoverTarget(v.state.doc.toString(), line.number, pos - line.from);
        if (!target) return null;
        const doc = await describeSpec(target);
        if (!doc) return null;
        return {
          pos,
          above: true,
          create: () => {
            const dom = document.createElement('div');
            dom.className = 'max-w-md p-2 text-xs leading-5';
            dom.setAttribute('data-spec-doc', doc.title);
            const title = document.createElement('p');
            title.className = 'font-mono font-semibold';
            const facts = [
              doc.required === undefined ? '' : t(doc.required ? 'editor.required' : 'editor.optional'),
              doc.replacement ? t('editor.replacement', { value: doc.replacement }) : '',
            ].filter(Boolean);
            title.textContent = facts.length ? `${doc.title} · ${facts.join(' · ')}` : doc.title;
            const body = document.createElement('p');
            body.textContent = doc.documentation;
            dom.append(title, body);
            if (doc.attributes?.length) {
              const attrs = document.createElement('p');
              attrs.className = 'font-mono';
              attrs.textContent = t('editor.attributes', { list: doc.attributes.join(', ') });
              dom.append(attrs);
            }
            return { dom };
          },
        };
      });
      view.current = new EditorView({
        parent: host.current,
        doc,
        extensions: [
          basicSetup,
          yaml(),
          cfnLint,
          lintGutter(),
          specHover,
          // Above basicSetup's keymap, where Mod-Enter would insert a blank line.
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: () => {
                  previewDraft();
                  return true;
                },
              },
            ]),
          ),
          // Tab indents (YAML is indentation); Escape, then Tab, leaves the editor (CodeMirror's focus escape).
          keymap.of([indentWithTab]),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            const value = u.state.doc.toString();
            setText(value);
            window.localStorage.setItem(storageKey, value);
          }),
          EditorView.theme({ '&': { height: '28rem', fontSize: '13px' }, '.cm-scroller': { overflow: 'auto' } }),
          EditorView.contentAttributes.of({ 'aria-label': t('editor.title'), 'aria-describedby': keysHelpId }),
        ],
      });
      setReady(true);
    })();
    return () => {
      destroyed = true;
      view.current?.destroy();
      view.current = null;
    };
  }, []);

  // "Add to my template" from a lab snippet: merged into its section (lib/stacks/merge-snippet, loaded on use).
  const [snippetNote, setSnippetNote] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: apply each request once, when the editor is ready.
  useEffect(() => {
    const v = view.current;
    if (!ready || !snippet || !v) return;
    void import('@/lib/stacks/merge-snippet').then(({ mergeSnippet, removeSnippet }) => {
      const merged = (snippet.mode === 'remove' ? removeSnippet : mergeSnippet)(v.state.doc.toString(), snippet.text);
      if (!merged.ok) {
        setSnippetNote(t('editor.snippetNotEntries'));
        return;
      }
      const line = v.state.doc.lines >= merged.firstLine ? merged.firstLine : 1;
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: merged.text } });
      const at = v.state.doc.line(Math.min(line, v.state.doc.lines)).from;
      v.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      v.focus();
      setSnippetNote(
        snippet.mode === 'remove'
          ? t('editor.snippetRemoved', { ids: merged.replaced.join(', ') || '—', line })
          : t('editor.snippetAdded', {
              added: merged.added.join(', '),
              replaced: merged.replaced.length
                ? t('editor.snippetReplacedPrefix', { ids: merged.replaced.join(', ') })
                : '',
              line,
            }),
      );
    });
  }, [ready, snippet?.n]);

  function previewDraft() {
    const body = view.current?.state.doc.toString() ?? text;
    // Only lab advice stands in the way (a "make it fail" exercise): say why, and go on if the learner agrees.
    const advice = (problems ?? []).filter((p) => p.severity === 'error' && OVERRIDABLE_RULES.has(p.rule));
    if (
      advice.length &&
      !window.confirm(t('editor.overrideConfirm', { reasons: advice.map((p) => p.message).join('\n') }))
    ) {
      return;
    }
    const detail: DraftDetail = { body, acknowledge: [...new Set(advice.map((p) => p.rule))] };
    window.dispatchEvent(new CustomEvent(DEPLOY_DRAFT_EVENT, { detail }));
  }

  function reset() {
    if (!window.confirm(t('editor.resetConfirm'))) return;
    const v = view.current;
    v?.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: start } });
    window.localStorage.removeItem(storageKey);
  }

  const errors = problems?.filter((p) => p.severity === 'error').length ?? 0;
  // Errors AWS would refuse block the deploy; lab advice the learner may override does not.
  const blocking = problems?.filter((p) => p.severity === 'error' && !OVERRIDABLE_RULES.has(p.rule)).length ?? 0;
  const warnings = (problems?.length ?? 0) - errors;
  const diff = useMemo(() => (showDiff ? lineDiff(start, text) : []), [showDiff, start, text]);

  return (
    <div data-template-editor>
      <p className="text-xs text-slate-500">
        {t('editor.from', { source: t(initialSource === 'deployed' ? 'editor.fromDeployed' : 'editor.fromStart') })} ·{' '}
        {t('editor.draft')}
      </p>
      <div
        ref={host}
        className="mt-2 overflow-hidden rounded-lg border border-slate-300 dark:border-slate-600"
        data-ready={ready}
      >
        {!ready && <p className="p-4 text-sm text-slate-500">{t('editor.loading')}</p>}
      </div>
      <p id={keysHelpId} className="mt-1 text-xs text-slate-500" data-editor-keys>
        {t('editor.keys')}
      </p>
      <p role="status" aria-live="polite" className="mt-1 text-sm text-brand-700 dark:text-brand-100" data-snippet-note>
        {snippetNote}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={previewDraft}
          disabled={!ready || blocking > 0}
          title={blocking > 0 ? t('editor.blocked') : errors > 0 ? t('editor.overridable') : undefined}
          className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
        >
          {t('editor.preview')} <kbd className="ml-1 text-xs opacity-80">Ctrl+Enter</kbd>
        </button>
        <button
          type="button"
          onClick={() => setShowDiff((s) => !s)}
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
          aria-expanded={showDiff}
        >
          {showDiff ? t('editor.hideDiff') : t('editor.showDiff')}
        </button>
        <button
          type="button"
          onClick={reset}
          disabled={!ready}
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
        >
          {t('editor.reset')}
        </button>
        <span role="status" aria-live="polite" className="text-sm" data-lint-status={problems ? errors : 'pending'}>
          {lintError ? (
            <span className="text-red-700 dark:text-red-300">{lintError}</span>
          ) : problems === null ? (
            t('editor.checking')
          ) : problems.length === 0 ? (
            t('editor.clean')
          ) : (
            <span className={errors ? 'text-red-700 dark:text-red-300' : 'text-amber-700 dark:text-amber-300'}>
              {t('editor.problems', { errors, warnings })}
            </span>
          )}
        </span>
      </div>
      {problems && problems.length > 0 && (
        <ul className="mt-2 max-h-40 space-y-0.5 overflow-y-auto font-mono text-xs" data-problems>
          {problems.map((p, i) => (
            <li
              key={i}
              className={
                p.severity === 'error' ? 'text-red-700 dark:text-red-300' : 'text-amber-800 dark:text-amber-300'
              }
            >
              {p.line}:{p.column} {t(`editor.severity.${p.severity}`)} {p.rule} — {p.message}
            </li>
          ))}
        </ul>
      )}
      {showDiff && <DiffView lines={diff} empty={t('editor.noChanges')} label={t('editor.showDiff')} />}
      <SolutionPanel locale={locale} stageId={stageId} draft={text} />
    </div>
  );
}
