import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  ListStacksCommand,
  UpdateStackCommand,
  ValidateTemplateCommand,
  waitUntilChangeSetCreateComplete,
  waitUntilStackCreateComplete,
  waitUntilStackDeleteComplete,
  waitUntilStackUpdateComplete,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeAddressesCommand,
  DescribeVpcsCommand,
  paginateDescribeInstances,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, paginateDescribeDBInstances } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { fixture, sandboxWithClients, waitOptions } from './support';

async function all<T, I>(pages: AsyncIterable<T>, pick: (p: T) => I[] | undefined): Promise<I[]> {
  const out: I[] = [];
  for await (const p of pages) out.push(...(pick(p) ?? []));
  return out;
}

describe('sandbox CloudFormation through the real SDK', () => {
  it('creates a stack with a VPC, subnets, security groups, an instance, an EIP and an RDS database', async () => {
    const { clients } = sandboxWithClients();
    const { cloudformation: cfn, ec2, rds } = clients;
    await cfn.send(new CreateStackCommand({ StackName: 'lab', TemplateBody: fixture('web-db.yaml') }));
    const waited = await waitUntilStackCreateComplete(waitOptions(cfn), { StackName: 'lab' });
    expect(waited.state).toBe('SUCCESS');

    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'lab' }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(outputs.DbEndpoint).toMatch(/\.us-east-1\.rds\.amazonaws\.com$/);
    expect(stack?.Parameters?.find((p) => p.ParameterKey === 'LatestAmiId')?.ResolvedValue).toMatch(
      /^ami-[0-9a-f]{17}$/,
    );

    const filter = [{ Name: 'vpc-id', Values: [outputs.VpcId!] }];
    const reservations = await all(
      paginateDescribeInstances({ client: ec2, pageSize: 5 }, { Filters: filter }),
      (p) => p.Reservations,
    );
    const instance = reservations[0]?.Instances?.[0];
    expect(instance?.State?.Name).toBe('running');
    expect(instance?.MetadataOptions?.HttpTokens).toBe('required');
    expect(instance?.PublicIpAddress).toBe(outputs.WebIp);
    expect(instance?.Tags).toContainEqual({ Key: 'aws:cloudformation:stack-name', Value: 'lab' });
    expect(instance?.Tags).toContainEqual({ Key: 'scalelab:role', Value: 'web' });

    const subnets = await all(
      paginateDescribeSubnets({ client: ec2, pageSize: 1 }, { Filters: filter }),
      (p) => p.Subnets,
    );
    expect(subnets).toHaveLength(3);
    expect(instance?.Placement?.AvailabilityZone).toBe(
      subnets.find((s) => s.SubnetId === instance?.SubnetId)?.AvailabilityZone,
    );

    const groups = await all(
      paginateDescribeSecurityGroups({ client: ec2 }, { Filters: filter }),
      (p) => p.SecurityGroups,
    );
    expect(groups.map((g) => g.GroupName)).toContain('default');
    const db = groups.find((g) => g.Description === 'Database tier');
    const web = groups.find((g) => g.Description === 'Web tier');
    expect(db?.IpPermissions?.[0]?.UserIdGroupPairs?.[0]?.GroupId).toBe(web?.GroupId);

    const tables = await all(paginateDescribeRouteTables({ client: ec2 }, { Filters: filter }), (p) => p.RouteTables);
    const publicTable = tables.find((t) => t.Associations?.some((a) => a.SubnetId === instance?.SubnetId));
    expect(
      publicTable?.Routes?.some((r) => r.GatewayId?.startsWith('igw-') && r.DestinationCidrBlock === '0.0.0.0/0'),
    ).toBe(true);
    expect(tables.some((t) => t.Associations?.some((a) => a.Main))).toBe(true);

    const addresses = (await ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
    expect(addresses[0]).toMatchObject({ InstanceId: instance?.InstanceId, PublicIp: outputs.WebIp, Domain: 'vpc' });

    const tagged = await ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'tag:scalelab:lab', Values: ['lab'] }] }),
    );
    expect(tagged.Vpcs?.[0]?.VpcId).toBe(outputs.VpcId);

    const dbs = await all(paginateDescribeDBInstances({ client: rds }, {}), (p) => p.DBInstances);
    expect(dbs[0]).toMatchObject({
      Engine: 'mysql',
      MultiAZ: false,
      PubliclyAccessible: false,
      StorageEncrypted: true,
      DBInstanceStatus: 'available',
    });
    expect(dbs[0]?.DBSubnetGroup?.VpcId).toBe(outputs.VpcId);
    expect(dbs[0]?.Endpoint?.Address).toBe(outputs.DbEndpoint);
  });

  it('tells the events in dependency order over simulated time', async () => {
    const { clients } = sandboxWithClients();
    await clients.cloudformation.send(
      new CreateStackCommand({ StackName: 'lab', TemplateBody: fixture('web-db.yaml') }),
    );
    const events = (
      (await clients.cloudformation.send(new DescribeStackEventsCommand({ StackName: 'lab' }))).StackEvents ?? []
    ).reverse();
    const done = (id: string) =>
      events.findIndex((e) => e.LogicalResourceId === id && e.ResourceStatus === 'CREATE_COMPLETE');
    const started = (id: string) =>
      events.findIndex((e) => e.LogicalResourceId === id && e.ResourceStatus === 'CREATE_IN_PROGRESS');
    expect(events[0]).toMatchObject({
      LogicalResourceId: 'lab',
      ResourceStatus: 'CREATE_IN_PROGRESS',
      ResourceStatusReason: 'User Initiated',
    });
    expect(events.at(-1)).toMatchObject({ LogicalResourceId: 'lab', ResourceStatus: 'CREATE_COMPLETE' });
    expect(done('Vpc')).toBeLessThan(started('PublicSubnet'));
    expect(done('DefaultRoute')).toBeLessThan(started('Web'));
    const span = events.at(-1)!.Timestamp!.getTime() - events[0]!.Timestamp!.getTime();
    expect(span).toBeGreaterThan(5 * 60_000); // an RDS instance takes minutes, in simulated time
  });

  it('updates through a change set that classifies replacement from the spec', async () => {
    const { clients } = sandboxWithClients();
    const cfn = clients.cloudformation;
    await cfn.send(new CreateStackCommand({ StackName: 'lab', TemplateBody: fixture('web-db.yaml') }));
    const before = (await cfn.send(new DescribeStackResourcesCommand({ StackName: 'lab' }))).StackResources ?? [];
    const physical = (id: string, list = before) => list.find((r) => r.LogicalResourceId === id)?.PhysicalResourceId;

    await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'lab',
        ChangeSetName: 'resize',
        UsePreviousTemplate: true,
        Parameters: [
          { ParameterKey: 'InstanceType', ParameterValue: 't3.small' },
          { ParameterKey: 'WebDescription', ParameterValue: 'Web tier v2' },
          { ParameterKey: 'LatestAmiId', UsePreviousValue: true },
        ],
      }),
    );
    await waitUntilChangeSetCreateComplete(waitOptions(cfn), { StackName: 'lab', ChangeSetName: 'resize' });
    const cs = await cfn.send(new DescribeChangeSetCommand({ StackName: 'lab', ChangeSetName: 'resize' }));
    const change = (id: string) => cs.Changes?.find((c) => c.ResourceChange?.LogicalResourceId === id)?.ResourceChange;
    expect(change('WebSg')).toMatchObject({ Action: 'Modify', Replacement: 'True' });
    expect(change('WebSg')?.Details?.[0]).toMatchObject({
      Target: { Name: 'GroupDescription', RequiresRecreation: 'Always' },
      ChangeSource: 'ParameterReference',
    });
    expect(change('Web')).toMatchObject({ Action: 'Modify', Replacement: 'Conditional' });
    expect(change('DbSg')?.Details?.[0]).toMatchObject({ Evaluation: 'Dynamic', ChangeSource: 'ResourceReference' });
    expect(change('Vpc')).toBeUndefined();

    await cfn.send(new ExecuteChangeSetCommand({ StackName: 'lab', ChangeSetName: 'resize' }));
    await waitUntilStackUpdateComplete(waitOptions(cfn), { StackName: 'lab' });
    const after = (await cfn.send(new DescribeStackResourcesCommand({ StackName: 'lab' }))).StackResources ?? [];
    expect(physical('WebSg', after)).not.toBe(physical('WebSg'));
    expect(physical('Web', after)).toBe(physical('Web'));
    expect(physical('Vpc', after)).toBe(physical('Vpc'));
    const groups =
      (await clients.ec2.send(new (await import('@aws-sdk/client-ec2')).DescribeSecurityGroupsCommand({})))
        .SecurityGroups ?? [];
    expect(groups.some((g) => g.GroupId === physical('WebSg'))).toBe(false); // the old group is cleaned up
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'lab' }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe('UPDATE_COMPLETE');
    await expect(
      cfn.send(
        new UpdateStackCommand({
          StackName: 'lab',
          UsePreviousTemplate: true,
          Parameters: stack?.Parameters?.map((p) => ({ ParameterKey: p.ParameterKey, UsePreviousValue: true })),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'No updates are to be performed.',
    });
  });

  it('rolls a stack back when a resource has an invalid value, and then only lets it be deleted', async () => {
    const { clients } = sandboxWithClients();
    const cfn = clients.cloudformation;
    await cfn.send(
      new CreateStackCommand({ StackName: 'broken', TemplateBody: fixture('invalid-instance-type.yaml') }),
    );
    const result = await waitUntilStackCreateComplete(waitOptions(cfn), { StackName: 'broken' }).catch((e: Error) => e);
    expect(result).toBeInstanceOf(Error);
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'broken' }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe('ROLLBACK_COMPLETE');
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: 'broken' }))).StackEvents ?? [];
    expect(events.find((e) => e.ResourceStatus === 'ROLLBACK_IN_PROGRESS')?.ResourceStatusReason).toBe(
      'The following resource(s) failed to create: [Web]. Rollback requested by user.',
    );
    const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED' && e.LogicalResourceId === 'Web');
    expect(failed?.ResourceStatusReason).toContain("The instance type 't3.mega' does not exist");
    expect((await clients.ec2.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
    await expect(
      cfn.send(new UpdateStackCommand({ StackName: 'broken', UsePreviousTemplate: true })),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('ROLLBACK_COMPLETE state and can not be updated'),
    });
    await cfn.send(new DeleteStackCommand({ StackName: 'broken' }));
    await waitUntilStackDeleteComplete(waitOptions(cfn), { StackName: 'broken' });
  });

  it('rejects an invalid template the way CloudFormation does', async () => {
    const { clients } = sandboxWithClients();
    const cfn = clients.cloudformation;
    await expect(
      cfn.send(new ValidateTemplateCommand({ TemplateBody: fixture('bad-template.yaml') })),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message:
        'Template format error: Unresolved resource dependencies [Missing] in the Resources block of the template',
    });
    await expect(
      cfn.send(
        new CreateStackCommand({
          StackName: 'lab',
          TemplateBody: fixture('web-db.yaml'),
          Parameters: [{ ParameterKey: 'LatestAmiId', ParameterValue: '/aws/service/nope' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Unable to fetch parameters [/aws/service/nope] from parameter store for this account.',
    });
    const valid = await cfn.send(new ValidateTemplateCommand({ TemplateBody: fixture('web-db.yaml') }));
    expect(valid.Parameters?.map((p) => p.ParameterKey)).toEqual(['InstanceType', 'LatestAmiId', 'WebDescription']);
  });

  it('fails a resource type it does not simulate with a clear event', async () => {
    const { clients } = sandboxWithClients();
    const cfn = clients.cloudformation;
    await cfn.send(new CreateStackCommand({ StackName: 'odd', TemplateBody: fixture('unsupported-type.yaml') }));
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: 'odd' }))).StackEvents ?? [];
    expect(
      events.find((e) => e.LogicalResourceId === 'Cluster' && e.ResourceStatus === 'CREATE_FAILED')
        ?.ResourceStatusReason,
    ).toContain('not supported by the ScaleLab sandbox');
  });

  it('deletes a stack and everything in it', async () => {
    const { clients } = sandboxWithClients();
    const cfn = clients.cloudformation;
    const { StackId } = await cfn.send(
      new CreateStackCommand({ StackName: 'lab', TemplateBody: fixture('web-db.yaml') }),
    );
    await cfn.send(new DeleteStackCommand({ StackName: 'lab' }));
    await waitUntilStackDeleteComplete(waitOptions(cfn), { StackName: StackId });
    await expect(cfn.send(new DescribeStacksCommand({ StackName: 'lab' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Stack with id lab does not exist',
    });
    expect((await cfn.send(new DescribeStacksCommand({ StackName: StackId }))).Stacks?.[0]?.StackStatus).toBe(
      'DELETE_COMPLETE',
    );
    expect(
      (await cfn.send(new ListStacksCommand({ StackStatusFilter: ['DELETE_COMPLETE'] }))).StackSummaries,
    ).toHaveLength(1);
    expect((await clients.ec2.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
    expect((await clients.rds.send(new DescribeDBInstancesCommand({}))).DBInstances).toEqual([]);
    expect((await clients.ec2.send(new DescribeAddressesCommand({}))).Addresses).toEqual([]);
  });

  it('keeps the template it was given', async () => {
    const { clients } = sandboxWithClients();
    await clients.cloudformation.send(
      new CreateStackCommand({ StackName: 'lab', TemplateBody: fixture('web-db.yaml') }),
    );
    const got = await clients.cloudformation.send(new GetTemplateCommand({ StackName: 'lab' }));
    expect(got.TemplateBody).toBe(fixture('web-db.yaml'));
  });
});
