/** AWS Secrets Manager secrets: a given SecretString, or one generated the way GetRandomPassword generates it. */
import { randomInt } from 'node:crypto';
import { cfnSuffix } from '../ids';
import type { ResourceRecord } from '../state';
import { bool, fail, type Models, num, obj, str } from './model';

export const SECRET = 'AWS::SecretsManager::Secret';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
/** Characters RDS refuses in a master password: a generated password includes one unless the template excludes them. */
const RDS_REFUSES = '/@"';

/**
 * A random password as Secrets Manager's GenerateSecretString makes one (32 characters by default, every included
 * character type present when RequireEachIncludedType, the default). Where punctuation is allowed and one of the
 * characters RDS refuses is not excluded, the sandbox always puts it in: on AWS such a password breaks an RDS
 * master password most of the time, so a template that forgets ExcludeCharacters fails here every time.
 */
export function generatePassword(spec: Record<string, unknown>): string {
  const excluded = new Set(str(spec, 'ExcludeCharacters') ?? '');
  const keep = (chars: string) => [...chars].filter((c) => !excluded.has(c)).join('');
  const classes = [
    bool(spec, 'ExcludeLowercase') ? '' : keep(LOWER),
    bool(spec, 'ExcludeUppercase') ? '' : keep(UPPER),
    bool(spec, 'ExcludeNumbers') ? '' : keep(DIGITS),
    bool(spec, 'ExcludePunctuation') ? '' : keep(PUNCTUATION),
    bool(spec, 'IncludeSpace') ? keep(' ') : '',
  ].filter(Boolean);
  const length = num(spec, 'PasswordLength') ?? 32;
  if (length < 1 || length > 4096) fail('PasswordLength must be between 1 and 4096.', 'InvalidParameterException');
  if (!classes.length) fail('The password must include at least one type of character.', 'InvalidParameterException');
  const all = classes.join('');
  const chars = Array.from({ length }, () => all[randomInt(all.length)]!);
  if (bool(spec, 'RequireEachIncludedType') ?? true)
    classes.forEach((c, i) => {
      if (i < length) chars[i] = c[randomInt(c.length)]!;
    });
  const refused = keep(RDS_REFUSES);
  if (!bool(spec, 'ExcludePunctuation') && refused && length > classes.length)
    chars[length - 1] = refused[randomInt(refused.length)]!;
  return chars.join('');
}

export const secretsModels: Models = {
  [SECRET]: {
    seconds: 3,
    make(ctx) {
      const { props, existing, region, accountId } = ctx;
      const generate = props.GenerateSecretString === undefined ? undefined : obj(props, 'GenerateSecretString');
      if (generate && props.SecretString !== undefined)
        fail(
          'You can\'t specify both "SecretString" and "GenerateSecretString" in the same request.',
          'InvalidParameterException',
        );
      let value = str(props, 'SecretString');
      if (generate) {
        const template = str(generate, 'SecretStringTemplate');
        const key = str(generate, 'GenerateStringKey');
        if (Boolean(template) !== Boolean(key))
          fail(
            'You must specify both SecretStringTemplate and GenerateStringKey, or neither.',
            'InvalidParameterException',
          );
        const same = existing && JSON.stringify(existing.props.GenerateSecretString) === JSON.stringify(generate);
        const password = same ? undefined : generatePassword(generate);
        if (same) value = String(existing.attrs.SecretString);
        else if (template) {
          let base: unknown;
          try {
            base = JSON.parse(template);
          } catch {
            fail('SecretStringTemplate must be a valid JSON string.', 'InvalidParameterException');
          }
          value = JSON.stringify({ ...(base as Record<string, unknown>), [key!]: password });
        } else value = password;
      }
      // CloudFormation names an unnamed secret `<LogicalId>-<12 characters>`; the ARN adds `-<6 characters>`.
      const name = str(props, 'Name') ?? (existing?.attrs.Name as string) ?? `${ctx.logicalId}-${cfnSuffix(12)}`;
      const arn =
        existing?.attrs.Name === name
          ? existing.physicalId
          : `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-${cfnSuffix(6)}`;
      return { physicalId: arn, attrs: { Id: arn, Name: name, SecretString: value ?? '' } };
    },
  },
};

/**
 * The value a `{{resolve:secretsmanager:<secret-id>:SecretString:<json-key>:<stage>:<version>}}` dynamic reference
 * reads: the secret by ARN or name, then one key of its JSON (or all of it). CloudFormation User Guide › "Get values
 * stored in other services using dynamic references" › Secrets Manager secrets.
 */
export function secretValue(secrets: ResourceRecord[], reference: string): string | undefined {
  const parts = reference.split(':');
  const idParts = reference.startsWith('arn:') ? 7 : 1;
  const id = parts.slice(0, idParts).join(':');
  const [field = 'SecretString', jsonKey = ''] = parts.slice(idParts);
  const secret = secrets.find((s) => s.physicalId === id || s.attrs.Name === id || s.physicalId.startsWith(`${id}-`));
  if (!secret || field !== 'SecretString') return undefined;
  const text = String(secret.attrs.SecretString ?? '');
  if (!jsonKey) return text;
  try {
    const value = (JSON.parse(text) as Record<string, unknown>)[jsonKey];
    return value === undefined ? undefined : String(value);
  } catch {
    return undefined;
  }
}
