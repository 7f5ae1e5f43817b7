/**
 * Evaluate a template for one deployment: given parameter values, region, account and the physical ids of what
 * already exists, turn conditions and intrinsic functions into plain values. The sandbox "deploys" with this.
 */
import { dependencyGraph, dependencyOrder } from './graph';
import { asMap, asSeq, asString, get } from './nodes';
import { subVariables } from './refs';
import { cidrSubnets } from './resolve-cidr';
import type { FnNode, Node, Position, ResourceDecl, Template } from './types';

export type ParameterValue = string | number | boolean | string[];

/** How Ref and GetAtt on resources turn into values: the ids and attributes of what was (or will be) created. */
export interface PhysicalResolver {
  ref?(logicalId: string, type: string | undefined): unknown;
  getAtt?(logicalId: string, attribute: string, type: string | undefined): unknown;
}

export interface ResolveOptions {
  parameters?: Record<string, ParameterValue>;
  region?: string;
  accountId?: string;
  stackName?: string;
  stackId?: string;
  notificationArns?: string[];
  availabilityZones?: (region: string) => string[];
  /** Values of other stacks' exports, for Fn::ImportValue. */
  imports?: Record<string, unknown>;
  /** Values for `{{resolve:service:key}}` dynamic references; left as written when absent. */
  dynamicReference?: (service: string, key: string) => string | undefined;
  physical?: PhysicalResolver;
}

export interface ResolvedResource {
  logicalId: string;
  type: string | undefined;
  properties: Record<string, unknown>;
  dependsOn: string[];
  deletionPolicy: string | undefined;
}

export interface ResolvedTemplate {
  parameters: Record<string, ParameterValue>;
  conditions: Record<string, boolean>;
  /** The resources whose condition holds, in dependency order. */
  resources: ResolvedResource[];
  outputs: Record<string, { value: unknown; description?: string; exportName?: string }>;
  dependencyOrder: string[];
}

export class ResolveError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly pos: Position,
  ) {
    super(`${file}:${pos.line}:${pos.column} ${message}`);
    this.name = 'ResolveError';
  }
}

/** The value AWS::NoValue stands for: the property or list item is dropped. */
const NO_VALUE = Symbol('AWS::NoValue');

export interface Resolver {
  parameters: Record<string, ParameterValue>;
  condition(name: string): boolean;
  /** Resources whose condition holds, each after everything it needs. */
  dependencyOrder: string[];
  value(node: Node | undefined): unknown;
  resource(logicalId: string): ResolvedResource | undefined;
  outputs(): ResolvedTemplate['outputs'];
}

