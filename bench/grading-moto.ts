/**
 * Grading over the real wire: stage 00 built by hand in moto (an independent AWS emulator on loopback, its own
 * process), then 40 roster accounts graded through the grader-role path a workshop uses — AssumeRole with each
 * learner's ExternalId, STS GetCallerIdentity, the stage's describes — with real HTTP, SigV4 signing and XML parsing.
 * The server's CPU is moto's, not ours, so the CPU this process spends per account is grading's own on real AWS.
 * (moto answers in a few ms and is itself the bottleneck here: read the throughput as moto's, the CPU as ours. The
 * median of 3 runs, each with new ExternalIds, so each assumes its roles afresh.)
 */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DescribeImagesCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { createClients } from '../lib/aws/clients';
import { GRADING_DEFAULTS, type RosterEntry, roleClients } from '../lib/grading';
import { motoAvailable, startMoto } from '../tests/wire/moto';
import { measureGrading, medianRun } from './grading';

const ACCOUNTS = 40;
const STACK = 'scalelab-wire';
const MOTO_ACCOUNT = '123456789012';
const tag = (Key: string, Value: string) => ({ Key, Value });

/** The one-box lab of stage 00, made with SDK calls and found through its `scalelab:lab` tag. */
export async function buildStage00ForBench(endpoint: string): Promise<string> {
  const clients = createClients({ kind: 'profile', regions: ['us-east-1'], endpoint }, { region: 'us-east-1' });
  const { ec2, iam } = clients;
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc?.VpcId ?? '';
  await ec2.send(new CreateTagsCommand({ Resources: [vpc], Tags: [tag('scalelab:lab', STACK)] }));
  const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.0.0/24' }));
  const sg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web', VpcId: vpc }));
  const image = (await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images?.[0]?.ImageId;
  const run = await ec2.send(
    new RunInstancesCommand({
      ImageId: image ?? 'ami-12c6146b',
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnet.Subnet?.SubnetId,
      SecurityGroupIds: [sg.GroupId ?? ''],
      MetadataOptions: { HttpTokens: 'required' },
      TagSpecifications: [
        { ResourceType: 'instance', Tags: [tag('scalelab:role', 'web'), tag('scalelab:lab', STACK)] },
      ],
    }),
  );
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  await ec2.send(
    new AssociateAddressCommand({ AllocationId: eip.AllocationId, InstanceId: run.Instances?.[0]?.InstanceId }),
  );
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }],
  };
  const role = await iam.send(
    new CreateRoleCommand({ RoleName: 'ScaleLabGrader', AssumeRolePolicyDocument: JSON.stringify(trust) }),
  );
  return role.Role?.Arn ?? '';
}

export async function benchGradingMoto(): Promise<Record<string, number | string>> {
  if (!motoAvailable()) return { 'moto over loopback': 'skipped: moto_server not found' };
  const saved = { ...process.env };
  const moto = await startMoto();
  try {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: moto.endpoint,
    });
    delete process.env.AWS_PROFILE;
    const roleArn = await buildStage00ForBench(moto.endpoint);
    // Every learner's grader role is the same role in moto's one account, each with its own ExternalId: one
    // AssumeRole per learner, as on a workshop day.
    const entries = (run: string): RosterEntry[] =>
      Array.from({ length: ACCOUNTS }, (_, i) => ({
        line: i + 2,
        learner: `learner-${i}`,
        accountId: MOTO_ACCOUNT,
        roleArn,
        externalId: `${run}-${i}`,
        region: 'us-east-1',
        stackName: STACK,
      }));
    await measureGrading('moto-warm-up', entries('warm').slice(0, 5), roleClients); // loads the wire path's modules
    const m = await medianRun((run) => measureGrading(`moto-${run}`, entries(`run${run}`), roleClients));
    return {
      [`moto over loopback, ${ACCOUNTS} role accounts, concurrency ${GRADING_DEFAULTS.concurrency}: accounts per minute`]:
        m.perMinute,
      'moto: one account, median, ms': m.medianAccountMs,
      'moto: SDK calls per account (AssumeRole not counted)': m.callsPerAccount,
      'moto: grading CPU per account (client only), ms': m.cpuMsPerAccount,
      'moto: grading CPU per SDK call, ms': m.cpuMsPerCall,
    };
  } finally {
    moto.stop();
    process.env = saved;
  }
}
