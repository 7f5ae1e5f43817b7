import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateData } from './mdx-helpers';

/** What real AWS needs of the lab templates beyond the schema (issues: stages 00-04 on real AWS; stages 05 and 06). */
type Resource = { Type: string; Properties: Record<string, unknown>; CreationPolicy?: unknown; UpdatePolicy?: unknown };
type Template = { Resources: Record<string, Resource>; Parameters: Record<string, unknown> };

const stages = [
  '00-one-user',
  '01-split-database',
  '02-high-availability',
  '03-scale-out',
  '04-cache-automate-secure',
  '05-decouple',
  '06-go-global',
];
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
      // A read replica copies its source's credentials; an Aurora instance (stage 06) takes its cluster's.
      if (db.Properties.SourceDBInstanceIdentifier || db.Properties.DBClusterIdentifier) continue;
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

  it('generates every password without the characters RDS forbids, under a generated (region-safe) name', () => {
    const secrets = ofType(t, 'AWS::SecretsManager::Secret');
    if (!ofType(t, 'AWS::RDS::DBInstance').length) return expect(secrets).toEqual([]);
    expect(secrets.length).toBeGreaterThan(0);
    for (const [id, secret] of secrets) {
      const generate = secret.Properties.GenerateSecretString as Record<string, string>;
      for (const c of ['/', '"', '@', "'", ' ']) expect(generate.ExcludeCharacters, id).toContain(c);
      expect(JSON.parse(generate.SecretStringTemplate ?? '{}'), id).toEqual({ username: 'admin' });
      expect(secret.Properties.Name, id).toBeUndefined(); // generated: region-safe, no clash with a deleted one
    }
  });

  it('lets exactly the tiers whose user data reads the database secret read it, and only it', () => {
    // Stages 01-04: the web servers talk to MySQL. From stage 05 the app and worker tiers do, and the web tier
    // (pages from the internal ALB, jobs to SNS) must not be able to read the password at all.
    const tiers = launchTemplateRoles(t);
    if (!ofType(t, 'AWS::RDS::DBInstance').length) return;
    expect(tiers.length).toBeGreaterThan(0);
    for (const { template, role, userData } of tiers) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
      const usesSecret = userData.includes('${DbSecret}');
      expect(secretsReadBy(t, role), `${template} (role ${role})`).toEqual(usesSecret ? [{ Ref: 'DbSecret' }] : []);
    }
    expect(tiers.some((x) => secretsReadBy(t, x.role).length > 0)).toBe(true);
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

/** Each server definition (launch template, or the single instance of stages 00-01) with its role and user data. */
function launchTemplateRoles(t: Template): { template: string; role: string; userData: string }[] {
  const servers = [
    ...ofType(t, 'AWS::EC2::LaunchTemplate').map(
      ([id, lt]) => [id, lt.Properties.LaunchTemplateData as Record<string, unknown>] as const,
    ),
    ...ofType(t, 'AWS::EC2::Instance').map(([id, i]) => [id, i.Properties] as const),
  ];
  return servers.flatMap(([id, data]) => {
    const profile = data.IamInstanceProfile as
      | { Ref?: string; Arn?: { 'Fn::GetAtt'?: string[] }; Name?: { Ref?: string } }
      | undefined;
    const profileId = profile?.Ref ?? profile?.Arn?.['Fn::GetAtt']?.[0] ?? profile?.Name?.Ref;
    const roles = (t.Resources[profileId ?? '']?.Properties.Roles ?? []) as { Ref?: string }[];
    const role = roles[0]?.Ref;
    return role ? [{ template: id, role, userData: JSON.stringify(data.UserData ?? '') }] : [];
  });
}

/** The Resource of every statement in a role's inline policies that allows secretsmanager:GetSecretValue. */
function secretsReadBy(t: Template, role: string): unknown[] {
  const policies = (t.Resources[role]?.Properties.Policies ?? []) as { PolicyDocument: { Statement: unknown[] } }[];
  return policies.flatMap((p) =>
    (p.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
      .filter((st) => [st.Action].flat().includes('secretsmanager:GetSecretValue'))
      .map((st) => st.Resource),
  );
}
