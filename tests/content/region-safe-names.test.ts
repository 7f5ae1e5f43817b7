import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateData } from './mdx-helpers';
import { regionUnsafeNames } from './region-safe-names';

const templates = readdirSync('templates')
  .filter((d) => /^\d\d-/.test(d))
  .flatMap((d) => readdirSync(`templates/${d}`).map((f) => `templates/${d}/${f}`));

describe('account-global names are region-safe (stage 06 deploys the same template in a second region)', () => {
  it.each(templates)('%s sets no account-global name without the region', (path) => {
    expect(regionUnsafeNames(templateData(readFileSync(path, 'utf8')))).toEqual([]);
  });

  it('catches a dashboard, an OAC, a trail and a role named after the stack only', () => {
    const snippet = `
Resources:
  Board: { Type: AWS::CloudWatch::Dashboard, Properties: { DashboardName: !Sub '\${AWS::StackName}-fleet', DashboardBody: '{}' } }
  Oac:
    Type: AWS::CloudFront::OriginAccessControl
    Properties: { OriginAccessControlConfig: { Name: !Sub '\${AWS::StackName}-static' } }
  Trail: { Type: AWS::CloudTrail::Trail, Properties: { TrailName: scalelab-trail } }
  Role: { Type: AWS::IAM::Role, Properties: { RoleName: !Join ['-', [!Ref AWS::StackName, web]] } }
  Fine: { Type: AWS::IAM::Role, Properties: { RoleName: !Join ['-', [!Ref AWS::StackName, !Ref AWS::Region, web]] } }
  Generated: { Type: AWS::IAM::InstanceProfile, Properties: { Roles: [x] } }
`;
    expect(regionUnsafeNames(templateData(snippet)).map((p) => p.split(' ')[0])).toEqual([
      'Board',
      'Oac',
      'Trail',
      'Role',
    ]);
  });
});
