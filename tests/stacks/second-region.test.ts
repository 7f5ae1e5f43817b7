import { describe, expect, it } from 'vitest';
import {
  defaultSecondRegion,
  learnerSecondRegion,
  secondRegionChoices,
  secondRegionProblem,
  secondRegionSchema,
} from '@/lib/stacks/second-region';

const sandbox = { kind: 'sandbox' } as const;
const role = { kind: 'role' } as const;

describe('the second region of stage 06', () => {
  it('defaults to us-west-2, Osaka with Seoul, and us-east-1 when the lab runs in us-west-2', () => {
    expect(defaultSecondRegion('us-east-1')).toBe('us-west-2');
    expect(defaultSecondRegion('ap-northeast-2')).toBe('ap-northeast-3');
    expect(defaultSecondRegion('us-west-2')).toBe('us-east-1');
    // The sandbox offers every default, Osaka included.
    for (const p of ['us-east-1', 'ap-northeast-2', 'us-west-2'])
      expect(secondRegionProblem(sandbox, p, defaultSecondRegion(p))).toBeUndefined();
  });

  it('refuses the lab region itself, a region the sandbox lacks, an opt-in region, and a non-region', () => {
    expect(secondRegionProblem(role, 'us-east-1', 'us-east-1')?.code).toBe('second-region-same');
    expect(secondRegionProblem(sandbox, 'us-east-1', 'ap-southeast-1')).toMatchObject({
      code: 'second-region-unavailable',
      message: expect.stringContaining('The sandbox does not offer ap-southeast-1'),
    });
    expect(secondRegionProblem(role, 'us-east-1', 'ap-southeast-1')).toBeUndefined();
    expect(secondRegionProblem(role, 'us-east-1', 'ap-east-1')?.code).toBe('second-region-unavailable');
    expect(secondRegionProblem(role, 'us-east-1', 'mars-1')?.code).toBe('second-region-invalid');
    expect(secondRegionSchema.safeParse('us-west-2').success).toBe(true);
    expect(secondRegionSchema.safeParse('us-west-2; rm').success).toBe(false);
    expect(secondRegionChoices(role, 'us-east-1')).not.toContain('us-east-1');
  });

  it('reads the learner’s last choice, and drops one that no longer fits the account', async () => {
    const store = (value?: string) => ({ learnerSecondRegion: async () => value });
    expect(await learnerSecondRegion(store('eu-west-1'), 'l', role, 'us-east-1')).toBe('eu-west-1');
    expect(await learnerSecondRegion(store(), 'l', role, 'ap-northeast-2')).toBe('ap-northeast-3');
    expect(await learnerSecondRegion(store('us-east-1'), 'l', role, 'us-east-1')).toBe('us-west-2');
    expect(await learnerSecondRegion(store('ap-southeast-2'), 'l', sandbox, 'us-east-1')).toBe('us-west-2');
  });
});
