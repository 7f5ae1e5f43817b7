import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Account } from './account';
import { sharedClientConfig } from './shared-config';

// One provider per account, shared by every region and service: one AssumeRole, refreshed before it expires.
const providers = new Map<string, AwsCredentialIdentityProvider>();

/** The SDK's own credential providers; never hand-built keys. Secrets stay inside the provider, never logged. */
export function credentialsFor(account: Account): AwsCredentialIdentityProvider | undefined {
  if (account.kind === 'sandbox') return undefined;
  const key =
    account.kind === 'profile' ? `profile:${account.profile ?? ''}` : `role:${account.roleArn}:${account.externalId}`;
  let provider = providers.get(key);
  if (!provider) {
    provider =
      account.kind === 'profile'
        ? fromNodeProviderChain(account.profile ? { profile: account.profile } : {})
        : sharedUntilExpiry(
            fromTemporaryCredentials({
              params: {
                RoleArn: account.roleArn,
                ExternalId: account.externalId,
                RoleSessionName: 'scalelab',
                DurationSeconds: 3600,
              },
              // The platform's own principal (the machine's default chain), resolved once for every role it assumes
              // rather than a fresh chain per learner (on EC2 or ECS, one metadata-service round-trip each).
              masterCredentials: credentialsFor({ kind: 'profile', regions: [] }),
              clientConfig: { ...sharedClientConfig(), ...(account.endpoint ? { endpoint: account.endpoint } : {}) },
            }),
          );
    providers.set(key, provider);
  }
  return provider;
}

/** Credentials are fetched again this long before they expire (the SDK's own clients refresh 5 minutes early). */
const REFRESH_BEFORE_MS = 5 * 60_000;

/**
 * One answer of `provider` for every client that asks, until it nears expiry; concurrent first asks share one call.
 * Each SDK client memoizes its credentials by itself, so without this an account graded with three services assumed
 * its role three times (fromTemporaryCredentials does not memoize). A failed call is not kept: the next ask retries.
 */
export function sharedUntilExpiry(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  let expiresAt = Number.POSITIVE_INFINITY;
  return (properties) => {
    if (current && Date.now() < expiresAt - REFRESH_BEFORE_MS) return current;
    const asked = provider(properties).then((identity) => {
      expiresAt = identity.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
      return identity;
    });
    current = asked;
    expiresAt = Number.POSITIVE_INFINITY;
    asked.catch(() => {
      if (current === asked) current = undefined;
    });
    return asked;
  };
}
