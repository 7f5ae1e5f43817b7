import { type NextRequest, NextResponse } from 'next/server';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
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

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const first = pathname.split('/')[1];
  if (!isLocale(first)) {
    const url = request.nextUrl.clone();
    url.pathname = `/${negotiateLocale(request.headers.get('accept-language'))}${pathname === '/' ? '' : pathname}`;
    url.search = search;
    return NextResponse.redirect(url);
  }

  // An anonymous learner on first visit: a signed, httpOnly cookie. The same request sees it too.
  const token = request.cookies.get(LEARNER_COOKIE)?.value;
  if (token && (await verifyLearnerToken(token))) return NextResponse.next();
  const fresh = await signLearnerId(crypto.randomUUID());
  const headers = new Headers(request.headers);
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
