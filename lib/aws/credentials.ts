import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Account } from './account';

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
        : fromTemporaryCredentials({
            params: {
              RoleArn: account.roleArn,
              ExternalId: account.externalId,
              RoleSessionName: 'scalelab',
              DurationSeconds: 3600,
            },
            clientConfig: account.endpoint ? { endpoint: account.endpoint } : undefined,
          });
    providers.set(key, provider);
  }
  return provider;
}
