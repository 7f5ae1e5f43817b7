import { type ResourceRecord, resourceById, resourcesIn, type SandboxState } from '../state';
import type { InstalledApp } from './view';

const LT = 'AWS::EC2::LaunchTemplate';
const ASG = 'AWS::AutoScaling::AutoScalingGroup';

type Props = Record<string, unknown>;
const objectAt = (o: unknown, key: string): Props =>
  o && typeof o === 'object' && (o as Props)[key] && typeof (o as Props)[key] === 'object'
    ? ((o as Props)[key] as Props)
    : {};

/** The launch template a `{ LaunchTemplateId | LaunchTemplateName }` reference names, in this region. */
function launchTemplate(state: SandboxState, region: string, reference: Props): ResourceRecord | undefined {
  if (!reference.LaunchTemplateId && !reference.LaunchTemplateName) return undefined;
  return resourcesIn(state, region, LT).find(
    (t) => t.physicalId === reference.LaunchTemplateId || t.attrs.LaunchTemplateName === reference.LaunchTemplateName,
  );
}

/**
 * The user data an instance booted with (base64, as EC2 keeps it): its own, its launch template's, or — for an Auto
 * Scaling group's instance — the group's launch template's.
 */
export function userDataOf(state: SandboxState, instance: ResourceRecord): string | undefined {
  if (typeof instance.props.UserData === 'string') return instance.props.UserData;
  const direct = launchTemplate(state, instance.region, objectAt(instance.props, 'LaunchTemplate'));
  if (direct) return objectAt(direct.props, 'LaunchTemplateData').UserData as string | undefined;
  const [type, id] = (instance.parent ?? '').split('|');
  if (type !== ASG) return undefined;
  const group = resourceById(state, instance.region, ASG, id);
  if (!group) return undefined;
  const reference = group.props.LaunchTemplate
    ? objectAt(group.props, 'LaunchTemplate')
    : objectAt(objectAt(group.props.MixedInstancesPolicy, 'LaunchTemplate'), 'LaunchTemplateSpecification');
  const template = launchTemplate(state, instance.region, reference);
  return template ? (objectAt(template.props, 'LaunchTemplateData').UserData as string | undefined) : undefined;
}

/** `ThreadingHTTPServer(("", 80), Handler)`, `HTTPServer(('0.0.0.0', PORT), …)`: the port (or its name) a Python app binds. */
const PYTHON_SERVER = /HTTPServer\(\(\s*["'][^"']*["']\s*,\s*(\d{1,5}|[A-Za-z_]\w*)\s*\)/;

/** A port the script names: `PORT = 8080`, or `PORT = int(os.environ.get("PORT", "8080"))` (the unit's Environment= first). */
function namedPort(name: string, script: string, env: Record<string, string>): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  const literal = script.match(new RegExp(`^${name} = (\\d{1,5})\\s*$`, 'm'));
  if (literal) return Number(literal[1]);
  const fromEnv = script.match(
    new RegExp(`^${name} = int\\(os\\.environ\\.get\\(["'](\\w+)["'],\\s*["']?(\\d{1,5})["']?\\)\\)`, 'm'),
  );
  if (!fromEnv) return undefined;
  const set = Number(env[fromEnv[1] ?? '']);
  return Number.isInteger(set) && set > 0 ? set : Number(fromEnv[2]);
}

/** `python3 -m http.server 8000` (its default port is 8000). */
const PYTHON_MODULE = /python3?\s+-m\s+http\.server(?:\s+(\d{1,5}))?/;
/** A stock web server installed and started: it serves its test page on port 80. */
const STOCK_SERVER = /\b(?:dnf|yum|apt-get|apt)\s+install\b[^\n]*\b(httpd|nginx|apache2)\b/;

/** What the user data starts listening, read from the script itself (nothing listens when it starts nothing). */
export function installedApp(userData: string | undefined): InstalledApp | undefined {
  if (!userData) return undefined;
  const script = Buffer.from(userData, 'base64').toString('utf8');
  const env: Record<string, string> = {};
  for (const m of script.matchAll(/^\s*Environment=("?)([A-Za-z_][A-Za-z0-9_]*)=(.*?)\1\s*$/gm))
    env[m[2] ?? ''] = m[3] ?? '';
  const python = script.match(PYTHON_SERVER);
  const port = python ? namedPort(python[1] ?? '', script, env) : undefined;
  if (port) return { port, script, env };
  const module = script.match(PYTHON_MODULE);
  if (module) return { port: Number(module[1] ?? 8000), script, env };
  if (STOCK_SERVER.test(script)) return { port: 80, script, env };
  return undefined;
}

/** The lab app on every instance of a region, by instance id. */
export function labAppsOf(state: SandboxState, region: string): Record<string, InstalledApp> {
  const apps: Record<string, InstalledApp> = {};
  for (const instance of resourcesIn(state, region, 'AWS::EC2::Instance')) {
    const app = installedApp(userDataOf(state, instance));
    if (app) apps[instance.physicalId] = app;
  }
  return apps;
}
