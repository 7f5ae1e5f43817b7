import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '@/lib/cfn';
import { mergeSnippet, snippetEntries } from '@/lib/stacks/merge-snippet';

const draft = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  InstanceType:
    Type: String
    Default: t3.micro
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16

  # the web server
  Web:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: !Ref InstanceType
Outputs:
  VpcId:
    Value: !Ref Vpc
`;

describe('adding a lab snippet to my template', () => {
  it('puts new resources at the end of Resources, two spaces in, and says which', () => {
    const r = mergeSnippet(draft, 'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    Tags: []\n');
    expect(r.ok && r.added).toEqual(['Bucket']);
    if (!r.ok) return;
    expect(r.text).toContain(
      '      InstanceType: !Ref InstanceType\n\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n',
    );
    expect(r.text.indexOf('  Bucket:')).toBeLessThan(r.text.indexOf('Outputs:'));
    expect(r.text.endsWith('\n')).toBe(true);
    expect(r.text.split('\n')[r.firstLine - 1]).toBe('  Bucket:');
    expect(parseTemplate(r.text, 't.yaml').resources.map((x) => x.logicalId)).toEqual(['Vpc', 'Web', 'Bucket']);
  });

  it('replaces an entry the draft has already, with its comments, leaving the rest alone', () => {
    const r = mergeSnippet(
      draft,
      '# now a bigger box\nWeb:\n  Type: AWS::EC2::Instance\n  Properties:\n    InstanceType: t3.small\n',
    );
    expect(r.ok && r.replaced).toEqual(['Web']);
    if (!r.ok) return;
    expect(r.text).not.toContain('# the web server');
    expect(r.text).toContain(
      '  # now a bigger box\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: t3.small\nOutputs:',
    );
    expect(r.text).toContain('  Vpc:\n    Type: AWS::EC2::VPC');
  });

  it('sorts entries into their sections: parameters and outputs too, adding a missing section', () => {
    const r = mergeSnippet(
      'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n',
      'AdminCidr:\n  Type: String\n  Default: 192.0.2.0/24\nBucketName:\n  Value: !Ref Bucket\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = parseTemplate(r.text, 't.yaml');
    expect(t.diagnostics).toEqual([]);
    expect(t.parameters.map((p) => p.name)).toEqual(['AdminCidr']);
    expect(t.outputs.map((o) => o.name)).toEqual(['BucketName']);
  });

  it('knows a property fragment or a shell command is not something to add', () => {
    expect(snippetEntries('MultiAZ: true\n')).toBe('not-entries');
    expect(snippetEntries('aws ec2 describe-vpcs --query "Vpcs[0]"\n')).toBe('not-entries');
    expect(snippetEntries('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n')).toBe('not-entries');
  });

  it('merges the lab’s own snippets into the start template of their stage', () => {
    const mdx = readFileSync('labs/01-split-database/en.mdx', 'utf8');
    const start = readFileSync('templates/01-split-database/start.yaml', 'utf8');
    const first = /```yaml\n(PrivateSubnetA:[\s\S]*?)```/.exec(mdx)?.[1] ?? '';
    const r = mergeSnippet(start, first);
    expect(r.ok && r.added).toContain('PrivateSubnetA');
    if (r.ok) expect(parseTemplate(r.text, 't.yaml').diagnostics).toEqual([]);
  });
});

describe('removing what a step deletes', () => {
  it('takes the entries out of their section with their comments, and leaves the rest', async () => {
    const { removeSnippet } = await import('@/lib/stacks/merge-snippet');
    const r = removeSnippet(draft, 'Web:\n  Type: AWS::EC2::Instance\n');
    expect(r.ok && r.replaced).toEqual(['Web']);
    if (!r.ok) return;
    expect(r.text).not.toContain('Web:');
    expect(r.text).not.toContain('# the web server');
    expect(parseTemplate(r.text, 't.yaml').resources.map((x) => x.logicalId)).toEqual(['Vpc']);
    expect(r.text).toContain('Outputs:\n  VpcId:');
  });

  it('marks the lab blocks that delete entries, so they offer removal, not addition', () => {
    for (const [stage, ids] of [
      ['03-scale-out', 'WebInstanceA:'],
      ['04-cache-automate-secure', 'BastionSecurityGroup:'],
    ] as const) {
      for (const locale of ['en', 'ko']) {
        const mdx = readFileSync(`labs/${stage}/${locale}.mdx`, 'utf8');
        expect(mdx, `${stage} ${locale}`).toMatch(new RegExp(`\`\`\`yaml remove\\n(#.*\\n)*${ids}`));
      }
    }
  });
});
