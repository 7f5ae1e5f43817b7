/**
 * Names that live in an account-wide namespace, not a regional one: deploying the same template in a second region
 * (stage 06) collides on them unless they carry the region (or are left for CloudFormation to generate).
 * CloudFront and IAM are global services; CloudWatch dashboards are account-wide (their ARN has no region); a
 * multi-region trail's name exists in every region; S3 bucket names are global.
 */
const GLOBAL_NAMES: Record<string, string[]> = {
  'AWS::CloudFront::OriginAccessControl': ['OriginAccessControlConfig', 'Name'],
  'AWS::CloudFront::CachePolicy': ['CachePolicyConfig', 'Name'],
  'AWS::CloudFront::OriginRequestPolicy': ['OriginRequestPolicyConfig', 'Name'],
  'AWS::CloudFront::ResponseHeadersPolicy': ['ResponseHeadersPolicyConfig', 'Name'],
  'AWS::CloudFront::Function': ['Name'],
  'AWS::CloudWatch::Dashboard': ['DashboardName'],
  'AWS::IAM::Role': ['RoleName'],
  'AWS::IAM::InstanceProfile': ['InstanceProfileName'],
  'AWS::IAM::ManagedPolicy': ['ManagedPolicyName'],
  'AWS::IAM::User': ['UserName'],
  'AWS::IAM::Group': ['GroupName'],
  'AWS::CloudTrail::Trail': ['TrailName'],
  'AWS::S3::Bucket': ['BucketName'],
};

type Plain = Record<string, unknown>;

/** Does a (plain) template value mention the region: `!Sub '…${AWS::Region}…'` or a `!Join` with `!Ref AWS::Region`? */
function mentionsRegion(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes('AWS::Region');
}

/** `Logical (Type).Path = value` for every account-global name the template sets without the region. */
export function regionUnsafeNames(template: Plain): string[] {
  const resources = (template.Resources ?? {}) as Record<string, { Type?: string; Properties?: Plain }>;
  return Object.entries(resources).flatMap(([id, r]) => {
    const path = r.Type ? GLOBAL_NAMES[r.Type] : undefined;
    if (!path) return [];
    let value: unknown = r.Properties;
    for (const key of path) value = (value as Plain | undefined)?.[key];
    if (value === undefined || mentionsRegion(value)) return [];
    return [`${id} (${r.Type}).${path.join('.')} = ${JSON.stringify(value)}`];
  });
}