/** A step-by-step resolver: resolve one resource once what it needs exists (the physical resolver knows its ids). */
export function createResolver(template: Template, opts: ResolveOptions = {}): Resolver {
  const region = opts.region ?? 'us-east-1';
  const accountId = opts.accountId ?? '123456789012';
  const stackName = opts.stackName ?? 'scalelab';
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  const pseudo: Record<string, unknown> = {
    'AWS::Region': region,
    'AWS::AccountId': accountId,
    'AWS::StackName': stackName,
    'AWS::StackId': opts.stackId ?? `arn:${partition}:cloudformation:${region}:${accountId}:stack/${stackName}/sandbox`,
    'AWS::Partition': partition,
    'AWS::URLSuffix': partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com',
    'AWS::NotificationARNs': opts.notificationArns ?? [],
    'AWS::NoValue': NO_VALUE,
  };
  const fail = (node: { pos: Position }, message: string): never => {
    throw new ResolveError(message, template.file, node.pos);
  };

  const parameters: Record<string, ParameterValue> = {};
  for (const p of template.parameters) {
    const given = opts.parameters?.[p.name];
    const fallback = get(p.node, 'Default');
    const raw = given ?? (fallback?.kind === 'scalar' ? fallback.value : undefined);
    if (raw === undefined || raw === null) fail(p, `Parameter ${p.name} has no value and no Default.`);
    const isList = /List<|CommaDelimitedList/.test(p.type ?? '');
    parameters[p.name] =
      isList && typeof raw === 'string' ? raw.split(',').map((s) => s.trim()) : (raw as ParameterValue);
  }

  const resources = new Map(template.resources.map((r) => [r.logicalId, r]));
  const conditionCache = new Map<string, boolean>();
  const evaluating = new Set<string>();
  const condition = (name: string, at: { pos: Position } = { pos: { line: 1, column: 1 } }): boolean => {
    const cached = conditionCache.get(name);
    if (cached !== undefined) return cached;
    const def = template.conditions.find((c) => c.key === name);
    if (!def) return fail(at, `Condition ${name} is not defined.`);
    if (evaluating.has(name)) return fail(def.value, `Condition ${name} depends on itself.`);
    evaluating.add(name);
    const result = Boolean(value(def.value));
    evaluating.delete(name);
    conditionCache.set(name, result);
    return result;
  };

  const ref = (name: string, at: Node): unknown => {
    if (name in pseudo) return pseudo[name];
    if (name in parameters) return parameters[name];
    const resource = resources.get(name);
    if (!resource) return fail(at, `Ref to unknown '${name}'.`);
    return opts.physical?.ref?.(name, resource.type) ?? name;
  };
  const getAtt = (name: string, attribute: string, at: Node): unknown => {
    const resource = resources.get(name);
    if (!resource) return fail(at, `GetAtt on unknown resource '${name}'.`);
    return opts.physical?.getAtt?.(name, attribute, resource.type) ?? `${name}.${attribute}`;
  };

  const str = (v: unknown, at: Node): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(',');
    return fail(at, `Expected a string, got ${JSON.stringify(v)}.`);
  };
  const list = (v: unknown, at: Node): unknown[] => (Array.isArray(v) ? v : fail(at, 'Expected a list.'));
  const args = (fn: FnNode): Node[] => asSeq(fn.arg)?.items ?? fail(fn, `${fn.name} takes a list of arguments.`);

  const dynamic = (text: string): string =>
    opts.dynamicReference
      ? text.replace(
          /\{\{resolve:([^:}]+):([^}]+)\}\}/g,
          (all, service: string, key: string) => opts.dynamicReference?.(service, key) ?? all,
        )
      : text;

  const sub = (fn: FnNode): string => {
    const items = asSeq(fn.arg)?.items;
    const textNode = items ? items[0] : fn.arg;
    const text = asString(textNode);
    if (text === undefined || !textNode) return fail(fn, 'Fn::Sub takes a string.');
    const vars = new Map((asMap(items?.[1])?.entries ?? []).map((e) => [e.key, e.value]));
    let out = '';
    let last = 0;
    for (const v of subVariables(text)) {
      out += text.slice(last, v.index);
      const own = vars.get(v.name);
      const [name = '', ...rest] = v.name.split('.');
      const resolved = own
        ? value(own)
        : rest.length && !(v.name in pseudo)
          ? getAtt(name, rest.join('.'), textNode)
          : ref(v.name, textNode);
      out += str(resolved, textNode);
      last = v.index + v.length;
    }
    return dynamic((out + text.slice(last)).replace(/\$\{!/g, '${'));
  };

  const fn = (node: FnNode): unknown => {
    switch (node.name) {
      case 'Ref':
        return ref(asString(node.arg) ?? fail(node, 'Ref takes a name.'), node.arg);
      case 'Fn::GetAtt': {
        const [resource, attribute] = args(node).map((a) => str(value(a), a));
        return getAtt(resource ?? '', attribute ?? '', node);
      }
      case 'Fn::Sub':
        return sub(node);
      case 'Fn::Join': {
        const [delimiter, items] = args(node);
        if (!delimiter || !items) return fail(node, 'Fn::Join takes [delimiter, list].');
        return list(value(items), items)
          .map((i) => str(i, items))
          .join(str(value(delimiter), delimiter));
      }
      case 'Fn::Select': {
        const [index, items] = args(node);
        if (!index || !items) return fail(node, 'Fn::Select takes [index, list].');
        const values = list(value(items), items);
        const i = Number(value(index));
        if (!Number.isInteger(i) || i < 0 || i >= values.length)
          return fail(index, `Fn::Select index ${i} is out of range.`);
        return values[i];
      }
      case 'Fn::Split': {
        const [delimiter, source] = args(node);
        if (!delimiter || !source) return fail(node, 'Fn::Split takes [delimiter, string].');
        return str(value(source), source).split(str(value(delimiter), delimiter));
      }
      case 'Fn::GetAZs': {
        const r = str(value(node.arg), node.arg) || region;
        return opts.availabilityZones?.(r) ?? ['a', 'b', 'c'].map((z) => `${r}${z}`);
      }
      case 'Fn::If': {
        const [name, whenTrue, whenFalse] = args(node);
        const holds = condition(asString(name) ?? fail(node, 'Fn::If takes a condition name.'), node);
        return value(holds ? whenTrue : whenFalse);
      }
      case 'Fn::Equals': {
        const [a, b] = args(node).map((a) => value(a));
        return JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
      }
      case 'Fn::Not':
        return !value(args(node)[0]);
      case 'Fn::And':
        return args(node).every((a) => Boolean(value(a)));
      case 'Fn::Or':
        return args(node).some((a) => Boolean(value(a)));
      case 'Condition':
        return condition(asString(node.arg) ?? fail(node, 'Condition takes a name.'), node);
      case 'Fn::FindInMap': {
        const [map, top, second, fallback] = args(node);
        const keys = [map, top, second].map((k) => (k ? str(value(k), k) : ''));
        const mapping = asMap(template.mappings.find((m) => m.key === keys[0])?.value);
        const found = get(asMap(get(mapping, keys[1] ?? '')), keys[2] ?? '');
        if (found) return value(found);
        const defaultValue = get(asMap(fallback), 'DefaultValue');
        return defaultValue ? value(defaultValue) : fail(node, `Fn::FindInMap: no ${keys.join('.')}.`);
      }
      case 'Fn::Base64':
        return Buffer.from(str(value(node.arg), node.arg)).toString('base64');
      case 'Fn::Cidr': {
        const [block, count, bits] = args(node).map((a) => value(a));
        return cidrSubnets(String(block), Number(count), Number(bits)) ?? fail(node, `Fn::Cidr cannot split ${block}.`);
      }
      case 'Fn::ImportValue': {
        const name = str(value(node.arg), node.arg);
        if (!opts.imports || !(name in opts.imports)) return fail(node, `No stack exports '${name}'.`);
        return opts.imports[name];
      }
      case 'Fn::Length':
        return list(value(node.arg), node.arg).length;
      case 'Fn::ToJsonString':
        return JSON.stringify(value(node.arg));
      case 'Fn::Transform':
        return fail(node, 'Fn::Transform (macros) cannot be evaluated here.');
    }
  };

  const value = (node: Node | undefined): unknown => {
    if (!node) return undefined;
    switch (node.kind) {
      case 'scalar':
        return typeof node.value === 'string' ? dynamic(node.value) : node.value;
      case 'seq':
        return node.items.map(value).filter((v) => v !== NO_VALUE);
      case 'map':
        return Object.fromEntries(node.entries.map((e) => [e.key, value(e.value)]).filter(([, v]) => v !== NO_VALUE));
      case 'fn':
        return fn(node);
    }
  };

  const enabled = (r: ResourceDecl) => !r.condition || condition(r.condition.name, r.condition);
  const included = new Set(template.resources.filter(enabled).map((r) => r.logicalId));
  const order = dependencyOrder(dependencyGraph(template), included);

  return {
    parameters,
    condition: (name) => condition(name),
    dependencyOrder: order,
    value,
    resource(logicalId) {
      const r = resources.get(logicalId);
      if (!r || !included.has(logicalId)) return undefined;
      const properties = r.properties ? (value(r.properties) as Record<string, unknown>) : {};
      return {
        logicalId,
        type: r.type,
        properties,
        dependsOn: r.dependsOn.map((d) => d.name),
        deletionPolicy: asString(get(r.node, 'DeletionPolicy')),
      };
    },
    outputs() {
      const out: ResolvedTemplate['outputs'] = {};
      for (const o of template.outputs) {
        const name = asString(get(o.node, 'Condition'));
        if (name !== undefined && !condition(name)) continue;
        const exportName = get(asMap(get(o.node, 'Export')), 'Name');
        out[o.name] = {
          value: value(get(o.node, 'Value')),
          description: asString(get(o.node, 'Description')),
          exportName: exportName ? String(value(exportName)) : undefined,
        };
      }
      return out;
    },
  };
}

/** Resolve everything at once (the physical resolver answers for resources that do not exist yet, if it can). */
export function resolveTemplate(template: Template, opts: ResolveOptions = {}): ResolvedTemplate {
  const resolver = createResolver(template, opts);
  const conditions = Object.fromEntries(template.conditions.map((c) => [c.key, resolver.condition(c.key)]));
  const resources = resolver.dependencyOrder.flatMap((id) => resolver.resource(id) ?? []);
  return {
    parameters: resolver.parameters,
    conditions,
    resources,
    outputs: resolver.outputs(),
    dependencyOrder: resolver.dependencyOrder,
  };
}
