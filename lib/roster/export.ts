import { stageIds } from '@/lib/labs/types';
import { buildRoster, currentRuns, type RosterData, storedResults } from './roster';

/** The event's progress and check results: one entry per learner, each enabled stage with its latest run. */
export function rosterJson(data: RosterData, now = new Date()) {
  const roster = buildRoster(data, now);
  const runs = new Map(currentRuns(data).map((r) => [`${r.learnerId}/${r.stageId}`, r]));
  return {
    event: roster.event,
    generatedAt: roster.generatedAt,
    summary: roster.summary,
    mostFailed: roster.mostFailed.map(({ checkId, stageId, learners }) => ({ checkId, stageId, learners })),
    learners: roster.rows.map((row) => ({
      learnerId: row.learnerId,
      displayName: row.displayName,
      joinedAt: row.joinedAt,
      account: row.account,
      currentStage: row.currentStage,
      lastActivity: row.lastActivity,
      stack: row.stack,
      stages: stageIds
        .filter((s) => s in row.stages)
        .map((stageId) => {
          const run = runs.get(`${row.learnerId}/${stageId}`);
          return {
            stageId,
            status: row.stages[stageId],
            lastRun: run
              ? {
                  id: run.id,
                  status: run.status,
                  error: run.error,
                  startedAt: run.startedAt.toISOString(),
                  finishedAt: run.finishedAt?.toISOString() ?? null,
                  results: storedResults(run).map((r) => ({
                    id: r.id,
                    severity: r.severity ?? null,
                    status: r.status,
                    message: r.message?.en ?? null,
                  })),
                }
              : null,
          };
        }),
    })),
  };
}

export const CSV_COLUMNS = [
  'row',
  'learner_id',
  'display_name',
  'account',
  'stage',
  'stage_status',
  'run_status',
  'run_started_at',
  'run_finished_at',
  'check_id',
  'severity',
  'check_status',
  'message',
  'stages_completed',
  'failing_required_checks',
  'stack_status',
] as const;

/** Excel reads a CSV as UTF-8 (Korean names, 스테이지) only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV cell. Quoted when needed; a value a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed
 * with an apostrophe, since display names are typed by learners.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

type LearnerJson = ReturnType<typeof rosterJson>['learners'][number];

/**
 * A learner's summary row (`row` = learner): where they are (their current stage and its latest run), how many
 * enabled stages they completed, the required checks failing in that run, and their lab stack's last known status.
 */
function summaryCells(learner: LearnerJson): (string | number | null | undefined)[] {
  const current = learner.stages.find((s) => s.stageId === learner.currentStage);
  const run = current?.lastRun;
  const failing = run?.results.filter((r) => r.severity === 'required' && r.status === 'fail').map((r) => r.id) ?? [];
  const done = learner.stages.filter((s) => s.status === 'completed').length;
  const stack = learner.stack
    ? `${learner.stack.status} (${learner.stack.operation}${learner.stack.stageId ? `, ${learner.stack.stageId}` : ''})`
    : '';
  return [
    'learner',
    learner.learnerId,
    learner.displayName,
    learner.account.masked,
    learner.currentStage ?? '',
    current?.status ?? 'all completed',
    run?.status,
    run?.startedAt,
    run?.finishedAt,
    '',
    '',
    '',
    run?.error ?? '',
    `${done}/${learner.stages.length}`,
    failing.join(' '),
    stack,
  ];
}

/**
 * One summary row per learner, then one row per learner × enabled stage × check of that stage's latest run (a stage
 * never run gets one row). UTF-8 with a byte-order mark and CRLF line ends, so Excel opens it as it is.
 */
export function rosterCsv(data: RosterData, now = new Date()): string {
  const json = rosterJson(data, now);
  const lines = [CSV_COLUMNS.join(',')];
  for (const learner of json.learners) {
    lines.push(summaryCells(learner).map(csvCell).join(','));
    for (const stage of learner.stages) {
      const base = [
        'check',
        learner.learnerId,
        learner.displayName,
        learner.account.masked,
        stage.stageId,
        stage.status,
      ];
      const run = stage.lastRun;
      const runCells = run ? [run.status, run.startedAt, run.finishedAt] : ['', '', ''];
      const checks = run?.results.length ? run.results : [null];
      for (const r of checks) {
        const cells = [...base, ...runCells, r?.id, r?.severity, r?.status, r?.message ?? (r ? '' : run?.error)];
        lines.push([...cells, '', '', ''].map(csvCell).join(','));
      }
    }
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
