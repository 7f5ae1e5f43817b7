import { existsSync, readFileSync } from 'node:fs';
import { CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeInstancesCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createSandbox, memoryPersistence } from '@/lib/sandbox';
import { fixture, sandboxWithClients } from './support';

describe('sandbox faults', () => {
  it('throttles, and the SDK retries the throttled call', async () => {
    const sandbox = createSandbox({
      accountId: '111122223333',
      faults: [{ kind: 'throttle', service: 'EC2', times: 2 }],
    });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 3 });
    const out = await clients.ec2.send(new DescribeVpcsCommand({}));
    expect(out.Vpcs).toEqual([]);
    expect(out.$metadata.attempts).toBe(3);
  });

  it('reports throttling after the retries run out as RequestLimitExceeded', async () => {
    const { clients } = sandboxWithClients({ faults: [{ kind: 'throttle', service: 'EC2' }] });
    await expect(clients.ec2.send(new DescribeInstancesCommand({}))).rejects.toMatchObject({
      name: 'RequestLimitExceeded',
      $metadata: { httpStatusCode: 503 },
    });
  });

  it('denies one operation and lets the others through', async () => {
    const { clients } = sandboxWithClients({
      faults: [{ kind: 'access-denied', service: 'EC2', operation: 'DescribeInstances' }],
    });
    await expect(clients.ec2.send(new DescribeInstancesCommand({}))).rejects.toMatchObject({
      name: 'UnauthorizedOperation',
      message: expect.stringContaining('ec2:DescribeInstances'),
    });
    expect((await clients.ec2.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
  });

  it('adds latency', async () => {
    const { clients } = sandboxWithClients({ faults: [{ kind: 'latency', latencyMs: 60 }] });
    const started = performance.now();
    await clients.sts.send(new GetCallerIdentityCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('sandbox persistence', () => {
  it('keeps an account across a restart', async () => {
    const persistence = memoryPersistence();
    const first = createSandbox({ accountId: '444455556666', persistence });
    await first
      .clientsFor('us-east-1')
      .cloudformation.send(new CreateStackCommand({ StackName: 'lab', TemplateBody: fixture('web-db.yaml') }));
    await first.settled();

    const second = createSandbox({ accountId: '444455556666', persistence });
    const clients = second.clientsFor('us-east-1');
    const stack = (await clients.cloudformation.send(new DescribeStacksCommand({ StackName: 'lab' }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const vpcs = (await clients.ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    expect(vpcs.map((v) => v.VpcId)).toEqual([stack?.Outputs?.find((o) => o.OutputKey === 'VpcId')?.OutputValue]);
    expect((await clients.sts.send(new GetCallerIdentityCommand({}))).Account).toBe('444455556666');
  });

  it('goes on with an operation that was playing when the server stopped, on its schedule', async () => {
    const persistence = memoryPersistence();
    let crashed = false;
    const slow = createSandbox({
      accountId: '777788889999',
      speed: 0.004,
      persistence: {
        load: (id) => persistence.load(id),
        version: (id) => persistence.version(id),
        save: (id, state, expected) =>
          crashed ? Promise.reject(new Error('the server is gone')) : persistence.save(id, state, expected),
      },
    });
    await slow
      .clientsFor('us-east-1')
      .cloudformation.send(new CreateStackCommand({ StackName: 'lab', TemplateBody: fixture('web-db.yaml') }));
    // The server that started it stops (it writes nothing more); a restarted one reads the stored state.
    crashed = true;
    const writes = persistence.writes;
    const restarted = createSandbox({ accountId: '777788889999', persistence });
    const describe = async () =>
      (await restarted.clientsFor('us-east-1').cloudformation.send(new DescribeStacksCommand({ StackName: 'lab' })))
        .Stacks?.[0]?.StackStatus;
    expect(await describe()).toBe('CREATE_IN_PROGRESS');
    const deadline = Date.now() + 20_000;
    while ((await describe()) === 'CREATE_IN_PROGRESS' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(await describe()).toBe('CREATE_COMPLETE');
    // Reading wrote nothing: the steps fall due from the stored plan on any server.
    expect(persistence.writes).toBe(writes);
    await slow.settled();
  });

  it('gives a fresh account 12 random digits', () => {
    expect(createSandbox().accountId).toMatch(/^[1-9]\d{11}$/);
  });
});

describe.runIf(existsSync('templates/00-one-user/solution.yaml'))('the stage 00 solution', () => {
  it('deploys, with a running web instance behind its Elastic IP', async () => {
    const { clients } = sandboxWithClients();
    const body = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
    await clients.cloudformation.send(new CreateStackCommand({ StackName: 'scalelab-learner', TemplateBody: body }));
    const stack = (await clients.cloudformation.send(new DescribeStacksCommand({ StackName: 'scalelab-learner' })))
      .Stacks?.[0];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const ip = stack?.Outputs?.find((o) => o.OutputKey === 'PublicIp')?.OutputValue;
    const instances = (
      await clients.ec2.send(
        new DescribeInstancesCommand({
          Filters: [
            { Name: 'tag:scalelab:role', Values: ['web'] },
            { Name: 'instance-state-name', Values: ['running'] },
          ],
        }),
      )
    ).Reservations?.flatMap((r) => r.Instances ?? []);
    expect(instances?.[0]?.PublicIpAddress).toBe(ip);
  });
});
