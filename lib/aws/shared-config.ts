import { STSClient, type STSClientConfig } from '@aws-sdk/client-sts';

/**
 * Sockets kept per endpoint (ec2.us-east-1.amazonaws.com, …) by the one HTTP handler every client shares. Grading at
 * concurrency 64 with up to ~4 describes of one service in flight per account needs about this many; beyond it, calls
 * queue for a socket (the SDK warns) instead of opening more.
 */
export const MAX_SOCKETS_PER_ENDPOINT = 256;

/** The part of a client's configuration that is the same for every account, region and service. */
export type SharedClientConfig = Readonly<
  Pick<
    STSClientConfig,
    'useFipsEndpoint' | 'useDualstackEndpoint' | 'userAgentAppId' | 'authSchemePreference' | 'requestHandler'
  >
>;

let shared: SharedClientConfig | undefined;

/**
 * What every SDK client would otherwise look up for itself on its first call — FIPS and dual-stack endpoints, the app
 * id, the auth scheme preference (each an environment variable, then ~/.aws/config, then a default: the SDK's own
 * loaders, read off one client it configured) — and the HTTP handler with its keep-alive agents. Looked up once per
 * process and handed to every client: grading 1,000 accounts reads the machine's settings once instead of once per
 * client (about a third of an account's CPU went to those look-ups and their discarded errors), and connections to an
 * endpoint are reused from one account to the next instead of each client opening its own (one TLS handshake per
 * endpoint, not per account and service). Never `destroy()` a client made with it: that would close the shared agents.
 */
export function sharedClientConfig(): SharedClientConfig {
  if (shared) return shared;
  const agent = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_ENDPOINT };
  const { config } = new STSClient({ region: 'us-east-1', requestHandler: { httpAgent: agent, httpsAgent: agent } });
  shared = {
    useFipsEndpoint: config.useFipsEndpoint,
    useDualstackEndpoint: config.useDualstackEndpoint,
    userAgentAppId: config.userAgentAppId,
    authSchemePreference: config.authSchemePreference,
    requestHandler: config.requestHandler,
  };
  return shared;
}

/** Per service: the endpoint its clients are configured with, `null` for none, once the first client has looked. */
const configuredEndpoints = new Map<string, string | null>();
const looking = new Set<string>();

type ConfiguredEndpointLookup = { config: { serviceConfiguredEndpoint?: () => Promise<string | undefined> } };

/**
 * A service's configured endpoint — AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, or `endpoint_url` in
 * ~/.aws/config, as the SDK reads them — which every client otherwise looks up for itself at its first call: the first
 * client of each service looks (the SDK's own lookup, read off `client.config`), and the clients made after it are
 * given the answer (the endpoint, or "none: do not look").
 */
export function configuredEndpointFor(service: string): { endpoint?: string; ignoreConfiguredEndpointUrls?: true } {
  const known = configuredEndpoints.get(service);
  if (known === undefined) return {};
  return known === null ? { ignoreConfiguredEndpointUrls: true } : { endpoint: known };
}

/** Let this client's own lookup answer for the service's later clients (once per service and process). */
export function learnConfiguredEndpoint(service: string, client: unknown): void {
  if (configuredEndpoints.has(service) || looking.has(service)) return;
  const lookup = (client as ConfiguredEndpointLookup).config.serviceConfiguredEndpoint;
  if (!lookup) return;
  looking.add(service);
  lookup().then(
    (url) => configuredEndpoints.set(service, url ?? null),
    () => looking.delete(service),
  );
}
