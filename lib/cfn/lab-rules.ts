/**
 * The `scalelab` rule set: conventions every lab template follows so that checks, cost and safety hold on a workshop
 * day. Switched on with `rules: ['cfn', 'scalelab']`.
 */
import { text } from './diagnostic-text';
import { asMap, asSeq, asString, get, walk } from './nodes';
import { MAX_TEMPLATE_BODY_BYTES } from './parse-limits';
import type { Rule } from './rule';
import type { MapNode, Node, Template } from './types';

export const LAB_TAG_KEYS = ['scalelab:lab', 'scalelab:role'];

export const REQUIRED_EXPORTS = ['VpcId'];
/** The sizes a lab may use: the cheapest burstable classes. */
export const CHEAP_SIZES: Readonly<Record<string, string[]>> = {
  ec2: ['t2.micro', 't3.nano', 't3.micro', 't3.small', 't4g.nano', 't4g.micro', 't4g.small'],
  rds: ['db.t3.micro', 'db.t4g.micro'],
  // Aurora offers no micro classes: Aurora User Guide › DB instance classes › "Supported DB engines for DB instance
  // classes" lists db.t3.medium and db.t4g.medium as the smallest for Aurora MySQL version 3.
  aurora: ['db.t3.medium', 'db.t4g.medium'],
  elasticache: ['cache.t3.micro', 'cache.t4g.micro'],
};
const SIZED: { type: string; path: string[]; list: keyof typeof CHEAP_SIZES }[] = [
  { type: 'AWS::EC2::Instance', path: ['InstanceType'], list: 'ec2' },
  { type: 'AWS::EC2::LaunchTemplate', path: ['LaunchTemplateData', 'InstanceType'], list: 'ec2' },
  { type: 'AWS::AutoScaling::LaunchConfiguration', path: ['InstanceType'], list: 'ec2' },
  { type: 'AWS::RDS::DBInstance', path: ['DBInstanceClass'], list: 'rds' },
  { type: 'AWS::RDS::DBCluster', path: ['DBClusterInstanceClass'], list: 'rds' },
  { type: 'AWS::ElastiCache::CacheCluster', path: ['CacheNodeType'], list: 'elasticache' },
  { type: 'AWS::ElastiCache::ReplicationGroup', path: ['CacheNodeType'], list: 'elasticache' },
];
const ADMIN_PORTS = [22, 3389];
const AMI_ID = /^ami-[0-9a-f]{8,17}$/;
const ACCOUNT_ID = /(^|:)\d{12}(:|$)/;

const labTags: Rule = ({ template, spec, report }) => {
  for (const r of template.resources) {
    const info = r.type ? spec.resource(r.type)?.tagInformation : undefined;
    if (!info) continue;
    const tags = get(r.properties, info.tagPropertyName);
    if (tags?.kind === 'fn') continue;
    const keys =
      info.variant === 'map'
        ? (asMap(tags)?.entries.map((e) => e.key) ?? [])
        : (asSeq(tags)?.items.map((t) => asString(get(asMap(t), 'Key'))) ?? []);
    const missing = LAB_TAG_KEYS.filter((k) => !keys.includes(k));
    if (missing.length) {
      const params = { id: r.logicalId, type: r.type ?? '', keys: missing, property: info.tagPropertyName };
      report(r.pos, 'scalelab/tags', text('lab.tags', params));
    }
  }
};

const labExports: Rule = ({ template, report }) => {
  if (!template.resources.some((r) => r.type === 'AWS::EC2::VPC')) return;
  for (const name of REQUIRED_EXPORTS) {
    const output = template.outputs.find((o) => o.name === name);
    if (!output || !get(output.node, 'Export')) {
      const at = template.root?.entries.find((e) => e.key === 'Outputs')?.keyPos ?? template.root?.pos;
      report(at ?? { line: 1, column: 1 }, 'scalelab/exports', text('lab.exports', { name }));
    }
  }
};

const hardCoded: Rule = ({ template, report }) => {
  const sections = ['Resources', 'Outputs', 'Mappings', 'Parameters'].map((k) => get(template.root, k));
  for (const section of sections) {
    walk(section, (n) => {
      if (n.kind !== 'scalar' || typeof n.value !== 'string') return;
      if (AMI_ID.test(n.value)) {
        report(n.pos, 'scalelab/hardcoded-ami', text('lab.hardcodedAmi', { value: n.value }));
      } else if (ACCOUNT_ID.test(n.value) || /^\d{12}$/.test(n.value)) {
        report(n.pos, 'scalelab/hardcoded-account', text('lab.hardcodedAccount', { value: n.value }));
      }
    });
  }
};

