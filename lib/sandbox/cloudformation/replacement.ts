/** Which property changes replace a resource: the spec's `causesReplacement`, with the sandbox's answer to "maybe". */
import type { PreparedTemplate } from './template';

/** The properties whose value differs (Tags are compared apart: they never replace). */
export function changedProperties(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => k !== 'Tags' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** Does a changed property replace the resource? The spec says yes / no / maybe; the sandbox answers the maybes. */
export function replaces(prepared: PreparedTemplate, type: string, changed: string[]): boolean {
  return changed.some((p) => {
    const r = prepared.spec.replacement(type, p);
    if (r === 'yes') return true;
    if (r === 'no') return false;
    return !MAYBE_IN_PLACE.has(`${type}.${p}`);
  });
}

/** Conditional replacements that happen in place in the cases the labs use (an EBS-backed instance resized, ...). */
const MAYBE_IN_PLACE = new Set([
  'AWS::EC2::Instance.InstanceType',
  'AWS::EC2::Instance.SecurityGroupIds',
  'AWS::EC2::Instance.UserData',
  'AWS::RDS::DBInstance.DBInstanceClass',
  'AWS::RDS::DBInstance.AllocatedStorage',
  'AWS::RDS::DBInstance.MultiAZ',
  'AWS::RDS::DBInstance.EngineVersion',
  'AWS::ElastiCache::ReplicationGroup.CacheNodeType',
  'AWS::ElastiCache::ReplicationGroup.NumCacheClusters',
]);

export type Recreation = 'Always' | 'Conditionally' | 'Never';

/** What a change set says of one changed property (`RequiresRecreation`). */
export function recreationOf(prepared: PreparedTemplate, type: string, property: string): Recreation {
  const r = prepared.spec.replacement(type, property);
  return r === 'yes' ? 'Always' : r === 'maybe' ? 'Conditionally' : 'Never';
}

/**
 * A change set's `Replacement` for a resource from its property details: True when a statically known change always
 * recreates it, Conditional when one may (or when an always-recreating value is only known at deploy time).
 */
export function replacementOf(
  details: { Target: { RequiresRecreation: Recreation }; Evaluation: 'Static' | 'Dynamic' }[],
): 'True' | 'False' | 'Conditional' {
  const always = details.some((d) => d.Target.RequiresRecreation === 'Always' && d.Evaluation === 'Static');
  const maybe = details.some(
    (d) =>
      d.Target.RequiresRecreation === 'Conditionally' ||
      (d.Target.RequiresRecreation === 'Always' && d.Evaluation === 'Dynamic'),
  );
  return always ? 'True' : maybe ? 'Conditional' : 'False';
}
