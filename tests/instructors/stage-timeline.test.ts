import { describe, expect, it } from 'vitest';
import type { StageId } from '@/lib/labs/types';
import { completedAt, lastResetAt, minutesSince, onStageSince } from '@/lib/roster/stage-timeline';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 9, minute));
const enabled: StageId[] = ['00-one-user', '01-split-database', '02-high-availability'];

describe('since when a learner is on their current stage', () => {
  it('counts the first stage from joining the event', () => {
    const facts = { joinedAt: at(5), passedRuns: [], overrides: [] };
    expect(onStageSince(facts, enabled, '00-one-user')).toEqual(at(5));
  });

  it('counts a later stage from the first pass of the stage before it, not from a later re-run', () => {
    const facts = {
      joinedAt: at(0),
      passedRuns: [
        { stageId: '00-one-user', finishedAt: at(20) },
        { stageId: '00-one-user', finishedAt: at(40) },
      ],
      overrides: [],
    };
    expect(onStageSince(facts, enabled, '01-split-database')).toEqual(at(20));
  });

  it('counts from joining when the stage before was passed before the learner joined', () => {
    const facts = { joinedAt: at(30), passedRuns: [{ stageId: '00-one-user', finishedAt: at(10) }], overrides: [] };
    expect(onStageSince(facts, enabled, '01-split-database')).toEqual(at(30));
  });

  it('counts from an instructor’s unlock when it came before the stage before was passed', () => {
    const facts = {
      joinedAt: at(0),
      passedRuns: [],
      overrides: [{ stageId: '01-split-database', kind: 'unlock' as const, createdAt: at(12) }],
    };
    // Stage 00 was never passed: stage 01 opened when the instructor unlocked it.
    expect(onStageSince(facts, enabled, '01-split-database')).toEqual(at(12));
  });

  it('starts again at a reset of the stage, and a pass before the reset does not count', () => {
    const facts = {
      joinedAt: at(0),
      passedRuns: [{ stageId: '00-one-user', finishedAt: at(10) }],
      overrides: [{ stageId: '00-one-user', kind: 'reset' as const, createdAt: at(25) }],
    };
    expect(lastResetAt(facts, '00-one-user')).toBe(at(25).getTime());
    expect(completedAt(facts, '00-one-user')).toBeUndefined();
    expect(onStageSince(facts, enabled, '00-one-user')).toEqual(at(25));
  });

  it('counts whole minutes and never below zero', () => {
    expect(minutesSince(at(0), at(17).getTime() + 59_000)).toBe(17);
    expect(minutesSince(at(10), at(9).getTime())).toBe(0);
  });
});
