import { describe, expect, it } from 'vitest';
import { pickResume } from '@/lib/journey/pick-resume';
import { checksByStep, currentStep, stepState } from '@/lib/journey/step-states';

describe('a step’s state', () => {
  it('is done only when every check linked to it passed in the latest run', () => {
    expect(stepState(['a', 'b'], { a: 'pass', b: 'pass' })).toBe('done');
    expect(stepState(['a', 'b'], { a: 'pass' })).toBe('todo');
    expect(stepState(['a', 'b'], {})).toBe('todo');
  });
  it('is failing when a linked check failed or could not be judged', () => {
    expect(stepState(['a', 'b'], { a: 'pass', b: 'fail' })).toBe('failing');
    expect(stepState(['a'], { a: 'error' })).toBe('failing');
  });
  it('has no state when no check is linked to it', () => {
    expect(stepState([], { a: 'pass' })).toBe('none');
  });
  it('groups the checks by the step they name, in order', () => {
    expect(checksByStep([{ id: 'x', step: 'launch' }, { id: 'y' }, { id: 'z', step: 'launch' }])).toEqual({
      launch: ['x', 'z'],
    });
  });
});

describe('the step being read', () => {
  const tops = [
    { id: 'budget', top: -900 },
    { id: 'launch', top: -20 },
    { id: 'open-app', top: 400 },
  ];
  it('is the last step whose top is above the reading line', () => {
    expect(currentStep(tops, 250)).toBe('launch');
    expect(currentStep(tops, 500)).toBe('open-app');
  });
  it('is the first step before any has reached the line', () => {
    expect(currentStep([{ id: 'budget', top: 800 }], 250)).toBe('budget');
  });
});

describe('resume where I left off', () => {
  const open = (id: string) => id !== '02-high-availability';
  const local = { stageId: '01-split-database', stepId: 'replica', stepTitle: 'Add a read replica', at: 2000 };
  it('takes the step read last in this browser when it is newer than the store’s last stage', () => {
    expect(pickResume({ stageId: '00-one-user', at: 1000 }, local, open)).toEqual({
      stageId: '01-split-database',
      stepId: 'replica',
      stepTitle: 'Add a read replica',
    });
  });
  it('takes the store’s stage when the learner worked there since, and keeps the step of the same stage', () => {
    expect(pickResume({ stageId: '00-one-user', at: 3000 }, local, open)).toEqual({ stageId: '00-one-user' });
    expect(pickResume({ stageId: '01-split-database', at: 3000 }, local, open)?.stepId).toBe('replica');
  });
  it('skips a stage the learner cannot open now, and offers nothing before any work', () => {
    expect(pickResume({ stageId: '02-high-availability', at: 3000 }, local, open)?.stageId).toBe('01-split-database');
    expect(pickResume(null, null, open)).toBeNull();
  });
});

describe('the steps’ contents and the inline markers, as the server renders them', () => {
  it('marks each step from the latest run and names its state for screen readers', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { StepToc } = await import('@/components/labs-nav/step-toc');
    const html = renderToStaticMarkup(
      createElement(StepToc, {
        stageId: '00-one-user',
        steps: [
          { id: 'budget', title: 'Set a budget alert' },
          { id: 'launch', title: 'Launch the stack' },
          { id: 'elastic-ip', title: 'A fixed address' },
        ],
        checks: { launch: ['ec2.web-instance-running'], 'elastic-ip': ['ec2.elastic-ip'] },
        initial: { 'ec2.web-instance-running': 'pass', 'ec2.elastic-ip': 'fail' },
        labels: {
          title: 'Steps',
          progress: '{done} of {total} steps done',
          open: 'Steps · {current}',
          close: 'Hide steps',
          current: 'you are here',
          states: { done: 'done', failing: 'failing', todo: 'not yet', none: 'no check' },
        },
      }),
    );
    expect(html).toMatch(/data-step-link="launch" data-step-state="done"/);
    expect(html).toMatch(/data-step-link="elastic-ip" data-step-state="failing"/);
    expect(html).toMatch(/data-step-link="budget" data-step-state="none"/);
    expect(html).toContain('1 of 2 steps done');
    // The first step is the one being read until the page scrolls.
    expect(html).toContain('aria-current="location"');
    expect(html).toContain('(no check, you are here)');
    expect(html).toContain('aria-expanded="false"');
  });

  it('shows a check’s latest result inside its step', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { InlineCheck } = await import('@/components/labs-nav/inline-check');
    const labels = { pass: 'pass', fail: 'fail', error: 'error', skipped: 'skipped' };
    const html = renderToStaticMarkup(
      createElement(InlineCheck, {
        stageId: '00',
        id: 'ec2.elastic-ip',
        title: 'Fixed IP',
        initial: 'fail',
        statusLabels: labels,
      }),
    );
    expect(html).toContain('data-inline-check="ec2.elastic-ip"');
    expect(html).toContain('data-state="fail"');
    expect(html).toContain('(fail)');
  });
});
