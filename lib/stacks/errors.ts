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
    /** The same in Korean, for a Korean page (`message` is the English, for logs and the CLI). */
    readonly ko?: string,
  ) {
    super(message);
    this.name = 'StackError';
  }

  /** The message in the page's language (English where no Korean was given). */
  in(locale: 'en' | 'ko'): string {
    return locale === 'ko' && this.ko ? this.ko : this.message;
  }
}
