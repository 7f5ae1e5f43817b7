import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** `vpc-0a1b2c3d4e5f60718`: AWS's 17-hex-digit resource ids. */
export function resourceId(prefix: string, length = 17): string {
  return `${prefix}-${randomBytes(16).toString('hex').slice(0, length)}`;
}

/** Hex digits that always come out the same for the same seed (DNS names that survive an in-place update). */
export function stableHex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** CloudFormation's random suffix of generated names: `MyStack-WebBucket-1A2B3C4D5E6F7`. */
export function cfnSuffix(length = 13): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => upper[b % upper.length]).join('');
}

/** A generated physical name as CloudFormation builds it, cut to the service's limit. */
export function generatedName(stackName: string, logicalId: string, max = 255, lower = false): string {
  const suffix = cfnSuffix(12);
  const room = Math.max(2, max - suffix.length - 2);
  const stackPart = stackName.slice(0, Math.ceil(room / 2));
  const logicalPart = logicalId.slice(0, room - stackPart.length);
  const name = `${stackPart}-${logicalPart}-${suffix}`;
  return lower ? name.toLowerCase() : name;
}

export const uuid = (): string => randomUUID();

/** A fresh sandbox account: 12 random digits, never starting with 0. */
export function newAccountId(): string {
  const digits = Array.from(randomBytes(12), (b) => String(b % 10));
  digits[0] = String((Number(digits[0]) % 9) + 1);
  return digits.join('');
}

export function arn(service: string, region: string, account: string, resource: string): string {
  return `arn:aws:${service}:${region}:${account}:${resource}`;
}
