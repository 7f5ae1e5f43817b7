import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxAccountId } from '@/lib/accounts/learner-account';
import { createEvent, type EventSummary, joinEvent } from '@/lib/events/events';
import { parseCsv } from '@/lib/grading/csv';
import { createInstructor } from '@/lib/instructors/accounts';
import type { InstructorIdentity } from '@/lib/progress/instructor-store';
import { CSV_COLUMNS, rosterCsv, rosterJson } from '@/lib/roster/export';
import { actOnLearner } from '@/lib/roster/learner-actions';
import { buildRoster, mostFailedChecks, type RosterData } from '@/lib/roster/roster';
import { engines, type Stores, TEST_COST, uniqueEmail } from './support';

const settings = {
  stages: ['00-one-user', '01-split-database', '02-high-availability'],
  accountModes: ['sandbox', 'role'],
  fastForward: true,
  quizzesGate: false,
};

const result = (id: string, status: string) => ({
  id,
  severity: 'required',
  status,
  message: { en: `${id} is ${status}.`, ko: `${id}: ${status}` },
  evidence: [],
});

describe.each(engines)('the live roster on %s', (_name, open) => {
  let s: Stores;
  let teacher: InstructorIdentity;
  let event: EventSummary;
  const ana = randomUUID();
  const bo = randomUUID();
  const outsider = randomUUID();

  const data = async (): Promise<RosterData> => {
    const row = await s.instructors.event(event.id);
    if (!row) throw new Error('no event');
    const enrollments = await s.instructors.enrollments(event.id);
    return { event: row, enrollments, facts: await s.instructors.rosterFacts(enrollments.map((e) => e.learnerId)) };
  };

  beforeAll(async () => {
    s = await open();
    teacher = await createInstructor(
      s.instructors,
      { email: uniqueEmail(), password: 'a long enough password' },
      { cost: TEST_COST },
    );
    event = await createEvent(s.instructors, teacher, { name: 'Roster', settings });
    for (const id of [ana, bo, outsider]) await s.store.ensureLearner(id);
    await joinEvent(s.instructors, ana, { code: event.code, displayName: 'Ana' });
    await joinEvent(s.instructors, bo, { code: event.code, displayName: '=cmd|calc' });

    // Ana passes stage 00 and has a stack; Bo fails two checks of stage 00 in a role account.
    const passed = await s.store.startCheckRun({ learnerId: ana, stageId: '00-one-user', accountKind: 'sandbox' });
    await s.store.finishCheckRun(passed.id, {
      results: [result('ec2.elastic-ip', 'pass'), result('ec2.web-instance-running', 'pass')],
      apiCalls: [],
      allRequiredPassed: true,
    });
    await s.store.startStackOperation({
      learnerId: ana,
      stageId: '00-one-user',
      region: 'us-east-1',
      stackName: 'scalelab-ana',
      operation: 'create',
      source: 'start',
      status: 'CREATE_COMPLETE',
    });
    await s.store.saveAccount({ learnerId: bo, kind: 'role', accountId: '123456789012', region: 'us-east-1' });
    const failed = await s.store.startCheckRun({ learnerId: bo, stageId: '00-one-user', accountKind: 'role' });
    await s.store.finishCheckRun(failed.id, {
      results: [
        result('ec2.elastic-ip', 'fail'),
        result('ec2.web-instance-running', 'fail'),
        result('ec2.imdsv2-required', 'error'),
      ],
      apiCalls: [],
      allRequiredPassed: false,
    });
    // Someone outside the event fails too: it must not count.
    const other = await s.store.startCheckRun({ learnerId: outsider, stageId: '00-one-user', accountKind: 'sandbox' });
    await s.store.finishCheckRun(other.id, {
      results: [result('ec2.no-open-admin-ports', 'fail')],
      apiCalls: [],
      allRequiredPassed: false,
    });
  });
  afterAll(async () => {
    await s.close();
  });

  it('shows one row per enrolled learner with stages, last run, stack, masked account and activity', async () => {
    const roster = buildRoster(await data());
    expect(roster.rows.map((r) => r.displayName)).toEqual(['Ana', '=cmd|calc']);
    const [a, b] = roster.rows;
    expect(a).toMatchObject({
      currentStage: '01-split-database',
      stages: { '00-one-user': 'completed', '01-split-database': 'unlocked', '02-high-availability': 'locked' },
      completed: 1,
      lastRun: { stageId: '00-one-user', status: 'finished', passed: 2, failed: 0, errors: 0 },
      stack: { status: 'CREATE_COMPLETE', operation: 'create', stageId: '00-one-user' },
      account: { kind: 'sandbox', masked: `••••••••${sandboxAccountId(ana).slice(-4)}` },
    });
    expect(b).toMatchObject({
      currentStage: '00-one-user',
      lastRun: { passed: 0, failed: 2, errors: 1 },
      stack: null,
      account: { kind: 'role', masked: '••••••••9012' },
    });
    expect(JSON.stringify(roster)).not.toContain('123456789012');
    expect(Date.parse(b?.lastActivity ?? '')).toBeGreaterThan(0);
  });

  it('sums up each enabled stage and names the most-failed checks of enrolled learners only', async () => {
    const roster = buildRoster(await data());
    expect(roster.summary).toEqual([
      { stageId: '00-one-user', passed: 1, total: 2 },
      { stageId: '01-split-database', passed: 0, total: 2 },
      { stageId: '02-high-availability', passed: 0, total: 2 },
    ]);
    expect(roster.mostFailed.map((f) => [f.checkId, f.learners])).toEqual([
      ['ec2.elastic-ip', 1],
      ['ec2.web-instance-running', 1],
    ]);
    expect(roster.mostFailed[0]?.title?.en).toBeTruthy();
  });

  it('lets the instructor unlock and reset a stage of an enrolled learner, publishing the change', async () => {
    const seen: string[] = [];
    const unsubscribe = await s.store.subscribe((e) => {
      if (e.learnerId === bo) seen.push(e.type);
    });
    const deps = {
      store: s.store,
      instructors: s.instructors,
      rerun: async () => 'run-id',
      fastForward: async () => undefined,
    };
    const base = { eventId: event.id, learnerId: bo };
    // Unlocking stage 02 unlocks stage 01 before it (Bo is on stage 00).
    expect(await actOnLearner(deps, teacher, { ...base, stageId: '02-high-availability', action: 'unlock' })).toEqual({
      ok: true,
      unlocked: ['01-split-database', '02-high-availability'],
    });
    expect((await s.store.stageStatuses(bo))['02-high-availability']).toBe('unlocked');
    expect((await s.store.stageStatuses(bo))['01-split-database']).toBe('unlocked');
    expect(await actOnLearner(deps, teacher, { ...base, stageId: '02-high-availability', action: 'rerun' })).toEqual({
      ok: true,
      runId: 'run-id',
    });

    await actOnLearner(deps, teacher, { eventId: event.id, learnerId: ana, stageId: '00-one-user', action: 'reset' });
    const after = buildRoster(await data()).rows.find((r) => r.learnerId === ana);
    expect(after?.stages['00-one-user']).toBe('unlocked');
    expect(after?.stages['01-split-database']).toBe('locked');
    await expect.poll(() => seen, { timeout: 5000 }).toContain('stage-override');
    await unsubscribe();
  });

  it('fast-forwards a learner to a stage’s solution only where the event allows it', async () => {
    const deployed: string[] = [];
    const deps = {
      store: s.store,
      instructors: s.instructors,
      rerun: async () => 'x',
      fastForward: async (learnerId: string, stageId: string) => {
        deployed.push(`${learnerId}/${stageId}`);
        return 'operation-id';
      },
    };
    const base = { eventId: event.id, learnerId: bo, action: 'fast-forward' };
    expect(await actOnLearner(deps, teacher, { ...base, stageId: '01-split-database' })).toEqual({
      ok: true,
      operationId: 'operation-id',
    });
    expect(deployed).toEqual([`${bo}/01-split-database`]);
    // A stage the event does not enable.
    expect(await actOnLearner(deps, teacher, { ...base, stageId: '03-scale-out' })).toEqual({
      ok: false,
      error: 'not-allowed',
    });
    // An event that does not allow fast-forward.
    const strict = await createEvent(s.instructors, teacher, {
      name: 'No shortcuts',
      settings: { ...settings, fastForward: false },
    });
    await joinEvent(s.instructors, outsider, { code: strict.code, displayName: 'Dee' });
    expect(
      await actOnLearner(deps, teacher, { ...base, eventId: strict.id, learnerId: outsider, stageId: '00-one-user' }),
    ).toEqual({ ok: false, error: 'not-allowed' });
    expect(deployed).toHaveLength(1);
  });

  it('refuses to act on a learner outside the instructor’s events, or for another instructor', async () => {
    const deps = {
      store: s.store,
      instructors: s.instructors,
      rerun: async () => 'x',
      fastForward: async () => undefined,
    };
    const unlock = { eventId: event.id, stageId: '01-split-database', action: 'unlock' };
    expect(await actOnLearner(deps, teacher, { ...unlock, learnerId: outsider })).toEqual({
      ok: false,
      error: 'not-found',
    });
    const other = await createInstructor(
      s.instructors,
      { email: uniqueEmail('other'), password: 'a long enough password' },
      { cost: TEST_COST },
    );
    expect(await actOnLearner(deps, other, { ...unlock, learnerId: ana })).toEqual({ ok: false, error: 'not-found' });
    expect(await actOnLearner(deps, teacher, { ...unlock, learnerId: ana, stageId: '99-x' })).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect((await s.store.stageStatuses(outsider))['01-split-database']).toBe('locked');
  });

  it('exports progress and check results as JSON and formula-safe CSV', async () => {
    const d = await data();
    const json = rosterJson(d);
    const boRow = json.learners.find((l) => l.learnerId === bo);
    expect(boRow?.stages.map((st) => st.stageId)).toEqual(settings.stages);
    expect(boRow?.stages[0]?.lastRun?.results.map((r) => [r.id, r.status])).toEqual([
      ['ec2.elastic-ip', 'fail'],
      ['ec2.web-instance-running', 'fail'],
      ['ec2.imdsv2-required', 'error'],
    ]);
    expect(JSON.stringify(json)).not.toContain(outsider);

    const csv = rosterCsv(d);
    expect(csv.startsWith('\uFEFF')).toBe(true); // Excel reads UTF-8 only with the byte-order mark
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'row,learner_id,display_name,account,stage,stage_status,run_status,run_started_at,run_finished_at,check_id,severity,check_status,message,stages_completed,failing_required_checks,stack_status',
    );
    expect(lines.filter((l) => l.startsWith(`check,${bo},'=cmd|calc,`))).toHaveLength(3 + 2);
    expect(csv).toContain(',ec2.elastic-ip,required,fail,ec2.elastic-ip is fail.,,,');
    expect(csv).not.toMatch(/,=cmd/);
    expect(lines.filter((l) => l.startsWith('learner,'))).toHaveLength(json.learners.length);
    const width = CSV_COLUMNS.length;
    for (const line of lines) expect(parseCsv(`${line}\n`)[0]?.fields).toHaveLength(width);
  });

  it('gives each learner one summary row: current stage, stages completed, failing required checks', async () => {
    const d = await data();
    const records = parseCsv(rosterCsv(d).slice(1)).map((r) => r.fields);
    const header = records[0]!;
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    const boSummary = records.find((r) => r[0] === 'learner' && r[1] === bo)!;
    expect(col(boSummary, 'stage')).toBe('00-one-user');
    expect(col(boSummary, 'stages_completed')).toMatch(/^0\/\d+$/);
    expect(col(boSummary, 'failing_required_checks')).toBe('ec2.elastic-ip ec2.web-instance-running');
    expect(col(boSummary, 'check_id')).toBe('');
  });
});

