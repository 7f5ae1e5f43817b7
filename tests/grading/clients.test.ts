import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiCallLog } from '@/lib/aws/api-calls';
import type { AwsClients } from '@/lib/aws/clients';
import { sharedUntilExpiry } from '@/lib/aws/credentials';
import { gradeAccounts, roleClients } from '@/lib/grading';
import { classOf, fakeClients, rosterEntry } from './support';

/** A tiny STS over HTTP (the query protocol's XML): answers AssumeRole and GetCallerIdentity, counts the AssumeRoles. */
function fakeSts() {
  const assumed: string[] = [];
  const xml = (action: string, result: string) =>
    `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const account = (form.get('RoleArn') ?? '').split(':')[4] ?? '000000000000';
      res.setHeader('content-type', 'text/xml');
      if (form.get('Action') === 'AssumeRole') {
        assumed.push(form.get('ExternalId') ?? '');
        const key = `ASIA${account}`;
        return res.end(
          xml(
            'AssumeRole',
            `<Credentials><AccessKeyId>${key}</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>` +
              `<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>` +
              `<Arn>arn:aws:sts::${account}:assumed-role/scalelab-grader/scalelab</Arn><AssumedRoleId>AROA:scalelab</AssumedRoleId></AssumedRoleUser>`,
          ),
        );
      }
      // GetCallerIdentity: the account behind the access key that signed the request.
      const signedBy = /Credential=ASIA(\d{12})\//.exec(req.headers.authorization ?? '')?.[1] ?? '000000000000';
      res.end(
        xml(
          'GetCallerIdentity',
          `<Arn>arn:aws:sts::${signedBy}:x</Arn><UserId>u</UserId><Account>${signedBy}</Account>`,
        ),
      );
    });
  });
  return { server, assumed };
}

describe('grading clients over the wire', () => {
  const sts = fakeSts();
  let server: Server;

  beforeAll(async () => {
    server = await new Promise<Server>((resolve) => {
      const s = sts.server.listen(0, '127.0.0.1', () => resolve(s));
    });
    vi.stubEnv('AWS_ENDPOINT_URL', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'platform');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'platform');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    server.close();
  });

  it('assumes each learner role once, however many clients and regions its grading uses', async () => {
    const a = roleClients(rosterEntry('ada', '111122223333'), new ApiCallLog());
    const b = roleClients(rosterEntry('bob', '444455556666'), new ApiCallLog());
    const ask = (c: typeof a) => c.sts.send(new GetCallerIdentityCommand({}));
    const answers = await Promise.all([ask(a), ask(a.forRegion('us-west-2')), ask(b), ask(b.forRegion('eu-west-1'))]);
    await ask(a.forRegion('us-west-2'));
    expect(answers.map((x) => x.Account)).toEqual(['111122223333', '111122223333', '444455556666', '444455556666']);
    expect(sts.assumed.sort()).toEqual(['ext-ada', 'ext-bob']);
  });

  it('shares one HTTP handler (and its keep-alive connections) across accounts, regions and services', () => {
    const a = roleClients(rosterEntry('cy', '777788889999'), new ApiCallLog());
    const b = roleClients(rosterEntry('di', '123123123123'), new ApiCallLog());
    const handler = a.sts.config.requestHandler;
    expect([b.sts, a.ec2, b.forRegion('us-west-2').cloudformation].map((c) => c.config.requestHandler)).toEqual([
      handler,
      handler,
      handler,
    ]);
  });
});

// After the block above, whose clients were given AWS_ENDPOINT_URL and so never looked up a configured endpoint.
describe('a service endpoint configured for the SDK alone (AWS_ENDPOINT_URL_STS)', () => {
  const sts = fakeSts();
  let server: Server;

  beforeAll(async () => {
    server = await new Promise<Server>((resolve) => {
      const s = sts.server.listen(0, '127.0.0.1', () => resolve(s));
    });
    vi.stubEnv('AWS_ENDPOINT_URL_STS', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'platform');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'platform');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    server.close();
  });

  it('is used by the first client, which looks it up, and by every client made after it', async () => {
    const ask = (learner: string, account: string) =>
      roleClients(rosterEntry(learner, account), new ApiCallLog()).sts.send(new GetCallerIdentityCommand({}));
    expect((await ask('eve', '111111111111')).Account).toBe('111111111111');
    expect((await ask('fay', '222222222222')).Account).toBe('222222222222');
    expect(sts.assumed.sort()).toEqual(['ext-eve', 'ext-fay']);
  });
});

describe('clients per graded account', () => {
  it('makes one client per service for an account, shared by its checks and by a second round after throttling', async () => {
    const { entries, accounts } = classOf(2);
    accounts['learner-001']!.throttle = { operation: 'DescribeInstances', times: 1 };
    const { makeClients } = fakeClients(accounts);
    const seen = new Map<string, Map<string, Set<unknown>>>();
    const counting: typeof makeClients = (entry, log) => {
      const clients = makeClients(entry, log);
      const byService = new Map<string, Set<unknown>>();
      seen.set(entry.learner, byService);
      return new Proxy(clients, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (value && typeof value === 'object' && 'middlewareStack' in value) {
            byService.set(String(prop), (byService.get(String(prop)) ?? new Set()).add(value));
          }
          return value;
        },
      }) as AwsClients;
    };
    const run = await gradeAccounts({
      entries,
      stage: '00-one-user',
      makeClients: counting,
      backoff: { baseMs: 1, capMs: 2 },
    });
    expect(run.accounts.map((a) => [a.status, a.attempts])).toEqual([
      ['graded', 1],
      ['graded', 2],
    ]);
    for (const byService of seen.values()) {
      expect([...byService.keys()].sort()).toEqual(['cloudformation', 'ec2', 'sts']);
      expect([...byService.values()].map((instances) => instances.size)).toEqual([1, 1, 1]);
    }
  });
});

describe('sharedUntilExpiry', () => {
  const identity = (minutesLeft?: number): AwsCredentialIdentity => ({
    accessKeyId: 'AKIA',
    secretAccessKey: 's',
    ...(minutesLeft === undefined ? {} : { expiration: new Date(Date.now() + minutesLeft * 60_000) }),
  });

  it('answers every asker from one call until the credentials near expiry', async () => {
    const provider = vi.fn(async () => identity(60));
    const shared = sharedUntilExpiry(provider);
    await Promise.all([shared(), shared(), shared()]);
    await shared();
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it('asks again within 5 minutes of expiry, and after a failure', async () => {
    const provider = vi
      .fn<() => Promise<AwsCredentialIdentity>>()
      .mockResolvedValueOnce(identity(4))
      .mockRejectedValueOnce(new Error('ExpiredToken'))
      .mockResolvedValue(identity(60));
    const shared = sharedUntilExpiry(provider);
    await shared();
    await expect(shared()).rejects.toThrow('ExpiredToken');
    expect((await shared()).expiration?.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    await shared();
    expect(provider).toHaveBeenCalledTimes(3);
  });
});
