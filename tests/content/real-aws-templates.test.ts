import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateData } from './mdx-helpers';

/** What real AWS needs of the lab templates beyond the schema (issue: stages 00-04 on real AWS). */
type Resource = { Type: string; Properties: Record<string, unknown>; CreationPolicy?: unknown; UpdatePolicy?: unknown };
type Template = { Resources: Record<string, Resource>; Parameters: Record<string, unknown> };

const stages = ['00-one-user', '01-split-database', '02-high-availability', '03-scale-out', '04-cache-automate-secure'];
const files = stages.flatMap((s) =>
  ['start.yaml', 'solution.yaml'].flatMap((f) => {
    try {
      return [[`${s}/${f}`, readFileSync(`templates/${s}/${f}`, 'utf8')] as const];
    } catch {
      return [];
    }
  }),
);
const parsed = (text: string) => templateData<Template>(text);
const ofType = (t: Template, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);

describe.each(files)('templates/%s', (_name, text) => {
  const t = parsed(text);

  it('keeps the AMI the stack runs: ImageId is AmiId when set, LatestAmiId only on a first launch', () => {
    const images = [...text.matchAll(/ImageId: (.*)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toBe('!If [UseAmiId, !Ref AmiId, !Ref LatestAmiId]');
    expect(t.Parameters.AmiId).toMatchObject({ Type: 'String', Default: '' });
  });

  it('never lets RDS manage the master password (RDS refuses read replicas of such a source)', () => {
    for (const [id, db] of ofType(t, 'AWS::RDS::DBInstance')) {
      expect(db.Properties.ManageMasterUserPassword, id).toBeUndefined();
      if (db.Properties.SourceDBInstanceIdentifier) continue;
      expect(db.Properties.MasterUserPassword, id).toEqual({
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
        'Fn::Sub': '{{resolve:secretsmanager:${DbSecret}:SecretString:password}}',
      });
      expect(db.Properties, id).toMatchObject({
        EngineVersion: '8.4.7',
        EngineLifecycleSupport: 'open-source-rds-extended-support-disabled',
      });
    }
  });

  it('generates the password without the characters RDS forbids, and lets the web role read only that secret', () => {
    const [secret] = ofType(t, 'AWS::SecretsManager::Secret');
    if (!ofType(t, 'AWS::RDS::DBInstance').length) return expect(secret).toBeUndefined();
    const generate = secret?.[1].Properties.GenerateSecretString as Record<string, string>;
    for (const c of ['/', '"', '@', "'", ' ']) expect(generate.ExcludeCharacters).toContain(c);
    expect(JSON.parse(generate.SecretStringTemplate ?? '{}')).toEqual({ username: 'admin' });
    expect(secret?.[1].Properties.Name).toBeUndefined(); // generated: region-safe, no clash with a deleted one
    expect(JSON.stringify(t.Resources.WebRole?.Properties.Policies)).toContain(
      '"Action":"secretsmanager:GetSecretValue","Resource":{"Ref":"DbSecret"}',
    );
  });

  it('replaces web servers only as fast as new ones signal that the app answers', () => {
    const asg = t.Resources.WebAsg;
    if (!asg) return;
    expect(asg.CreationPolicy).toEqual({ ResourceSignal: { Count: 2, Timeout: 'PT15M' } });
    expect(asg.UpdatePolicy).toMatchObject({
      AutoScalingRollingUpdate: { MinInstancesInService: 2, MaxBatchSize: 1, WaitOnResourceSignals: true },
    });
    expect(text).toMatch(/curl -fsS -o \/dev\/null http:\/\/127\.0\.0\.1\/health/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
    expect(text).toContain('/opt/aws/bin/cfn-signal -e "$status" --stack ${AWS::StackName} --resource WebAsg');
  });

  it('charts ElastiCache per node (CacheClusterId): the replication group has no such metrics', () => {
    const [board] = ofType(t, 'AWS::CloudWatch::Dashboard');
    if (!board) return;
    const body = JSON.stringify(board[1].Properties.DashboardBody);
    expect(body).not.toContain('ReplicationGroupId');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
    expect(body).toContain('\\"CacheClusterId\\", \\"${CacheReplicationGroup}-001\\"');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
    expect(body).toContain('\\"CacheClusterId\\", \\"${CacheReplicationGroup}-002\\"');
  });
});

describe('stage 03 leaves SSH for stage 04 to remove, never to the world', () => {
  it('has a bastion group admitting 22 only from AdminCidr, a documentation range by default', () => {
    const t = parsed(readFileSync('templates/03-scale-out/solution.yaml', 'utf8'));
    expect(t.Resources.BastionSecurityGroup?.Properties.SecurityGroupIngress).toEqual([
      expect.objectContaining({ FromPort: 22, ToPort: 22, CidrIp: { Ref: 'AdminCidr' } }),
    ]);
    expect(t.Parameters.AdminCidr).toMatchObject({ Default: '192.0.2.0/24' });
    const s04 = parsed(readFileSync('templates/04-cache-automate-secure/solution.yaml', 'utf8'));
    expect(s04.Resources.BastionSecurityGroup).toBeUndefined();
  });
});