describe('the most-failed checks', () => {
  const run = (learnerId: string, results: object[]) => ({
    learnerId,
    stageId: '04-cache-automate-secure',
    status: 'finished',
    results,
    startedAt: new Date(),
    finishedAt: new Date(),
  });
  const fail = (id: string, severity: 'required' | 'recommended') => ({ id, severity, status: 'fail' });

  it('lists every failing required check (not only five), then the recommended ones apart', () => {
    const required = [
      'elasticache.multi-az-failover',
      'sg.cache-from-app-only',
      'dynamodb.session-table-ttl',
      'ec2.ssm-managed',
      'sg.no-ssh',
      'x.sixth-required',
    ];
    const data = {
      enrollments: [{ learnerId: 'a' }, { learnerId: 'b' }],
      facts: {
        overrides: [],
        latestRuns: [
          run('a', [...required.map((id) => fail(id, 'required')), fail('guardduty.enabled', 'recommended')]),
          run('b', [fail('guardduty.enabled', 'recommended'), fail('sg.no-ssh', 'required')]),
        ],
      },
    } as unknown as RosterData;
    const failed = mostFailedChecks(data, ['04-cache-automate-secure']);
    expect(failed.filter((f) => f.severity === 'required')).toHaveLength(6);
    expect(failed[0]).toMatchObject({ checkId: 'sg.no-ssh', learners: 2 });
    expect(failed.at(-1)).toMatchObject({ checkId: 'guardduty.enabled', severity: 'recommended', learners: 2 });
  });
});
