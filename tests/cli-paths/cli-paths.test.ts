import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '@/cli/commands/check';
import type { AccountGrade } from '@/lib/grading/types';
import { compileLabMdx } from '@/lib/labs/compile';
import type { StageId } from '@/lib/labs/types';
import { motoAvailable, startMoto } from '../wire/moto';
import { commandsOf, stageCliPath } from './blocks';
import { runBash, stageScript, workDir } from './run';

/**
 * Every lab's CLI path, run in CI against moto (an independent AWS emulator): the `bash cli-path` blocks of each
 * stage's page, stage after stage in one moto server (stage 01 starts from what stage 00's blocks built, and so on),
 * then `scalelab check` for the stage, which must pass. What moto cannot do is listed below with the reason, and
 * only that is excused: a listed block must exist, a listed check must really be the one that does not pass.
 */
const STAGES: StageId[] = [
  '00-one-user',
  '01-split-database',
  '02-high-availability',
  '03-scale-out',
  '04-cache-automate-secure',
  '05-decouple',
  '06-go-global',
];
const STACK = 'scalelab-yourname'; // what the blocks export

/** CLI blocks moto cannot run (the API it lacks). Each entry names a command that occurs in exactly one block. */
const MOTO_LACKS_BLOCK: { stage: StageId; command: string; reason: string }[] = [
  {
    stage: '03-scale-out',
    command: 'aws autoscaling start-instance-refresh',
    reason: 'moto 5.2 has no StartInstanceRefresh (its Auto Scaling backend raises NotImplementedError)',
  },
  {
    stage: '04-cache-automate-secure',
    command: 'aws autoscaling start-instance-refresh',
    reason: 'moto 5.2 has no StartInstanceRefresh (its Auto Scaling backend raises NotImplementedError)',
  },
  {
    stage: '05-decouple',
    command: 'aws autoscaling start-instance-refresh',
    reason: 'moto 5.2 has no StartInstanceRefresh (its Auto Scaling backend raises NotImplementedError)',
  },
  {
    stage: '06-go-global',
    command: 'aws cloudformation create-stack --region "$SECOND"',
    reason:
      "moto 5.2's CreateStack cannot create the stage-06 template: it skips resource types its CloudFormation does not model, and Fn::GetAtt on one fails the request with HTTP 500 (AttributeError: 'NoneType' object has no attribute 'has_cfn_attr')",
  },
  {
    stage: '06-go-global',
    command: 'aws dynamodb update-table --table-name "$STACK-global" --replica-updates',
    reason:
      "moto 5.2's UpdateTable ignores ReplicaUpdates (global tables version 2019.11.21): DescribeTable shows no Replicas and no table appears in the second region, so the block's wait for it never ends",
  },
  {
    stage: '06-go-global',
    command: 'aws route53 create-health-check',
    reason: "reads the secondary stack's AlbDnsName output: no secondary stack on moto (CreateStack above)",
  },
  {
    stage: '06-go-global',
    command: 'aws s3api put-bucket-replication',
    reason: "reads the secondary stack's StaticBucket output: no secondary stack on moto (CreateStack above)",
  },
  {
    stage: '06-go-global',
    command: 'aws rds create-global-cluster',
    reason:
      "reads the secondary stack's VpcId output for the secondary cluster: no secondary stack on moto (CreateStack above)",
  },
];

/** Checks that cannot pass on moto, per stage, with the reason. Every other check of the stage must pass. */
const MOTO_CANNOT_PASS: Partial<Record<StageId, Record<string, string>>> = {
  '00-one-user': {
    'http.app-responds': 'moto runs no instance: nothing serves HTTP on the Elastic IP',
  },
  '02-high-availability': {
    'http.balanced-across-azs': 'moto runs no instance and no load balancer: nothing serves HTTP on the ALB name',
  },
  '03-scale-out': {
    // moto 5.2's cloudfront models: its ListDistributions items carry no Origins and no DefaultCacheBehavior (the
    // summary is rendered from the Distribution model, which nests them under DistributionConfig), and its Origin
    // model drops OriginAccessControlId (GetDistribution returns the origin without it). The Inventory reads the
    // distributions from ListDistributions, so neither check can see the bucket origin, its OAC or the behaviours.
    'cloudfront.s3-origin-oac':
      'moto ListDistributions returns no Origins and its Origin drops OriginAccessControlId: no distribution is seen serving the bucket',
    'cloudfront.https-only':
      'moto ListDistributions returns no Origins or DefaultCacheBehavior: the lab distribution is not found, its viewer policy not read',
  },
  '04-cache-automate-secure': {
    // moto 5.2's CreateReplicationGroup stores the group but creates no member cache clusters: DescribeCacheClusters
    // returns none, so the Inventory cannot place the group in the lab VPC (via its clusters' subnet group) or read
    // its security groups.
    'elasticache.multi-az-failover':
      'moto CreateReplicationGroup creates no member clusters (DescribeCacheClusters is empty): the group is not seen in the lab VPC',
    'sg.cache-from-app-only':
      'moto CreateReplicationGroup creates no member clusters: the cache has no subnet group or security groups to judge',
    // moto launches instances from a launch template (RunInstances and Auto Scaling) without its IamInstanceProfile,
    // and has no ssm:DescribeInstanceInformation (500 NotImplemented), so the check judges profiles and finds none.
    'ec2.ssm-managed':
      "moto drops the launch template's IamInstanceProfile at launch and has no DescribeInstanceInformation",
  },
  '05-decouple': {
    'cloudfront.dynamic-origin':
      'moto ListDistributions returns no Origins (as in stage 03): the ALB origin the CLI path adds is not seen',
  },
  '06-go-global': {
    // The blocks that build these are listed in MOTO_LACKS_BLOCK; the Aurora block runs, but moto's CreateDBInstance
    // in a cluster gives the instance no DBSubnetGroup (the cluster's is not copied), so DescribeDBInstances does not
    // place the writer and the reader in the lab VPC and no lab Aurora cluster is found.
    'cloudformation.second-region':
      'moto CreateStack cannot create the stage-06 template: no stack in the second region',
    'dynamodb.global-table': 'moto UpdateTable ignores ReplicaUpdates: the table has no replica',
    'aurora.cluster-multi-az':
      'moto CreateDBInstance in a cluster sets no DBSubnetGroup on the instance: the members are not seen in the lab VPC',
    'route53.failover-routing': 'no secondary stack on moto: nothing to fail over to',
    's3.cross-region-replication': 'no secondary stack on moto: no destination bucket',
    'aurora.global-database': 'no lab Aurora cluster seen on moto (above), and no secondary cluster',
  },
};

