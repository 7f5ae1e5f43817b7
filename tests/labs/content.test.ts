import { describe, expect, it } from 'vitest';
import { compileLabMdx, MdxCompileError, scanReferences } from '@/lib/labs/compile';
import { labs, publicQuiz } from '@/lib/labs/registry';
import { stageIds } from '@/lib/labs/types';
import { validateLabs } from '@/lib/labs/validate';

describe('lab metadata', () => {
  it('has one lab per stage, in journey order', () => {
    expect(labs.map((l) => l.id)).toEqual([...stageIds]);
    expect(labs.map((l) => l.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('gives every lab titles, milestone and summary in both languages', () => {
    for (const lab of labs) {
      for (const field of [lab.title, lab.summary, lab.milestone.label]) {
        expect(field.en.trim(), lab.id).not.toBe('');
        expect(field.ko, lab.id).toMatch(/[가-힣]/);
      }
      expect(lab.cost.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(lab.checks.length, lab.id).toBeGreaterThan(0);
    }
  });

  it('grows the milestone from 1 user to 10 million', () => {
    const users = labs.map((l) => l.milestone.users);
    expect(users[0]).toBe(1);
    expect(users.at(-1)).toBeGreaterThanOrEqual(5_000_000);
    expect([...users].sort((a, b) => a - b)).toEqual(users);
  });

  it('never sends quiz answers to the browser', () => {
    for (const lab of labs) {
      const json = JSON.stringify(publicQuiz(lab));
      expect(json).not.toContain('"answer"');
      expect(json).not.toContain('"explanation"');
    }
  });
});

describe('the content loader', () => {
  it('finds no problem in the labs as committed', async () => {
    expect(await validateLabs()).toEqual([]);
  });

  it('reads the steps, checks, diagrams and components a lab references', () => {
    const refs = scanReferences(
      [
        '<Steps>',
        '<Step id="launch" title="Launch">',
        '<Check id="ec2.elastic-ip" />',
        '</Step>',
        '</Steps>',
        '<Diagram name="one-box" />',
        '```yaml',
        '<Step id="in-code" title="not a step">',
        '```',
      ].join('\n'),
    );
    expect(refs.stepIds).toEqual(['launch']);
    expect(refs.checkIds).toEqual(['ec2.elastic-ip']);
    expect(refs.diagramNames).toEqual(['one-box']);
    expect(refs.components.sort()).toEqual(['Check', 'Diagram', 'Step', 'Steps']);
  });

  it('names the file and position of broken MDX', async () => {
    const err = await compileLabMdx('## Title\n\n<Callout type="note">\nunclosed\n', 'labs/x/en.mdx').catch((e) => e);
    expect(err).toBeInstanceOf(MdxCompileError);
    expect(String(err.message)).toMatch(/^labs\/x\/en\.mdx: \d+:\d+: /);
  }, 60_000);
});
