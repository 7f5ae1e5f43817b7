import { getCheck } from '@/checkers';
import { sandboxAccountId } from '@/lib/accounts/learner-account';
import { type EventSummary, toEventSummary } from '@/lib/events/events';
import { policyOfEvent, unlockPolicy } from '@/lib/events/policy-rules';
import type { Localized } from '@/lib/i18n/locales';
import { type StageId, stageIds } from '@/lib/labs/types';
import type { StageStatus } from '@/lib/progress';
import type { EnrollmentRow, EventRow, RosterFacts } from '@/lib/progress/instructor-store';
import { quizPassedStages, stageStatuses } from '@/lib/progress/unlock';
import { maskAccountId } from './mask';
import { type LearnerFacts, lastResetAt, onStageSince } from './stage-timeline';

/** The raw material of a roster: the event, who joined, and the stored facts about them. */
export interface RosterData {
  event: EventRow;
  enrollments: EnrollmentRow[];
  facts: RosterFacts;
}

export type LatestRun = RosterFacts['latestRuns'][number];

/** One stored check result as the roster reads it (the shape lib/checks stores). */
export interface StoredResult {
  id: string;
  severity?: 'required' | 'recommended';
  status: 'pass' | 'fail' | 'error' | 'skipped';
  message?: Localized;
}

