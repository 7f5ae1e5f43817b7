import { type NextRequest, NextResponse } from 'next/server';
import { defaultLocale, isLocale, LOCALE_HEADER, type Locale } from '@/lib/i18n/locales';
import { LEARNER_COOKIE, learnerCookieOptions, signLearnerId, verifyLearnerToken } from '@/lib/identity';

/** Pick en or ko from Accept-Language by quality; default English. */
export function negotiateLocale(header: string | null): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find(isLocale) ?? defaultLocale;
}

/** Next's own limit for a server action's body (`serverActions.bodySizeLimit`, 1 MB unless configured). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

const plain = (status: number, text: string) =>
  new NextResponse(`${text}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * Refusals that Next would otherwise answer with a 500: a path whose percent-encoding is not UTF-8 (`/en/labs/%ff`)
 * is a page that does not exist; a server action whose stated body is over Next's limit is refused before it is read.
 */
export function refusal(request: NextRequest): NextResponse | undefined {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return plain(404, 'Not found.');
  }
  if (request.method === 'POST' && request.headers.has('next-action')) {
    // A body sent without a length (chunked, through some proxies) is still held to Next's limit as it is read.
    const length = request.headers.get('content-length');
    if (length !== null && (!/^\d+$/.test(length) || Number(length) > ACTION_BODY_LIMIT)) {
      return plain(413, `The request is larger than this server accepts (${ACTION_BODY_LIMIT / 1024 / 1024} MB).`);
    }
  }
  return undefined;
}

export async function proxy(request: NextRequest) {
  const refused = refusal(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  const first = pathname.split('/')[1];
  if (!isLocale(first)) {
    const url = request.nextUrl.clone();
    url.pathname = `/${negotiateLocale(request.headers.get('accept-language'))}${pathname === '/' ? '' : pathname}`;
    url.search = search;
    return NextResponse.redirect(url);
  }

  // The page's language, for server actions (posted to the page's URL) to answer in: lib/i18n/request-locale.ts.
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, first);
  // An anonymous learner on first visit: a signed, httpOnly cookie. The same request sees it too.
  const token = request.cookies.get(LEARNER_COOKIE)?.value;
  if (token && (await verifyLearnerToken(token))) return NextResponse.next({ request: { headers } });
  const fresh = await signLearnerId(crypto.randomUUID());
  const others = (request.headers.get('cookie') ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith(`${LEARNER_COOKIE}=`));
  headers.set('cookie', [...others, `${LEARNER_COOKIE}=${fresh}`].join('; '));
  const response = NextResponse.next({ request: { headers } });
  response.cookies.set(LEARNER_COOKIE, fresh, learnerCookieOptions);
  return response;
}

export const config = {
  // Pages only: not Next's assets, not API routes (they read the cookie but never mint one), not files with extensions.
  matcher: ['/((?!_next/|api/|favicon.ico|.*\\.[a-z0-9]+$).*)'],
};
