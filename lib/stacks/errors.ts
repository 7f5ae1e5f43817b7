/** A stack operation the learner can act on: what went wrong, and what to do. */
export class StackError extends Error {
  constructor(
    readonly code:
      | 'rollback-complete'
      | 'in-progress'
      | 'no-changes'
      | 'change-set-failed'
      | 'not-found'
      | 'invalid-template'
      | 'template-too-large'
      | 'staging-bucket-missing'
      | 'staging-bucket-denied'
      | 'preflight'
      // Stage 06's pair (second-region.ts, pair.ts).
      | 'second-region-invalid'
      | 'second-region-same'
      | 'second-region-unavailable'
      | 'secondary-missing'
      | 'hosted-zone',
    message: string,
  ) {
    super(message);
    this.name = 'StackError';
  }
}
