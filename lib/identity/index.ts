import { getSecret } from './secret';

export { getSecret, resetSecretCache } from './secret';

/** The anonymous learner's cookie: `<learner id>.<HMAC-SHA256 of it>`, httpOnly, SameSite=Lax. */
export const LEARNER_COOKIE = 'scalelab_learner';

export const learnerCookieOptions = {
  httpOnly: true,
  sameSite: 'lax' as const,
  // Secure where the site is served over HTTPS (SCALELAB_PUBLIC_URL); plain http://localhost keeps working.
  secure: (process.env.SCALELAB_PUBLIC_URL ?? '').startsWith('https:'),
  path: '/',
  maxAge: 60 * 60 * 24 * 365,
};

const LEARNER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** An HMAC-SHA256 in unpadded base64url. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const encoder = new TextEncoder();
let keyPromise: Promise<{ secret: string; key: CryptoKey }> | undefined;

async function hmacKey(): Promise<CryptoKey> {
  const secret = await getSecret();
  const cachedKey = await keyPromise;
  if (cachedKey?.secret === secret) return cachedKey.key;
  keyPromise = crypto.subtle
    .importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
    .then((key) => ({ secret, key }));
  return (await keyPromise).key;
}

function toBase64Url(bytes: ArrayBuffer): string {
  return Buffer.from(bytes).toString('base64url');
}

export async function signLearnerId(id: string): Promise<string> {
  if (!LEARNER_ID.test(id)) throw new Error(`Not a learner id: ${id}`);
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(), encoder.encode(id));
  return `${id}.${toBase64Url(mac)}`;
}

/** The learner id in a cookie value, or null when it is malformed or its signature does not match. */
export async function verifyLearnerToken(token: string): Promise<string | null> {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  if (!LEARNER_ID.test(id)) return null;
  // Only the one spelling signLearnerId writes: 43 base64url characters for 32 bytes. Node's decoder skips what it
  // does not understand (`=`, `!`, a trailing character), so without this many strings would carry one signature.
  const signature = token.slice(dot + 1);
  if (!SIGNATURE.test(signature)) return null;
  const mac = Buffer.from(signature, 'base64url');
  if (mac.toString('base64url') !== signature) return null;
  // crypto.subtle.verify compares in constant time.
  const ok = await crypto.subtle.verify('HMAC', await hmacKey(), new Uint8Array(mac), encoder.encode(id));
  return ok ? id : null;
}
