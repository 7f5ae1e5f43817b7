import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Instance, SecurityGroup } from '@aws-sdk/client-ec2';
import { describe, expect, it, vi } from 'vitest';
import elasticIp from '@/checkers/ec2/elastic-ip';
import imdsv2 from '@/checkers/ec2/imdsv2-required';
import scaledUp, { LAUNCH_TYPE } from '@/checkers/ec2/scaled-up';
import webRunning from '@/checkers/ec2/web-instance-running';
import appResponds from '@/checkers/http/app-responds';
import noAdmin from '@/checkers/sg/no-open-admin-ports';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { probeHttp } from '@/lib/inventory/http';
import { awsError, type Fixtures, fixtureInventory, labStack, nothingDeployed } from '../support/aws-fixtures';

const web = (over: Partial<Instance> = {}): Instance => ({
  InstanceId: 'i-0web',
  InstanceType: 't3.micro',
  State: { Name: 'running', Code: 16 },
  VpcId: 'vpc-0lab',
  SecurityGroups: [{ GroupId: 'sg-0web', GroupName: 'web' }],
  MetadataOptions: { HttpTokens: 'required' },
  Tags: [{ Key: 'scalelab:role', Value: 'web' }],
  ...over,
});
const webSg: SecurityGroup = {
  GroupId: 'sg-0web',
  GroupName: 'web',
  VpcId: 'vpc-0lab',
  IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
};

/** The stage 00 solution as AWS describes it. */
const oneBox = (over: Fixtures = {}): Fixtures => ({
  'CloudFormation.DescribeStacks': labStack(),
  'EC2.DescribeInstances': { Reservations: [{ Instances: [web()] }] },
  'EC2.DescribeSecurityGroups': { SecurityGroups: [webSg] },
  'EC2.DescribeAddresses': {
    Addresses: [{ AllocationId: 'eipalloc-1', PublicIp: '203.0.113.10', InstanceId: 'i-0web' }],
  },
  ...over,
});

const run = async (check: typeof webRunning, fixtures: Fixtures) => check.run(fixtureInventory(fixtures).inventory);

describe.each([webRunning, elasticIp, noAdmin, imdsv2, scaledUp, appResponds])('$id', (check) => {
  it('fails and says so when nothing is deployed yet', async () => {
    const out = await run(check, nothingDeployed);
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(/launch the stage template/);
  });

  it('reports an AccessDenied as an error naming the missing permission, never a fail', async () => {
    const { inventory } = fixtureInventory({
      ...oneBox(),
      'CloudFormation.DescribeStacks': awsError('AccessDenied', 'no', 403),
    });
    const [result] = await evaluateChecks([check], inventory);
    expect(result?.status).toBe('error');
    expect(result?.action).toBe('cloudformation:DescribeStacks');
    expect(result?.message.en).toContain('cloudformation:DescribeStacks');
  });
});

