/**
 * The one rule for finding a lab resource, whether the stack made it or the learner made it by hand on a lab's
 * console path (and each console path says so):
 *
 *   1. the lab stack's output that names it (`WebAsgName`, `StaticBucket`, `SessionTable`, …);
 *   2. else what is tagged `scalelab:lab = <stack name>` (with the role's `scalelab:role` first, when it has one);
 *   3. else what is named with the stack name as a prefix (CloudFormation names unnamed resources
 *      `<stack>-<logical id>-<suffix>`, and the console steps suggest `<stack>-…` names).
 *
 * A tier is only asked when the one before found nothing, so a lab launched from its template costs no extra call.
 */
export interface LabRule<T> {
  fromOutput: () => Promise<T[]>;
  tagged: () => Promise<T[]>;
  named: () => Promise<T[]>;
}

export type FoundBy = 'output' | 'tag' | 'name';

export async function findByLabRule<T>(rule: LabRule<T>): Promise<{ found: T[]; by?: FoundBy }> {
  for (const [by, tier] of [
    ['output', rule.fromOutput],
    ['tag', rule.tagged],
    ['name', rule.named],
  ] as const) {
    const found = await tier();
    if (found.length) return { found, by };
  }
  return { found: [] };
}

/** Tagged items, those carrying the role's `scalelab:role` first (a hand-made lab may tag several resources). */
export function roleFirst<T>(items: T[], roleOf: (item: T) => string | undefined, role: string): T[] {
  return [...items.filter((i) => roleOf(i) === role), ...items.filter((i) => roleOf(i) !== role)];
}
