import type { Instance } from '@aws-sdk/client-ec2';
import { callDatabase } from './database';
import type { Hop, HttpAnswer, Impairments, Memory } from './trace';
import type { InstalledApp, RegionView } from './view';

/** What the app keeps between requests: the visits its database counts. */
export type AppMemory = Pick<Memory, 'visit'>;

/** Python's html.escape (quote=True). */
const htmlEscape = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');

/** Python's str.format over named fields: `{name}` takes the value, `{{` and `}}` are literal braces. */
const format = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{|\}\}|\{(\w+)\}/g, (m, name?: string) => (name === undefined ? m[0]! : (values[name] ?? '')));

const text = (status: number, body: string, type = 'text/plain'): HttpAnswer => ({
  status,
  headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store' },
  body,
});

/** `2026-01-05 09:30:00 UTC`, as the app's time.strftime prints its start. */
const started = (launch: Date | string | undefined) =>
  `${new Date(launch ?? 0).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** A Python constant of the app (`STACK = "scalelab-x"`), for stage 00 whose values are baked into the script. */
const constant = (script: string, name: string) => script.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];

/** The visits line of the page: the app's own SQLite on one box, else its database call through the security chain. */
function visits(view: RegionView, instance: Instance, app: InstalledApp, memory: AppMemory, impairments: Impairments) {
  const host = app.env.DB_HOST;
  if (!host) return { value: String(memory.visit(`sqlite:${instance.InstanceId}`)) };
  const call = callDatabase(view, instance, host, impairments);
  // The app catches the failure and still answers: "the page still answers while the database fails over".
  return call.ok
    ? { value: String(memory.visit(`db:${call.key}`)), hop: call.hop }
    : { value: `database unavailable: ${call.error}`, hop: call.hop };
}

/**
 * The lab app's answer, as the Python app of the stage templates serves it: `/health` → `ok`, `/api` → its instance
 * id, AZ and type as JSON, `/` → the page of its PAGE template with the same values, anything else → 404. A stock
 * web server (httpd, nginx) or `python -m http.server` answers its own default page.
 */
export function labAppAnswer(
  view: RegionView,
  instance: Instance,
  app: InstalledApp,
  rawPath: string,
  memory: AppMemory,
  impairments: Impairments = {},
): { answer: HttpAnswer; database?: Hop } {
  const { script, env } = app;
  const page = script.match(/PAGE = """([\s\S]*?)"""/)?.[1];
  if (!page) return { answer: text(200, '<html><body><h1>It works!</h1></body></html>\n', 'text/html') };
  const path = script.includes('self.path.split("?")[0]') ? (rawPath.split('?')[0] ?? '/') : rawPath;
  const me = {
    instanceId: instance.InstanceId ?? 'unknown',
    availabilityZone: instance.Placement?.AvailabilityZone ?? 'unknown',
    instanceType: String(instance.InstanceType ?? 'unknown'),
  };
  const stack = env.STACK ?? constant(script, 'STACK') ?? '';
  if (path === '/health') return { answer: text(200, 'ok\n') };
  if (path === '/api') {
    const json = `{${Object.entries({ ...me, stack })
      .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(', ')}}\n`;
    return { answer: text(200, json, 'application/json') };
  }
  if (path !== '/') return { answer: text(404, 'not found\n') };
  const counted = visits(view, instance, app, memory, impairments);
  const staticUrl = env.STATIC_URL ?? '';
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(me).map(([k, v]) => [k, htmlEscape(v)])),
    stack: htmlEscape(stack),
    stage: htmlEscape(env.STAGE ?? ''),
    visits: htmlEscape(counted.value),
    db: htmlEscape(env.DB_HOST ?? ''),
    dbRead: htmlEscape(env.DB_READ_HOST || env.DB_HOST || ''),
    static: staticUrl
      ? `<dt>Static content (S3 + CloudFront)</dt><dd><a href="${htmlEscape(staticUrl)}">${htmlEscape(staticUrl)}</a></dd>`
      : '',
    started: started(instance.LaunchTime),
    sid: instance.InstanceId?.slice(-8) ?? '',
    views: '1',
  };
  return { answer: text(200, format(page, values), 'text/html; charset=utf-8'), database: counted.hop };
}
