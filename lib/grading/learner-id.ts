import { createHash } from 'node:crypto';

/** The namespace of learner ids derived from roster names (a fixed, random UUID: never change it). */
export const ROSTER_NAMESPACE = '6f1c7f0e-4b8a-4d2e-9a57-5c3b1e2d9f40';

/** RFC 4122 version-5 UUID: SHA-1 of the namespace and the name, with the version and variant bits set. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  if (ns.length !== 16) throw new Error(`Not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** How two roster names are compared: trimmed, Unicode-normalized, case-insensitive ("Alice" is "alice "). */
export function normalizeLearnerName(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('en-US');
}

/** The stored learner id of a roster name: the same name always grades into the same learner's runs. */
export function learnerIdFor(name: string): string {
  return uuidV5(normalizeLearnerName(name), ROSTER_NAMESPACE);
}

/**
 * The lab stack a learner deploys, as the lab tells them: `scalelab-<your name>`, lower case, ASCII letters, digits
 * and dashes. A name with none of those (김민수) falls back to the first 8 hex digits of the learner id.
 */
export function defaultStackName(name: string): string {
  const slug = normalizeLearnerName(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return `scalelab-${slug || learnerIdFor(name).replaceAll('-', '').slice(0, 8)}`;
}
