/**
 * The Condition element of an IAM policy statement, as IAM evaluates it (IAM User Guide, "IAM JSON policy elements:
 * Condition operators" and "Single-valued vs. multivalued context keys"): every operator block must hold, every key
 * in a block must hold, and a key holds when the request's value matches any of the policy's values.
 */

/** The request context: condition keys (case-insensitive names) and their values. */
export type RequestContext = Record<string, string | string[] | boolean | undefined>;

export type ConditionBlock = Record<string, Record<string, unknown>>;

/** `*` and `?` wildcards; `ignoreCase` for actions and case-insensitive operators. */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (!pattern.includes('*') && !pattern.includes('?'))
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = compiled.get(key);
  if (!re) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    compiled.set(key, re);
  }
  return re.test(value);
}

const compiled = new Map<string, RegExp>();

type Compare = (policy: string, request: string) => boolean;

const numeric =
  (f: (a: number, b: number) => boolean): Compare =>
  (p, r) =>
    f(Number(r), Number(p));

/** Positive operators; a `Not` form is their negation (and holds when the key is absent). */
const OPERATORS: Record<string, Compare> = {
  stringequals: (p, r) => p === r,
  stringequalsignorecase: (p, r) => p.toLowerCase() === r.toLowerCase(),
  stringlike: (p, r) => globMatch(p, r),
  arnequals: (p, r) => p === r,
  arnlike: (p, r) => globMatch(p, r),
  bool: (p, r) => p.toLowerCase() === r.toLowerCase(),
  numericequals: numeric((a, b) => a === b),
  numericlessthan: numeric((a, b) => a < b),
  numericlessthanequals: numeric((a, b) => a <= b),
  numericgreaterthan: numeric((a, b) => a > b),
  numericgreaterthanequals: numeric((a, b) => a >= b),
};

const NEGATED: Record<string, string> = {
  stringnotequals: 'stringequals',
  stringnotequalsignorecase: 'stringequalsignorecase',
  stringnotlike: 'stringlike',
  arnnotequals: 'arnequals',
  arnnotlike: 'arnlike',
  numericnotequals: 'numericequals',
};

export class UnsupportedConditionError extends Error {}

function lookup(context: RequestContext, key: string): string[] | undefined {
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(context)) {
    if (k.toLowerCase() !== wanted || v === undefined) continue;
    return [v].flat().map(String);
  }
  return undefined;
}

const asStrings = (v: unknown): string[] => [v].flat().map(String);

function keyHolds(operator: string, key: string, policyValues: string[], context: RequestContext): boolean {
  let op = operator.toLowerCase();
  let set: 'any' | 'all' | undefined;
  if (op.startsWith('foranyvalue:')) [set, op] = ['any', op.slice('foranyvalue:'.length)];
  else if (op.startsWith('forallvalues:')) [set, op] = ['all', op.slice('forallvalues:'.length)];
  const ifExists = op.endsWith('ifexists') && op !== 'null';
  if (ifExists) op = op.slice(0, -'ifexists'.length);
  const values = lookup(context, key);

  if (op === 'null') {
    const absent = values === undefined || values.length === 0;
    return policyValues.some((p) => (p.toLowerCase() === 'true') === absent);
  }
  const negatedBase = NEGATED[op];
  const compare = OPERATORS[negatedBase ?? op];
  if (!compare) throw new UnsupportedConditionError(`condition operator ${operator} is not modelled`);
  const matches = (r: string) => policyValues.some((p) => compare(p, r));
  const holds = (r: string) => (negatedBase ? !matches(r) : matches(r));

  if (set === 'all') return (values ?? []).every(holds); // true for an absent or empty key
  if (set === 'any') return (values ?? []).some(holds); // false for an absent key
  if (values === undefined) return ifExists || Boolean(negatedBase);
  // A single-valued operator on the request's value(s).
  return negatedBase ? values.every(holds) : values.some(holds);
}

/** Does the statement's Condition hold for this request? (No Condition: yes.) */
export function conditionsHold(block: ConditionBlock | undefined, context: RequestContext): boolean {
  if (!block) return true;
  return Object.entries(block).every(([operator, keys]) =>
    Object.entries(keys ?? {}).every(([key, value]) => keyHolds(operator, key, asStrings(value), context)),
  );
}
