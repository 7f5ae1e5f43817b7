/**
 * Where a learner's lab lives. Credentials are never part of this value: a `role` account names the role,
 * a `profile` account names the local profile; the SDK's credential providers fetch the secrets.
 */
export type Account =
  | { kind: 'sandbox'; accountId: string; regions: string[] }
  | { kind: 'profile'; profile?: string; accountId?: string; regions: string[]; endpoint?: string }
  | { kind: 'role'; roleArn: string; externalId: string; accountId?: string; regions: string[]; endpoint?: string };

export const defaultRegion = 'us-east-1';
export const secondRegion = 'us-west-2';
