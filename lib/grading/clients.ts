import { type Account, defaultRegion } from '@/lib/aws/account';
import type { ApiCallLog } from '@/lib/aws/api-calls';
import { type AwsClients, createClients } from '@/lib/aws/clients';
import { defaultSecondRegion } from '@/lib/stacks/second-region';
import type { RosterEntry } from './roster';

/** Grading many accounts: the SDK's adaptive retry mode (client-side rate limiting) runs before ours. */
const gradingRetries = { retryMode: 'adaptive', maxAttempts: 5 } as const;

/** AWS_ENDPOINT_URL (LocalStack, moto) for the role's own AssumeRole call too, not only for the clients. */
const endpoint = () => (process.env.AWS_ENDPOINT_URL ? { endpoint: process.env.AWS_ENDPOINT_URL } : {});

/** A roster learner's clients: the grader role assumed with its external id, in the learner's region. */
export function roleClients(entry: RosterEntry, log: ApiCallLog): AwsClients {
  const account: Account = {
    kind: 'role',
    roleArn: entry.roleArn,
    externalId: entry.externalId,
    accountId: entry.accountId,
    // The learner's region, then stage 06's second region (the checks read the pair's secondary there).
    regions: [entry.region, entry.secondRegion ?? defaultSecondRegion(entry.region)],
    ...endpoint(),
  };
  return createClients(account, { region: entry.region, log, ...gradingRetries });
}

/** The machine's own credentials (a named profile, or the default chain): `scalelab check`. */
export function profileClients(
  options: { profile?: string; region?: string; secondRegion?: string },
  log: ApiCallLog,
): AwsClients {
  const region = options.region ?? defaultRegion;
  const account: Account = {
    kind: 'profile',
    ...(options.profile ? { profile: options.profile } : {}),
    regions: [region, options.secondRegion ?? defaultSecondRegion(region)],
    ...endpoint(),
  };
  return createClients(account, { region, log, retryMode: 'standard', maxAttempts: 3 });
}