describe('ec2.web-instance-running', () => {
  it('passes when a web-tagged instance is running, naming it', async () => {
    const out = await run(webRunning, oneBox());
    expect(out.status).toBe('pass');
    expect(out.message.en).toBe('EC2 instance i-0web is running.');
    expect(out.evidence[0]).toMatchObject({ id: 'i-0web', values: { State: 'running' } });
  });
  it('fails when the web instance is stopped (mid scale-up)', async () => {
    const out = await run(
      webRunning,
      oneBox({ 'EC2.DescribeInstances': { Reservations: [{ Instances: [web({ State: { Name: 'stopped' } })] }] } }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('i-0web=stopped');
  });
  it('fails when the only instance is not tagged as web', async () => {
    const out = await run(
      webRunning,
      oneBox({ 'EC2.DescribeInstances': { Reservations: [{ Instances: [web({ Tags: [] })] }] } }),
    );
    expect(out.status).toBe('fail');
  });
  it('passes when one of several web instances runs', async () => {
    const out = await run(
      webRunning,
      oneBox({
        'EC2.DescribeInstances': {
          Reservations: [{ Instances: [web({ InstanceId: 'i-0old', State: { Name: 'stopped' } }), web()] }],
        },
      }),
    );
    expect(out.status).toBe('pass');
    expect(out.evidence).toHaveLength(2);
  });
});

describe('ec2.elastic-ip', () => {
  it('passes when an Elastic IP is associated with the web instance', async () => {
    const out = await run(elasticIp, oneBox());
    expect(out.status).toBe('pass');
    expect(out.evidence[0]).toMatchObject({ id: 'eipalloc-1', values: { PublicIp: '203.0.113.10' } });
  });
  it('fails when the Elastic IP is associated with another instance', async () => {
    const out = await run(
      elasticIp,
      oneBox({ 'EC2.DescribeAddresses': { Addresses: [{ AllocationId: 'eipalloc-2', InstanceId: 'i-0other' }] } }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('i-0web');
  });
});

describe('sg.no-open-admin-ports', () => {
  it('passes when only port 80 is open to the world', async () => {
    expect((await run(noAdmin, oneBox())).status).toBe('pass');
  });
  it.each([
    [
      'SSH from 0.0.0.0/0',
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      'sg-0web:22',
    ],
    [
      'RDP from ::/0',
      { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
      'sg-0web:3389',
    ],
    ['all traffic from the world', { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }, 'sg-0web:22'],
    [
      'a port range spanning 22',
      { IpProtocol: 'tcp', FromPort: 0, ToPort: 1024, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      'sg-0web:22',
    ],
  ])('fails on %s', async (_name, rule, where) => {
    const sg = { ...webSg, IpPermissions: [...(webSg.IpPermissions ?? []), rule] };
    const out = await run(noAdmin, oneBox({ 'EC2.DescribeSecurityGroups': { SecurityGroups: [sg] } }));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(where);
  });
  it('passes when SSH is open only to one address', async () => {
    const sg = {
      ...webSg,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '198.51.100.7/32' }] }],
    };
    expect((await run(noAdmin, oneBox({ 'EC2.DescribeSecurityGroups': { SecurityGroups: [sg] } }))).status).toBe(
      'pass',
    );
  });
});

describe('ec2.imdsv2-required', () => {
  it('passes when HttpTokens=required', async () => {
    expect((await run(imdsv2, oneBox())).status).toBe('pass');
  });
  it('fails when HttpTokens=optional, naming the instance', async () => {
    const out = await run(
      imdsv2,
      oneBox({
        'EC2.DescribeInstances': {
          Reservations: [{ Instances: [web({ MetadataOptions: { HttpTokens: 'optional' } })] }],
        },
      }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('i-0web');
    expect(out.evidence[0]?.values.HttpTokens).toBe('optional');
  });
});

/** A loopback port nothing listens on any more: the kernel refuses a connection at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('http.app-responds', () => {
  it('is skipped in the sandbox, with the reason', async () => {
    const { inventory } = fixtureInventory(oneBox(), {
      kind: 'sandbox',
      accountId: '000000000000',
      regions: ['us-east-1'],
    });
    const out = await appResponds.run(inventory);
    expect(out.status).toBe('skipped');
    expect(out.message.en).toMatch(/sandbox/);
  });
  it.each([
    [200, 'pass'],
    [502, 'fail'],
  ])('answers %i from a real web server → %s', async (code, expected) => {
    const server = createServer((_req, res) => res.writeHead(code).end('scalelab demo'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const out = await run(
        appResponds,
        oneBox({ 'CloudFormation.DescribeStacks': labStack({ AppUrl: `http://127.0.0.1:${port}/` }) }),
      );
      expect(out.status).toBe(expected);
      expect(out.evidence[0]?.values.status).toBe(code);
    } finally {
      server.close();
    }
  });
  it('fails when the connection is refused: the address answers, but the app is dead', async () => {
    const port = await closedPort();
    const out = await run(
      appResponds,
      oneBox({ 'CloudFormation.DescribeStacks': labStack({ AppUrl: `http://127.0.0.1:${port}/` }) }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(/refused \(ECONNREFUSED\)/);
  });
  it('is skipped, with the reason, only when the platform’s network cannot reach the address', async () => {
    const { inventory } = fixtureInventory(oneBox());
    vi.spyOn(inventory, 'http').mockResolvedValue({ reachable: false, refused: false, reason: 'ENETUNREACH' });
    const out = await appResponds.run(inventory);
    expect(out.status).toBe('skipped');
    expect(out.message.en).toBe(
      "The platform's network cannot reach http://203.0.113.10/ (ENETUNREACH), so the app was not judged.",
    );
  });
  it('tells a silent address (a timeout: unreachable) from a refusing one', async () => {
    const silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as AddressInfo;
    try {
      expect(await probeHttp(`http://127.0.0.1:${port}/`, 200)).toEqual({
        reachable: false,
        refused: false,
        reason: 'no answer within 0.2 s',
      });
      expect(await probeHttp(`http://127.0.0.1:${await closedPort()}/`, 200)).toMatchObject({
        reachable: false,
        refused: true,
      });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('ec2.scaled-up', () => {
  it('starts from the type stage 00 launches with (the template default)', () => {
    const template = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
    expect(template).toMatch(new RegExp(`InstanceType:\\n {4}Type: String\\n {4}Default: ${LAUNCH_TYPE}\\n`));
  });
  it('passes once the box runs another type, naming it', async () => {
    const out = await run(
      scaledUp,
      oneBox({ 'EC2.DescribeInstances': { Reservations: [{ Instances: [web({ InstanceType: 't3.small' })] }] } }),
    );
    expect(out.status).toBe('pass');
    expect(out.message.en).toBe('EC2 instance i-0web runs t3.small, scaled up from t3.micro.');
  });
  it('fails while the box still runs the launch type', async () => {
    const out = await run(scaledUp, oneBox());
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe('EC2 instance i-0web still runs t3.micro, the type it was launched with.');
  });
  it('fails while the box is stopped mid-resize (nothing runs to judge)', async () => {
    const stopped = web({ InstanceType: 't3.small', State: { Name: 'stopped', Code: 80 } });
    const out = await run(scaledUp, oneBox({ 'EC2.DescribeInstances': { Reservations: [{ Instances: [stopped] }] } }));
    expect(out.status).toBe('fail');
  });
});

describe('one check run', () => {
  it('calls each describe API at most once, however many checks read it', async () => {
    const { inventory, log } = fixtureInventory(oneBox());
    const results = await evaluateChecks([webRunning, elasticIp, noAdmin, imdsv2], inventory);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(Object.values(log.counts()).every((n) => n === 1)).toBe(true);
    expect(log.counts()).toEqual({
      'CloudFormation.DescribeStacks': 1,
      'EC2.DescribeInstances': 1,
      'EC2.DescribeAddresses': 1,
      'EC2.DescribeSecurityGroups': 1,
    });
  });
});
