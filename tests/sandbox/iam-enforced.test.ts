import { readFileSync } from 'node:fs';
import { CreateStackCommand, DescribeStackEventsCommand } from '@aws-sdk/client-cloudformation';
import { CreateVpcCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import type { AwsClients } from '@/lib/aws/clients';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { getLab } from '@/lib/labs/registry';
import { createSandbox } from '@/lib/sandbox';
import { currentStack, executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';
import { labTemplates } from '../iam/support';

const ACCOUNT = '246813579024';
const ACCESS = readFileSync('templates/access/learner-access.yaml', 'utf8');

async function deployWith(clients: AwsClients, stackName: string, templateBody: string, parameters = {}) {
  const preview = await prepareChangeSet({ clients, stackName, templateBody, parameters });
  await executeChangeSet(clients, stackName, preview.changeSetId);
  const final = await followStack(clients, stackName, new Date(0), () => {}, { intervalMs: 1 });
  const events = (await clients.cloudformation.send(new DescribeStackEventsCommand({ StackName: stackName })))
    .StackEvents;
  const failed = (events ?? []).filter((e) => e.ResourceStatus?.endsWith('_FAILED')).map((e) => e.ResourceStatusReason);
  return { status: final.status, failed: failed.join('\n') };
}

/** A sandbox account with learner-access.yaml deployed, and clients that call as its operator and grader roles. */
async function workshopAccount(access = ACCESS) {
  const sandbox = createSandbox({ accountId: ACCOUNT });
  const admin = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
  const externalId = 'scalelab-iam-test';
  const made = await deployWith(admin, 'scalelab-access', access, {
    PlatformPrincipalArn: 'arn:aws:iam::123456789012:role/scalelab-platform',
    ExternalId: externalId,
  });
  expect(made.status, made.failed).toBe('CREATE_COMPLETE');
  const outputs = (await currentStack(admin, 'scalelab-access'))?.Outputs ?? [];
  const arn = (key: string) => outputs.find((o) => o.OutputKey === key)?.OutputValue ?? '';
  const as = (roleArn: string) => sandbox.clientsFor('us-east-1', { maxAttempts: 1, role: { roleArn, externalId } });
  return { operator: as(arn('OperatorRoleArn')), grader: as(arn('GraderRoleArn')) };
}

const stages = [...new Set(labTemplates().map((f) => f.split('/')[1]!))];

describe('the sandbox enforces the workshop roles’ IAM', () => {
  it.each(stages)('deploys %s’s solution through the operator role, and its start → solution update', async (stage) => {
    const { operator } = await workshopAccount();
    const solution = readFileSync(`templates/${stage}/solution.yaml`, 'utf8');
    const fresh = await deployWith(operator, `scalelab-${stage.slice(0, 2)}-solution`, solution);
    expect(fresh.status, fresh.failed).toBe('CREATE_COMPLETE');
    const start = labTemplates().find((f) => f === `templates/${stage}/start.yaml`);
    if (!start) return;
    const name = `scalelab-${stage.slice(0, 2)}-journey`;
    const first = await deployWith(operator, name, readFileSync(start, 'utf8'));
    expect(first.status, first.failed).toBe('CREATE_COMPLETE');
    const update = await deployWith(operator, name, solution);
    expect(update.status, update.failed).toBe('UPDATE_COMPLETE');
  });

  it('fails the resource with AWS’s AccessDenied naming the action and the role when the role lacks it', async () => {
    const trimmed = ACCESS.replace(/^ *- rds:CreateDBInstance\n/m, '');
    expect(trimmed).not.toBe(ACCESS);
    const { operator } = await workshopAccount(trimmed);
    const result = await deployWith(
      operator,
      'scalelab-denied',
      readFileSync('templates/01-split-database/solution.yaml', 'utf8'),
    );
    expect(result.status).toBe('ROLLBACK_COMPLETE');
    expect(result.failed).toMatch(
      new RegExp(
        `Resource handler returned message: "User: arn:aws:sts::${ACCOUNT}:assumed-role/ScaleLabOperator-us-east-1/scalelab is not authorized to perform: rds:CreateDBInstance on resource: arn:aws:rds:us-east-1:${ACCOUNT}:db:\\S+ because no identity-based policy allows the rds:CreateDBInstance action \\(Service: Rds, Status Code: 403, Request ID: [0-9a-f-]+\\)" \\(HandlerErrorCode: AccessDenied\\)`,
      ),
    );
  });

  it('refuses the operator a stack outside scalelab-* and a direct write outside CloudFormation', async () => {
    const { operator } = await workshopAccount();
    await expect(
      operator.cloudformation.send(new CreateStackCommand({ StackName: 'prod-db', TemplateBody: ACCESS })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining(
        'is not authorized to perform: cloudformation:CreateStack on resource: arn:aws:cloudformation:us-east-1:',
      ),
    });
    await expect(operator.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }))).rejects.toMatchObject({
      name: 'UnauthorizedOperation',
      message: expect.stringContaining(
        'ec2:CreateVpc because no identity-based policy allows the ec2:CreateVpc action',
      ),
    });
  });

  it('lets the grader describe and refuses it a write, naming the action', async () => {
    const { grader } = await workshopAccount();
    await expect(grader.ec2.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
    await expect(
      grader.cloudformation.send(new CreateStackCommand({ StackName: 'scalelab-x', TemplateBody: ACCESS })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining(
        ':assumed-role/ScaleLabGrader-us-east-1/scalelab is not authorized to perform: cloudformation:CreateStack',
      ),
    });
  });

  it('runs a stage’s checks through the grader role: all pass, and a describe it may not make is an error naming it', async () => {
    const { operator, grader } = await workshopAccount();
    const solution = readFileSync('templates/01-split-database/solution.yaml', 'utf8');
    expect((await deployWith(operator, 'scalelab-graded', solution)).status).toBe('CREATE_COMPLETE');
    const checks = getLab('01-split-database').checks.flatMap((id) => allChecks.filter((c) => c.id === id));
    const run = async (clients: AwsClients) =>
      evaluateChecks(checks, new Inventory(clients, { stackName: 'scalelab-graded' }));
    expect((await run(grader)).filter((r) => r.status !== 'pass' && r.status !== 'skipped')).toEqual([]);

    // A grader role without ReadOnlyAccess: the checks cannot read, so they are errors, never fails.
    const bare = await workshopAccount(
      ACCESS.replace(/(GraderRole:[\s\S]*?)ManagedPolicyArns:\n\s+- [^\n]+\n/, '$1ManagedPolicyArns: []\n'),
    );
    const results = await run(bare.grader);
    expect(results.map((r) => r.status)).not.toContain('fail');
    expect(results.some((r) => r.status === 'error')).toBe(true);
    const rds = results.find((r) => r.id === 'rds.instance-in-lab-vpc');
    expect(rds?.status).toBe('error');
    expect(rds?.message.en).toMatch(/Permission missing: cloudformation:Describe\w+/);
  });
});
