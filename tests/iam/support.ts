import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createResolver, parseTemplate } from '@/lib/cfn';
import { evaluate, handlerRequests, type NamedPolicy, type PolicyResource, rolePolicies } from '@/lib/iam';
import type { HandlerOp } from '@/lib/iam/handler-permissions';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const LAB_STACK = 'scalelab-learner';

/** Every lab template under templates/ (the access template is the role itself, not a lab stack). */
export function labTemplates(root = 'templates'): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'access')
    .flatMap((d) =>
      readdirSync(join(root, d.name))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => join(root, d.name, f)),
    )
    .sort();
}

/** The operator role's identity policies, as learner-access.yaml declares them once deployed. */
export function operatorPolicies(text = readFileSync('templates/access/learner-access.yaml', 'utf8')): NamedPolicy[] {
  const template = parseTemplate(text, 'learner-access.yaml');
  const managedName = (id: string) => resolver.resource(id)?.properties.ManagedPolicyName as string;
  const bucketName = (id: string) => resolver.resource(id)?.properties.BucketName as string | undefined;
  const resolver = createResolver(template, {
    parameters: { PlatformPrincipalArn: `arn:aws:iam::${ACCOUNT}:role/scalelab-platform`, ExternalId: 'x-1' },
    region: REGION,
    accountId: ACCOUNT,
    stackName: 'scalelab-access',
    physical: {
      ref: (id) => bucketName(id) ?? `arn:aws:iam::${ACCOUNT}:policy/${managedName(id)}`,
      getAtt: () => undefined,
    },
  });
  const customer: PolicyResource[] = template.resources
    .filter((r) => r.type === 'AWS::IAM::ManagedPolicy')
    .map((r) => ({
      arn: `arn:aws:iam::${ACCOUNT}:policy/${managedName(r.logicalId)}`,
      name: managedName(r.logicalId),
      document: resolver.resource(r.logicalId)?.properties.PolicyDocument,
      roles: [],
    }));
  const role = resolver.resource('OperatorRole');
  if (!role) throw new Error('learner-access.yaml has no OperatorRole');
  return rolePolicies({ name: String(role.properties.RoleName), props: role.properties }, customer);
}

/** What the role does not allow: one line per template, type, handler and action. */
export function missingActions(policies: NamedPolicy[], templates = labTemplates()): string[] {
  const missing: string[] = [];
  const tags = [{ Key: 'scalelab:lab', Value: LAB_STACK }];
  for (const file of templates) {
    const template = parseTemplate(readFileSync(file, 'utf8'), file);
    for (const r of template.resources) {
      if (!r.type) continue;
      for (const op of ['create', 'update', 'delete'] as HandlerOp[]) {
        const requests = handlerRequests({
          type: r.type,
          op,
          region: REGION,
          accountId: ACCOUNT,
          stackName: LAB_STACK,
          name: `${LAB_STACK}-${r.logicalId}`,
          tags,
          previousTags: tags,
        });
        for (const req of requests)
          if (evaluate(policies, req).decision !== 'allow')
            missing.push(`${file}: ${r.logicalId} (${r.type}) ${op} needs ${req.action} on ${req.resource}`);
      }
    }
  }
  return [...new Set(missing)];
}
