import {
  type Diagnostic,
  loadSpec,
  parseTemplate,
  type Spec,
  type Template,
  toPlain,
  validateWithSpec,
} from '@/lib/cfn';
import { awsError, validationError } from '../errors';
import { checkResourceCount, checkTemplateBody } from '../rules/limits';
import type { TemplateSource } from './template-url';

/** A template the sandbox has read and validated: template-level errors are already thrown as AWS throws them. */
export interface PreparedTemplate {
  template: Template;
  spec: Spec;
  /** Property problems per logical id: AWS reports these when it provisions the resource, not at CreateStack. */
  resourceProblems: Map<string, string[]>;
  description?: string;
  parameters: ParameterDecl[];
  capabilities: ('CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM')[];
  capabilitiesReason?: string;
}

export interface ParameterDecl {
  name: string;
  type: string;
  default?: string;
  description?: string;
  noEcho: boolean;
  allowedValues?: string[];
  allowedPattern?: string;
}

/** Problems CloudFormation only finds when it provisions the resource (the rest reject the template outright). */
const PROVISIONING_RULES = new Set([
  'unknown-property',
  'required-property',
  'property-type',
  'property-allowed-value',
]);
const IAM_TYPES = /^AWS::IAM::(Role|Policy|ManagedPolicy|InstanceProfile|User|Group|AccessKey|UserToGroupAddition)$/;
const IAM_NAMES = ['RoleName', 'ManagedPolicyName', 'InstanceProfileName', 'UserName', 'GroupName'];

/**
 * Templates read lately, by text: a change set's template is read when it is made and again when it is executed, and
 * a workshop's learners launch the same stage template. Reading and validating one is the heaviest part of a launch
 * (with 80 learners launching at once, about a fifth of the server's time), so each text is read once. A prepared
 * template is only read by the planners, never changed. Failures are not kept: they are thrown each time.
 */
const prepared = new Map<string, Promise<PreparedTemplate>>();
const PREPARED_KEPT = 64;

/** `from`: where the text came from (template-url.ts): only a request's TemplateBody has the 51,200 limit. */
export async function prepareTemplate(body: unknown, from: TemplateSource['from'] = 'body'): Promise<PreparedTemplate> {
  if (typeof body !== 'string' || !body.trim())
    throw validationError('Either Template URL or Template Body must be specified.');
  if (from === 'body') checkTemplateBody(body);
  const kept = prepared.get(body);
  if (kept) {
    // Most recently used last, so the oldest goes first.
    prepared.delete(body);
    prepared.set(body, kept);
    return kept;
  }
  const reading = readTemplate(body);
  prepared.set(body, reading);
  if (prepared.size > PREPARED_KEPT) prepared.delete(prepared.keys().next().value as string);
  reading.catch(() => {
    if (prepared.get(body) === reading) prepared.delete(body);
  });
  return reading;
}

async function readTemplate(body: string): Promise<PreparedTemplate> {
  const spec = await loadSpec();
  const template = parseTemplate(body, 'template.yaml');
  checkResourceCount(template.resources.length);
  const diagnostics = validateWithSpec(template, spec).filter((d) => d.severity === 'error');
  const resourceProblems = new Map<string, string[]>();
  const rejected: Diagnostic[] = [];
  for (const d of diagnostics) {
    const owner = PROVISIONING_RULES.has(d.rule) ? resourceAt(template, d.line) : undefined;
    if (owner) resourceProblems.set(owner, [...(resourceProblems.get(owner) ?? []), d.message]);
    else rejected.push(d);
  }
  if (rejected.length) throw templateError(rejected);

  const capabilities: PreparedTemplate['capabilities'] = [];
  const iam = template.resources.filter((r) => IAM_TYPES.test(r.type ?? ''));
  const named = iam.filter((r) => r.properties?.entries.some((e) => IAM_NAMES.includes(e.key)));
  if (iam.length) capabilities.push('CAPABILITY_IAM');
  if (named.length) capabilities.push('CAPABILITY_NAMED_IAM');
  const root = toPlain(template.root) as Record<string, unknown>;
  return {
    template,
    spec,
    resourceProblems,
    description: typeof root.Description === 'string' ? root.Description : undefined,
    parameters: template.parameters.map((p) => {
      const node = toPlain(p.node) as Record<string, unknown>;
      return {
        name: p.name,
        type: p.type ?? 'String',
        default: node.Default === undefined ? undefined : String(node.Default),
        description: node.Description === undefined ? undefined : String(node.Description),
        noEcho: node.NoEcho === true || node.NoEcho === 'true',
        allowedValues: Array.isArray(node.AllowedValues) ? node.AllowedValues.map(String) : undefined,
        allowedPattern: node.AllowedPattern === undefined ? undefined : String(node.AllowedPattern),
      };
    }),
    capabilities,
    capabilitiesReason: iam.length
      ? `The following resource(s) require capabilities: [${[...new Set(iam.map((r) => r.type))].join(', ')}]`
      : undefined,
  };
}

/** CloudFormation's wording for a template it will not read. */
function templateError(list: Diagnostic[]) {
  const unknownTypes = list.filter((d) => d.rule === 'unknown-resource-type');
  if (unknownTypes.length) {
    const names = unknownTypes.map((d) => /'([^']+)'/.exec(d.message)?.[1] ?? '?');
    return validationError(`Template format error: Unrecognized resource types: [${names.join(', ')}]`);
  }
  const unresolved = list.filter((d) => d.rule === 'ref-unknown' || /is not a parameter, resource/.test(d.message));
  if (unresolved.length) {
    const names = unresolved.map((d) => /'([^']+)'/.exec(d.message)?.[1] ?? '?');
    return validationError(
      `Template format error: Unresolved resource dependencies [${[...new Set(names)].join(', ')}] in the Resources block of the template`,
    );
  }
  const first = list[0]!;
  return validationError(`Template format error: ${first.message} (line ${first.line}, column ${first.column})`);
}

/** The resource whose declaration contains a line (resources are declared one after another). */
function resourceAt(template: Template, line: number): string | undefined {
  let owner: string | undefined;
  for (const r of template.resources) if (r.pos.line <= line) owner = r.logicalId;
  const outputsStart = template.outputs[0]?.pos.line ?? Number.POSITIVE_INFINITY;
  return line < outputsStart || template.resources.some((r) => r.pos.line > outputsStart) ? owner : undefined;
}

export function requireCapabilities(prepared: PreparedTemplate, given: unknown): void {
  const have = new Set(Array.isArray(given) ? given.map(String) : []);
  const needed = prepared.capabilities.includes('CAPABILITY_NAMED_IAM')
    ? 'CAPABILITY_NAMED_IAM'
    : prepared.capabilities[0];
  if (!needed || have.has('CAPABILITY_NAMED_IAM') || have.has(needed)) return;
  throw awsError('InsufficientCapabilitiesException', `Requires capabilities : [${needed}]`);
}