const cheapSizes: Rule = ({ template, report }) => {
  for (const r of template.resources) {
    for (const sized of SIZED.filter((s) => s.type === r.type)) {
      let node: Node | undefined = r.properties;
      for (const key of sized.path) node = get(asMap(node), key);
      const aurora = r.type === 'AWS::RDS::DBInstance' && asString(get(r.properties, 'Engine'))?.startsWith('aurora');
      const allowed = CHEAP_SIZES[aurora ? 'aurora' : sized.list] ?? [];
      for (const { node: v, offered } of literalValues(template, node)) {
        const value = asString(v);
        if (value === undefined || allowed.includes(value)) continue;
        // A parameter may offer a bigger size for a lesson on scaling up, as long as what deploys by default is cheap.
        const params = { id: r.logicalId, value, allowed: allowed.join(', ') };
        const message = text(offered ? 'lab.sizeOffered' : 'lab.size', params);
        report(v.pos, 'scalelab/instance-size', message, offered ? 'warning' : 'error');
      }
    }
  }
};

/** The literal values a property can take: itself, both branches of an If, a parameter's Default and AllowedValues. */
function literalValues(template: Template, node: Node | undefined): { node: Node; offered: boolean }[] {
  if (!node) return [];
  if (node.kind === 'scalar') return [{ node, offered: false }];
  if (node.kind !== 'fn') return [];
  if (node.name === 'Fn::If') return (asSeq(node.arg)?.items.slice(1) ?? []).flatMap((b) => literalValues(template, b));
  if (node.name !== 'Ref') return [];
  const parameter = template.parameters.find((p) => p.name === asString(node.arg));
  if (!parameter) return [];
  const fallback = get(parameter.node, 'Default');
  const offered = asSeq(get(parameter.node, 'AllowedValues'))?.items ?? [];
  return [
    ...(fallback ? [{ node: fallback, offered: false }] : []),
    ...offered.filter((o) => asString(o) !== asString(fallback)).map((o) => ({ node: o, offered: true })),
  ];
}

const adminPorts: Rule = ({ template, report }) => {
  for (const r of template.resources) {
    const rules =
      r.type === 'AWS::EC2::SecurityGroup'
        ? (asSeq(get(r.properties, 'SecurityGroupIngress'))?.items ?? [])
        : r.type === 'AWS::EC2::SecurityGroupIngress' && r.properties
          ? [r.properties]
          : [];
    for (const rule of rules) {
      const map = asMap(rule);
      if (!map) continue;
      const open = ['CidrIp', 'CidrIpv6']
        .map((k) => get(map, k))
        .find((n) => ['0.0.0.0/0', '::/0'].includes(asString(n) ?? ''));
      if (!open) continue;
      const port = ADMIN_PORTS.find((p) => coversPort(map, p));
      if (port !== undefined) {
        const params = { id: r.logicalId, port, cidr: asString(open) ?? '' };
        report(open.pos, 'scalelab/open-admin-port', text('lab.openAdminPort', params));
      }
    }
  }
};

function coversPort(rule: MapNode, port: number): boolean {
  const protocol = String(
    get(rule, 'IpProtocol')?.kind === 'scalar' ? (get(rule, 'IpProtocol') as { value: unknown }).value : '',
  );
  if (['-1', 'all'].includes(protocol)) return true;
  if (!['tcp', '6'].includes(protocol.toLowerCase())) return false;
  const num = (k: string) => {
    const n = get(rule, k);
    return n?.kind === 'scalar' ? Number(n.value) : Number.NaN;
  };
  const from = num('FromPort');
  const to = num('ToPort');
  if (from === -1 || to === -1) return true;
  return from <= port && port <= (Number.isNaN(to) ? from : to);
}

/**
 * Over CloudFormation's 51,200-byte TemplateBody limit ("Understand CloudFormation quotas"), a template is launched
 * from S3 through TemplateURL: say so while the learner edits, so the staging bucket is no surprise. (Over 1 MB, the
 * TemplateURL limit, the parser refuses the template: parse-limits.ts.)
 */
const templateSize: Rule = ({ template, report }) => {
  if (template.source.length <= MAX_TEMPLATE_BODY_BYTES / 3) return;
  const bytes = Buffer.byteLength(template.source, 'utf8');
  if (bytes <= MAX_TEMPLATE_BODY_BYTES) return;
  const fmt = (n: number) => n.toLocaleString('en-US');
  report(
    { line: 1, column: 1 },
    'scalelab/template-size',
    text('lab.templateSize', { bytes: fmt(bytes), limit: fmt(MAX_TEMPLATE_BODY_BYTES) }),
    'warning',
  );
};

export const labRules: Rule[] = [labTags, labExports, hardCoded, cheapSizes, adminPorts, templateSize];
