import { GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';
import { type Diagnostic, hasErrors, validateText } from '@/lib/cfn';
import { renderDiagnostic } from '@/lib/cfn/diagnostic-text';
import { OVERRIDABLE_RULES } from '@/lib/cfn/overridable';
import type { Localized } from '@/lib/i18n/locales';
import { MAX_TEMPLATE_URL_BYTES } from './staging';

/**
 * The largest template a learner can deploy: CloudFormation reads up to 1 MB from S3 (TemplateURL). Templates over the
 * 51,200-byte TemplateBody limit go through the staging bucket (staging.ts); the editor warns about those.
 */
export const MAX_TEMPLATE_BYTES = MAX_TEMPLATE_URL_BYTES;

export class TemplateDraftError extends Error {
  constructor(
    /** The reason in both languages: the page shows its own (`message` is the English one). */
    readonly localized: Localized,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(localized.en);
    this.name = 'TemplateDraftError';
  }
}

/** Validate a learner's template before anything is sent to AWS: size, then the spec and the lab rules. */
export async function checkDraft(body: string): Promise<Diagnostic[]> {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_TEMPLATE_BYTES) {
    const [size, limit] = [bytes, MAX_TEMPLATE_BYTES].map((n) => n.toLocaleString('en-US'));
    throw new TemplateDraftError({
      en: `The template is ${size} bytes; CloudFormation reads at most ${limit} bytes, even from S3. Split it into nested stacks.`,
      ko: `템플릿이 ${size}바이트입니다. CloudFormation은 S3에서도 최대 ${limit}바이트까지만 읽습니다. 중첩 스택으로 나누세요.`,
    });
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
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    const where = { line: first?.line ?? 1, column: first?.column ?? 1 };
    const say = (locale: 'en' | 'ko') => (first ? renderDiagnostic(first.text, locale) : '');
    const en =
      errors.length === 1
        ? `The template has 1 error, at line ${where.line}, column ${where.column}: ${say('en')}`
        : `The template has ${errors.length} errors; the first, at line ${where.line}, column ${where.column}: ${say('en')}`;
    const ko = `템플릿에 오류가 ${errors.length}개 있습니다. 첫 번째 오류(${where.line}번째 줄, ${where.column}열): ${say('ko')}`;
    throw new TemplateDraftError({ en, ko }, diagnostics);
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
