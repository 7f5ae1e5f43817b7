import { describe, expect, it } from 'vitest';
import { stageIds } from '@/lib/labs/types';
import { stageStatuses } from '@/lib/progress';
import { quizPassedStages } from '@/lib/progress/unlock';

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 10, minutes));
const statuses = (facts: Partial<Parameters<typeof stageStatuses>[0]>) =>
  stageStatuses({ stages: stageIds, passedRuns: [], overrides: [], ...facts });

describe('the unlock rule', () => {
  it('opens only the first stage for a new learner', () => {
    const s = statuses({});
    expect(s['00-one-user']).toBe('unlocked');
    expect(stageIds.slice(1).map((id) => s[id])).toEqual(Array(6).fill('locked'));
  });

  it('completes a stage with a passing run and unlocks the next one only', () => {
    const s = statuses({ passedRuns: [{ stageId: '00-one-user', finishedAt: t(1) }] });
    expect(s['00-one-user']).toBe('completed');
    expect(s['01-split-database']).toBe('unlocked');
    expect(s['02-high-availability']).toBe('locked');
  });

  it('chains completions through the journey', () => {
    const s = statuses({
      passedRuns: [
        { stageId: '00-one-user', finishedAt: t(1) },
        { stageId: '01-split-database', finishedAt: t(2) },
      ],
    });
    expect(s['01-split-database']).toBe('completed');
    expect(s['02-high-availability']).toBe('unlocked');
  });

  it('lets an instructor unlock a stage out of order', () => {
    const s = statuses({ overrides: [{ stageId: '03-scale-out', kind: 'unlock', createdAt: t(1) }] });
    expect(s['03-scale-out']).toBe('unlocked');
    expect(s['02-high-availability']).toBe('locked');
    expect(s['04-cache-automate-secure']).toBe('locked');
  });

  it('counts an instructor "complete" as a pass', () => {
    const s = statuses({ overrides: [{ stageId: '00-one-user', kind: 'complete', createdAt: t(1) }] });
    expect(s['00-one-user']).toBe('completed');
    expect(s['01-split-database']).toBe('unlocked');
  });

  it('forgets passing runs from before a reset, but not the ones after it', () => {
    const before = statuses({
      passedRuns: [{ stageId: '00-one-user', finishedAt: t(1) }],
      overrides: [{ stageId: '00-one-user', kind: 'reset', createdAt: t(2) }],
    });
    expect(before['00-one-user']).toBe('unlocked');
    expect(before['01-split-database']).toBe('locked');
    const again = statuses({
      passedRuns: [
        { stageId: '00-one-user', finishedAt: t(1) },
        { stageId: '00-one-user', finishedAt: t(3) },
      ],
      overrides: [{ stageId: '00-one-user', kind: 'reset', createdAt: t(2) }],
    });
    expect(again['00-one-user']).toBe('completed');
  });

  it('does not show a locked stage as completed', () => {
    const s = statuses({ passedRuns: [{ stageId: '02-high-availability', finishedAt: t(1) }] });
    expect(s['02-high-availability']).toBe('locked');
  });

  it('keeps the stages an event leaves out locked, and opens its first enabled stage', () => {
    const s = statuses({ enabled: ['02-high-availability', '03-scale-out'] });
    expect(s['00-one-user']).toBe('locked');
    expect(s['02-high-availability']).toBe('unlocked');
    expect(s['03-scale-out']).toBe('locked');
  });

  it('unlocks the next enabled stage after a completed one, skipping the ones left out', () => {
    const s = statuses({
      enabled: ['00-one-user', '02-high-availability'],
      passedRuns: [{ stageId: '00-one-user', finishedAt: t(1) }],
      overrides: [{ stageId: '01-split-database', kind: 'unlock', createdAt: t(2) }],
    });
    expect(s['00-one-user']).toBe('completed');
    expect(s['01-split-database']).toBe('locked');
    expect(s['02-high-availability']).toBe('unlocked');
  });

  it('does not complete a stage on a passing run while quizzes gate and its quiz is not passed', () => {
    const s = statuses({ passedRuns: [{ stageId: '00-one-user', finishedAt: t(1) }], quizPassed: new Set() });
    expect(s['00-one-user']).toBe('unlocked');
    expect(s['01-split-database']).toBe('locked');
  });

  it('completes a gated stage once its run passed and its quiz is passed', () => {
    const s = statuses({
      passedRuns: [{ stageId: '00-one-user', finishedAt: t(1) }],
      quizPassed: new Set(['00-one-user']),
    });
    expect(s['00-one-user']).toBe('completed');
    expect(s['01-split-database']).toBe('unlocked');
  });

  it('lets an instructor "complete" pass a gated stage without its quiz', () => {
    const s = statuses({
      overrides: [{ stageId: '00-one-user', kind: 'complete', createdAt: t(1) }],
      quizPassed: new Set(),
    });
    expect(s['00-one-user']).toBe('completed');
  });

  it('passes a quiz only when every question of the stage has a correct answer', () => {
    const questions = { '00-one-user': ['q1', 'q2'], '01-split-database': [] };
    const stages = ['00-one-user', '01-split-database'] as const;
    expect(quizPassedStages(questions, [{ stageId: '00-one-user', questionId: 'q1' }], stages)).toEqual(
      new Set(['01-split-database']),
    );
    const both = [
      { stageId: '00-one-user', questionId: 'q1' },
      { stageId: '00-one-user', questionId: 'q2' },
    ];
    expect(quizPassedStages(questions, both, stages)).toEqual(new Set(stages));
  });
});
