import { DescribeInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { getCheck } from '@/checkers';
import type { AwsClients } from '@/lib/aws/clients';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { createSandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';
import { STACK, templateText } from '../../content/harness-support';

/** Deploy a stage template into a fresh sandbox as a learner does; the sandbox is kept for its data plane. */
async function deploy(body: string) {
  const sandbox = createSandbox({ accountId: '777788889999' });
  const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
  const preview = await prepareChangeSet({ clients, stackName: STACK, templateBody: body });
  await executeChangeSet(clients, STACK, preview.changeSetId);
  const final = await followStack(clients, STACK, new Date(0), () => {}, { intervalMs: 5 });
  expect(final.status, final.rootCause?.reason).toBe('CREATE_COMPLETE');
  return { sandbox, clients };
}

async function judge(clients: AwsClients, id: string) {
  const [result] = await evaluateChecks([getCheck(id)!], new Inventory(clients, { stackName: STACK }));
  return result!;
}

async function webInstances(clients: AwsClients) {
  const out = await clients.ec2.send(
    new DescribeInstancesCommand({ Filters: [{ Name: 'tag:scalelab:role', Values: ['web'] }] }),
  );
  return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

const stage00 = templateText('00-one-user', 'solution.yaml') ?? '';
const stage02 = templateText('02-high-availability', 'solution.yaml') ?? '';
const stage03 = templateText('03-scale-out', 'solution.yaml') ?? '';

describe('stage 00 in the sandbox: http.app-responds', () => {
  it('passes on the solution: the Elastic IP reaches the demo app, which names its instance and AZ', async () => {
    const { sandbox, clients } = await deploy(stage00);
    const result = await judge(clients, 'http.app-responds');
    expect(result.status, result.message.en).toBe('pass');
    const [instance] = await webInstances(clients);
    const page = await (await clients.fetch(String(result.evidence[0]?.id))).text();
    expect(page).toContain('<h1>Hello from one box</h1>');
    expect(page).toContain(
      `<dd>${instance?.InstanceId}</dd><dt>Availability Zone</dt><dd>${instance?.Placement?.AvailabilityZone}</dd>`,
    );
    expect(sandbox.snapshot().objects).toBeUndefined(); // the data plane only reads
  });

  it('fails, naming the web SG, when its port-80 rule is removed', async () => {
    const { clients } = await deploy(stage00.replace(/( {6}SecurityGroupIngress:\n(?: {8}.*\n)+)/, ''));
    const result = await judge(clients, 'http.app-responds');
    expect(result.status).toBe('fail');
    expect(result.message.en).toMatch(
      /^GET http:\/\/[\d.]+\/ got no answer: The security group scalelab-harness-web-sg \(sg-[0-9a-f]+\) of i-[0-9a-f]+ does not admit port 80 from the internet\.$/,
    );
    expect(result.message.ko).toContain('80번 포트를 허용하지 않습니다');
  });

  it('fails, naming the instance, when the box is stopped', async () => {
    const { clients } = await deploy(stage00);
    const ids = (await webInstances(clients)).map((i) => i.InstanceId ?? '');
    await clients.ec2.send(new StopInstancesCommand({ InstanceIds: ids }));
    const result = await judge(clients, 'http.app-responds');
    expect(result.status).toBe('fail');
    expect(result.message.en).toContain(`${ids[0]} is stopped, not running`);
  });
});

describe('stage 02 in the sandbox: http.balanced-across-azs', () => {
  it('passes on the solution: answers come from both AZs', async () => {
    const { clients } = await deploy(stage02);
    const result = await judge(clients, 'http.balanced-across-azs');
    expect(result.status, result.message.en).toBe('pass');
    expect(result.message.en).toMatch(/answered from 2 AZs \(us-east-1a, us-east-1b\)\.$/);
  });

  it('fails when one AZ’s instance is stopped, saying the target group no longer uses it', async () => {
    const { clients } = await deploy(stage02);
    const b = (await webInstances(clients)).find((i) => i.Placement?.AvailabilityZone === 'us-east-1b');
    await clients.ec2.send(new StopInstancesCommand({ InstanceIds: [b?.InstanceId ?? ''] }));
    const result = await judge(clients, 'http.balanced-across-azs');
    expect(result.status).toBe('fail');
    expect(result.message.en).toContain('one AZ only (us-east-1a)');
    expect(result.message.en).toContain(`${b?.InstanceId} is stopped: the target group does not use it.`);
  });

  it('fails when one AZ’s instance gets a security group that does not admit the ALB SG', async () => {
    // The second web server runs in the VPC's default security group instead of the web SG.
    const body = stage02.replace(
      /( {2}WebInstanceB:\n(?: {4}.*\n)*? {6}SubnetId: !Ref PublicSubnetB\n)/,
      '$1      SecurityGroupIds: [!GetAtt Vpc.DefaultSecurityGroup]\n',
    );
    expect(body).not.toBe(stage02);
    const { clients } = await deploy(body);
    const result = await judge(clients, 'http.balanced-across-azs');
    expect(result.status).toBe('fail');
    expect(result.message.en).toContain('one AZ only (us-east-1a)');
    expect(result.message.en).toMatch(
      /fails its health checks: The security group default \(sg-[0-9a-f]+\) of i-[0-9a-f]+ does not admit port 80 from the ALB SG/,
    );
  });

  it('fails, naming the hop, when the web SG admits a CIDR instead of the ALB SG', async () => {
    const body = stage02.replace(
      /SourceSecurityGroupId: !Ref AlbSecurityGroup\n( {10}Description: HTTP from the load balancer)/,
      'CidrIp: 203.0.113.0/24\n$1',
    );
    expect(body).not.toBe(stage02);
    const { clients } = await deploy(body);
    const result = await judge(clients, 'http.balanced-across-azs');
    expect(result.status).toBe('fail');
    expect(result.message.en).toContain('statuses 504');
    expect(result.message.en).toContain('does not admit port 80 from the ALB SG');
  });
});

describe('stage 03 in the sandbox: the static bucket through CloudFront', () => {
  it('serves an object through the OAC, and refuses the direct S3 URL', async () => {
    const { clients } = await deploy(stage03);
    const inv = new Inventory(clients, { stackName: STACK });
    const [bucket, domain] = await Promise.all([
      inv.stackOutput('StaticBucket'),
      inv.stackOutput('DistributionDomain'),
    ]);
    await clients.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'hello.txt', Body: 'hello from S3', ContentType: 'text/plain' }),
    );
    const viaCloudFront = await clients.fetch(`http://${domain}/hello.txt`);
    expect(viaCloudFront.status).toBe(200); // after the redirect to HTTPS
    expect(await viaCloudFront.text()).toBe('hello from S3');
    const direct = await clients.fetch(`https://${bucket}.s3.us-east-1.amazonaws.com/hello.txt`);
    expect(direct.status).toBe(403);
    expect(await direct.text()).toContain('<Code>AccessDenied</Code>');
    expect((direct as Response & { hop?: { en: string } }).hop?.en).toMatch(
      /refuses an anonymous request: no statement of its bucket policy grants it s3:GetObject/,
    );
  });
});
