import { GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';
import { type Diagnostic, hasErrors, validateText } from '@/lib/cfn';
import { OVERRIDABLE_RULES } from '@/lib/cfn/overridable';
import { MAX_TEMPLATE_URL_BYTES } from './staging';

/**
 * The largest template a learner can deploy: CloudFormation reads up to 1 MB from S3 (TemplateURL). Templates over the
 * 51,200-byte TemplateBody limit go through the staging bucket (staging.ts); the editor warns about those.
 */
export const MAX_TEMPLATE_BYTES = MAX_TEMPLATE_URL_BYTES;

export class TemplateDraftError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'TemplateDraftError';
  }
}

/** Validate a learner's template before anything is sent to AWS: size, then the spec and the lab rules. */
export async function checkDraft(body: string): Promise<Diagnostic[]> {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_TEMPLATE_BYTES) {
    throw new TemplateDraftError(
      `The template is ${bytes.toLocaleString('en-US')} bytes; CloudFormation reads at most ${MAX_TEMPLATE_BYTES.toLocaleString('en-US')} bytes, even from S3. Split it into nested stacks.`,
    );
  }
  return validateText(body, 'template.yaml', { rules: ['cfn', 'scalelab'] });
}

/**
 * Refuse a draft with errors, naming the first one with its line and column. `acknowledged`: lab rules the learner
 * chose to deploy against (only those in OVERRIDABLE_RULES can be waived; AWS would accept the template).
 */
export async function assertDeployable(body: string, acknowledged: readonly string[] = []): Promise<void> {
  const waived = new Set(acknowledged.filter((rule) => OVERRIDABLE_RULES.has(rule)));
  const diagnostics = (await checkDraft(body)).filter((d) => !(d.severity === 'error' && waived.has(d.rule)));
  if (hasErrors(diagnostics)) {
    const first = diagnostics.find((d) => d.severity === 'error');
    const count = diagnostics.filter((d) => d.severity === 'error').length;
    throw new TemplateDraftError(
      `The template has ${count} error(s); the first, at line ${first?.line}, column ${first?.column}: ${first?.message}`,
      diagnostics,
    );
  }
}

/** The template the learner's stack runs now (what the editor starts from once something is deployed). */
export async function deployedTemplate(clients: AwsClients, stackName: string): Promise<string | undefined> {
  try {
    const out = await clients.cloudformation.send(
      new GetTemplateCommand({ StackName: stackName, TemplateStage: 'Original' }),
    );
    return out.TemplateBody;
  } catch (err) {
    if ((err as Error).name === 'ValidationError') return undefined;
    throw err;
  }
}