export interface RunSummary {
  id: string;
  stageId: string;
  status: 'running' | 'finished' | 'failed';
  passed: number;
  failed: number;
  errors: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface RosterRow {
  learnerId: string;
  displayName: string;
  joinedAt: string;
  /** The first enabled stage neither completed nor locked; null once every enabled stage is completed. */
  currentStage: StageId | null;
  stages: Partial<Record<StageId, StageStatus>>;
  completed: number;
  lastRun: RunSummary | null;
  /** The required checks failing in the latest finished run of the current stage, by name. */
  failingRequired: { id: string; title: Localized | null }[];
  /** Since when the learner has been on their current stage without passing it (null once all are completed). */
  onStageSince: string | null;
  stack: { id: string; status: string; operation: string; stageId: string | null; at: string } | null;
  account: { kind: string; masked: string | null };
  lastActivity: string;
}

export interface StageSummary {
  stageId: StageId;
  passed: number;
  total: number;
}

export interface FailedCheck {
  checkId: string;
  stageId: string;
  severity: 'required' | 'recommended';
  title: Localized | null;
  learners: number;
}

export interface Roster {
  event: EventSummary;
  rows: RosterRow[];
  summary: StageSummary[];
  mostFailed: FailedCheck[];
  generatedAt: string;
}

export function storedResults(run: LatestRun): StoredResult[] {
  return (Array.isArray(run.results) ? run.results : []).filter(
    (r): r is StoredResult => typeof r === 'object' && r !== null && 'id' in r && 'status' in r,
  );
}

export function summarizeRun(run: LatestRun): RunSummary {
  const results = storedResults(run);
  return {
    id: run.id,
    stageId: run.stageId,
    status: run.status,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    errors: results.filter((r) => r.status === 'error').length,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

function groupBy<T extends { learnerId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(item.learnerId, [...(out.get(item.learnerId) ?? []), item]);
  return out;
}

const latest = (dates: (Date | null | undefined)[]): Date => new Date(Math.max(...dates.map((d) => d?.getTime() ?? 0)));

/**
 * Each enrolled learner's statuses by the unlock rule and this event's policy (the same rule and policy the
 * learner's own pages use, as long as this is the event they joined last).
 */
export function learnerStatuses(data: RosterData): Map<string, Record<StageId, StageStatus>> {
  const passed = groupBy(data.facts.passedRuns);
  const overrides = groupBy(data.facts.overrides);
  const answers = groupBy(data.facts.correctAnswers);
  const policy = unlockPolicy(policyOfEvent(data.event));
  return new Map(
    data.enrollments.map((e) => [
      e.learnerId,
      stageStatuses({
        stages: stageIds,
        passedRuns: (passed.get(e.learnerId) ?? []).flatMap((r) =>
          r.finishedAt ? [{ stageId: r.stageId, finishedAt: r.finishedAt }] : [],
        ),
        overrides: overrides.get(e.learnerId) ?? [],
        enabled: policy.stagesEnabled,
        quizPassed: policy.quizQuestions
          ? quizPassedStages(policy.quizQuestions, answers.get(e.learnerId) ?? [], stageIds)
          : undefined,
      }),
    ]),
  );
}

/**
 * Each learner's latest run per stage that still speaks for the stage: a run started before the stage's latest reset
 * no longer does (the learner's page hides it too), so the roster, the exports and the learner agree after a reset.
 */
export function currentRuns(data: RosterData): LatestRun[] {
  const overrides = groupBy(data.facts.overrides);
  return data.facts.latestRuns.filter((run) => {
    const reset = lastResetAt({ overrides: overrides.get(run.learnerId) ?? [] }, run.stageId);
    return reset === undefined || run.startedAt.getTime() > reset;
  });
}

/** The required checks failing in a finished run, by id and title (what keeps the learner from the next stage). */
export function failingRequired(run: LatestRun | undefined): RosterRow['failingRequired'] {
  if (run?.status !== 'finished') return [];
  return storedResults(run)
    .filter((r) => r.status === 'fail' && (r.severity ?? getCheck(r.id)?.severity ?? 'required') === 'required')
    .map((r) => ({ id: r.id, title: getCheck(r.id)?.title ?? null }));
}

/** The roster of an event: one row per learner, the per-stage summary, and the checks most learners fail. */
export function buildRoster(data: RosterData, now = new Date()): Roster {
  const event = toEventSummary(data.event);
  const enabled = stageIds.filter((s) => event.settings.stages.includes(s));
  const statuses = learnerStatuses(data);
  const runs = groupBy(currentRuns(data));
  const passed = groupBy(data.facts.passedRuns);
  const overrides = groupBy(data.facts.overrides);
  const stacks = new Map(data.facts.latestStacks.map((s) => [s.learnerId, s]));
  const accountRows = new Map(data.facts.accounts.map((a) => [a.learnerId, a]));
  const learnerRows = new Map(data.facts.learners.map((l) => [l.id, l]));
  const quiz = new Map(data.facts.quiz.map((q) => [q.learnerId, q.at]));

  const rows = data.enrollments.map((e): RosterRow => {
    const all = statuses.get(e.learnerId);
    const stages = Object.fromEntries(enabled.map((s) => [s, all?.[s] ?? 'locked'])) as RosterRow['stages'];
    const learnerRuns = runs.get(e.learnerId) ?? [];
    const lastRun = learnerRuns.reduce<LatestRun | undefined>(
      (a, r) => (!a || r.startedAt > a.startedAt ? r : a),
      undefined,
    );
    const stack = stacks.get(e.learnerId);
    const account = accountRows.get(e.learnerId);
    const accountId = account ? account.accountId : sandboxAccountId(e.learnerId);
    const currentStage = enabled.find((s) => stages[s] === 'unlocked') ?? null;
    const facts: LearnerFacts = {
      joinedAt: e.joinedAt,
      passedRuns: (passed.get(e.learnerId) ?? []).flatMap((r) =>
        r.finishedAt ? [{ stageId: r.stageId, finishedAt: r.finishedAt }] : [],
      ),
      overrides: overrides.get(e.learnerId) ?? [],
    };
    return {
      learnerId: e.learnerId,
      displayName: e.displayName,
      joinedAt: e.joinedAt.toISOString(),
      currentStage,
      stages,
      completed: enabled.filter((s) => stages[s] === 'completed').length,
      lastRun: lastRun ? summarizeRun(lastRun) : null,
      failingRequired: failingRequired(learnerRuns.find((r) => r.stageId === currentStage)),
      onStageSince: currentStage ? onStageSince(facts, enabled, currentStage).toISOString() : null,
      stack: stack
        ? {
            id: stack.id,
            status: stack.status,
            operation: stack.operation,
            stageId: stack.stageId,
            at: (stack.finishedAt ?? stack.startedAt).toISOString(),
          }
        : null,
      account: { kind: account?.kind ?? 'sandbox', masked: accountId ? maskAccountId(accountId) : null },
      lastActivity: latest([
        e.joinedAt,
        learnerRows.get(e.learnerId)?.lastSeenAt,
        lastRun?.finishedAt ?? lastRun?.startedAt,
        stack?.finishedAt ?? stack?.startedAt,
        quiz.get(e.learnerId),
      ]).toISOString(),
    };
  });

  const summary = enabled.map((stageId) => ({
    stageId,
    passed: rows.filter((r) => r.stages[stageId] === 'completed').length,
    total: rows.length,
  }));
  return { event, rows, summary, mostFailed: mostFailedChecks(data, enabled), generatedAt: now.toISOString() };
}

/**
 * What to explain to the room: every check failing in some learner's latest run of an enabled stage, the required
 * ones first (all of them: any one of them keeps a learner from the next stage), then the recommended ones, each
 * group by how many learners fail it.
 */
export function mostFailedChecks(data: RosterData, enabled: readonly string[]): FailedCheck[] {
  const enrolled = new Set(data.enrollments.map((e) => e.learnerId));
  const counts = new Map<string, FailedCheck>();
  for (const run of currentRuns(data)) {
    if (!enrolled.has(run.learnerId) || !enabled.includes(run.stageId) || run.status !== 'finished') continue;
    for (const result of storedResults(run)) {
      if (result.status !== 'fail') continue;
      const entry = counts.get(result.id) ?? {
        checkId: result.id,
        stageId: run.stageId,
        severity: result.severity ?? getCheck(result.id)?.severity ?? 'required',
        title: getCheck(result.id)?.title ?? null,
        learners: 0,
      };
      entry.learners += 1;
      counts.set(result.id, entry);
    }
  }
  const rank = (f: FailedCheck) => (f.severity === 'required' ? 0 : 1);
  return [...counts.values()].sort(
    (a, b) => rank(a) - rank(b) || b.learners - a.learners || a.checkId.localeCompare(b.checkId),
  );
}
