/**
 * The AWS managed policies the workshop roles attach, modelled minimally (the real documents are long and change;
 * IAM User Guide, "AWS managed policies for job functions" → ReadOnlyAccess). ReadOnlyAccess is modelled as every
 * service's Describe* / Get* / List* (for the services ScaleLab's templates and checks use) (plus API Gateway's GET and DynamoDB's Query / Scan), except that it does not
 * read secret values or generate passwords (the real policy grants secretsmanager:Describe*, List* and
 * GetResourcePolicy only). A policy not modelled here grants nothing.
 */
import type { NamedPolicy, Statement } from './evaluate';
import { handlerTable } from './handler-permissions';

/** Services the model names: every one the handler table calls, and those the platform reads directly. */
function modelledServices(): string[] {
  const prefixes = new Set(['cloudformation', 'ssm', 'tag', 'sts', 'ec2', 'iam']);
  for (const row of Object.values(handlerTable.types))
    for (const a of [...row.create, ...row.update, ...row.delete]) prefixes.add(a.split(':')[0]!.toLowerCase());
  return [...prefixes].sort();
}

function readOnlyStatements(): Statement[] {
  const actions = modelledServices().flatMap((svc) =>
    svc === 'secretsmanager'
      ? ['secretsmanager:Describe*', 'secretsmanager:List*', 'secretsmanager:GetResourcePolicy']
      : [`${svc}:Describe*`, `${svc}:Get*`, `${svc}:List*`],
  );
  return [
    {
      Sid: 'ReadOnlyAccessModel',
      Effect: 'Allow',
      Action: [...actions, 'apigateway:GET', 'dynamodb:Query', 'dynamodb:Scan', 'cloudformation:ValidateTemplate'],
      Resource: '*',
    },
  ];
}

const MODELS: Record<string, () => Statement[]> = {
  'arn:aws:iam::aws:policy/ReadOnlyAccess': readOnlyStatements,
};

/** The modelled document of an AWS managed policy ARN (any partition), or undefined when it is not modelled. */
export function awsManagedPolicy(arn: string): NamedPolicy | undefined {
  const model = MODELS[arn.replace(/^arn:aws[a-z-]*:/, 'arn:aws:')];
  if (!model) return undefined;
  return { name: arn, document: { Version: '2012-10-17', Statement: model() } };
}
