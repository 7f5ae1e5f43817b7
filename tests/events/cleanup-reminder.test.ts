import { beforeEach, describe, expect, it, vi } from 'vitest';

// The reminder's own decision, with its collaborators replaced: which regions of the learner's lab still have a stack.
const stacks = new Map<string, boolean | Error>();
vi.mock('@/lib/progress/instructor-store', () => ({
  getInstructorStore: async () => ({
    latestEventOf: async () => ({ name: 'Scaling day', cleanupRemindedAt: new Date('2026-12-02T10:00:00Z') }),
  }),
}));
vi.mock('@/lib/progress', () => ({ getStore: async () => ({}) }));
vi.mock('@/lib/accounts/learner-account', () => ({
  labStackName: (id: string) => `scalelab-${id}`,
  learnerAccount: async () => ({ kind: 'sandbox', accountId: '111122223333', regions: ['us-east-1', 'us-west-2'] }),
}));
vi.mock('@/lib/aws/for-account', () => ({
  clientsForAccount: (_account: unknown, { region }: { region: string }) => ({ region }),
}));
vi.mock('@/lib/stacks/change-sets', () => ({
  currentStack: async ({ region }: { region: string }) => {
    const there = stacks.get(region);
    if (there instanceof Error) throw there;
    return there ? { StackName: 'scalelab-l1' } : undefined;
  },
}));

const { cleanupReminderFor } = await import('@/lib/events/reminder');

describe('the clean-up reminder', () => {
  beforeEach(() => stacks.clear());

  it('is shown while the lab stack exists in the lab region', async () => {
    stacks.set('us-east-1', true);
    await expect(cleanupReminderFor('l1')).resolves.toMatchObject({ stackName: 'scalelab-l1', regions: ['us-east-1'] });
  });

  it("is shown for stage 06's secondary left in the second region after the primary was deleted", async () => {
    stacks.set('us-west-2', true);
    await expect(cleanupReminderFor('l1')).resolves.toMatchObject({ regions: ['us-west-2'] });
  });

  it('is not shown when no region has the stack, or a region cannot be read', async () => {
    stacks.set('us-west-2', new Error('ExpiredToken'));
    await expect(cleanupReminderFor('l1')).resolves.toBeNull();
  });
});
