import { describe, expect, it } from 'vitest';
import { labStackName, sandboxAccountId } from '@/lib/accounts/learner-account';

describe('a learner’s defaults', () => {
  it('gets a stable 12-digit sandbox account id of its own', () => {
    const a = sandboxAccountId('6f1c2a4e-0000-4000-8000-000000000001');
    expect(a).toMatch(/^\d{12}$/);
    expect(sandboxAccountId('6f1c2a4e-0000-4000-8000-000000000001')).toBe(a);
    expect(sandboxAccountId('6f1c2a4e-0000-4000-8000-000000000002')).not.toBe(a);
  });
  it('names the lab stack after the learner', () => {
    expect(labStackName('6f1c2a4e-0000-4000-8000-000000000001')).toBe('scalelab-6f1c2a4e');
  });
});