const hasTools = motoAvailable() && spawnSync('sh', ['-c', 'command -v aws']).status === 0;
const inCi = Boolean(process.env.CI);
if (!hasTools && !inCi)
  console.warn('\n⚠ moto_server or aws not found: the CLI-path suite is SKIPPED. CI must have both.\n');

describe('the CLI path blocks', () => {
  it.each(STAGES)('%s: has CLI-path blocks, the same commands in the same order in en and ko', (stage) => {
    const en = stageCliPath(stage, 'en');
    const ko = stageCliPath(stage, 'ko');
    expect(en.length).toBeGreaterThan(0);
    expect(ko.map(commandsOf)).toEqual(en.map(commandsOf));
  });

  it('sets AWS_DEFAULT_REGION as well as AWS_REGION wherever a stage sets the region', () => {
    for (const stage of STAGES) {
      const first = stageCliPath(stage)[0] ?? '';
      expect(first, stage).toMatch(/export AWS_REGION=\S+ AWS_DEFAULT_REGION=\S+/);
    }
  });

  it('renders a cli-path fence exactly like a plain bash fence (the meta word never shows)', async () => {
    const body = '```bash\naws ec2 describe-vpcs\n```\n';
    const marked = await compileLabMdx(body.replace('```bash', '```bash cli-path'), 'marked.mdx');
    const plain = await compileLabMdx(body, 'plain.mdx');
    expect(marked.code).toBe(plain.code);
    expect(marked.code).not.toContain('cli-path');
  }, 60_000);

  it('lists only skips that match exactly one block', () => {
    for (const skip of MOTO_LACKS_BLOCK) {
      expect(stageCliPath(skip.stage).filter((b) => b.includes(skip.command)).length, skip.command).toBe(1);
    }
  });
});

describe.skipIf(!hasTools && !inCi)('every stage CLI path against moto, then scalelab check', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  const dir = workDir();
  const saved = { ...process.env };

  beforeAll(async () => {
    if (!hasTools) throw new Error('CI needs moto_server and the AWS CLI on PATH (the machine image pyenv).');
    // moto loads the AWS managed policies (AmazonSSMManagedInstanceCore, which stage 04 attaches) only when asked.
    process.env.MOTO_IAM_LOAD_MANAGED_POLICIES = 'true';
    moto = await startMoto();
    // `scalelab check` grades through the default credential chain, pointed at moto like the AWS CLI.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
    });
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_SESSION_TOKEN;
  }, 60_000);

  afterAll(() => {
    moto?.stop();
    process.env = saved;
  });

  it.each(STAGES)(
    '%s: the CLI path runs and the checks pass',
    async (stage) => {
      const blocks = stageCliPath(stage).map((text) => {
        const skip = MOTO_LACKS_BLOCK.find((s) => s.stage === stage && text.includes(s.command));
        return skip ? { text, skipped: `${skip.command}: ${skip.reason}` } : { text };
      });
      const run = await runBash(stageScript(blocks), dir, moto.endpoint);
      expect(run.code, `${stage} CLI path failed:\n${run.stderr.slice(-3000)}`).toBe(0);

      let out = '';
      const code = await runCheck(
        { stage: stage.slice(0, 2), stack: STACK, region: 'us-east-1', format: 'json' },
        { stdout: (s) => (out += s), stderr: () => {}, isTTY: false },
      );
      const grade = JSON.parse(out) as AccountGrade;
      const excused = MOTO_CANNOT_PASS[stage] ?? {};
      const notPassing = Object.fromEntries(
        grade.results.filter((r) => r.status !== 'pass').map((r) => [r.id, `${r.status}: ${r.message.en}`]),
      );
      expect(Object.keys(notPassing).sort(), JSON.stringify(notPassing, null, 2)).toEqual(Object.keys(excused).sort());
      // `scalelab check` exits 1 while a required check does not pass: only an excused required check may cause that.
      const requiredExcused = grade.results.some((r) => r.id in excused && r.severity === 'required');
      expect(code).toBe(requiredExcused ? 1 : 0);
    },
    240_000, // stage 05 runs some 80 CLI calls (about a second each) and waits for a new IAM role to reach Lambda
  );
});
