/**
 * Resource properties against the spec: the resource type exists, every property is known, required ones are there,
 * and each value has the type the spec gives it, recursively through nested types, lists and maps.
 */
import { type DiagnosticText, text } from '../diagnostic-text';
import type { Rule } from '../rule';
import type { Property, PropertyType, Spec } from '../spec';
import { didYouMean } from '../suggest';
import type { FnNode, MapNode, Node, Position, Template } from '../types';

interface Found {
  at: Position;
  rule: string;
  message: DiagnosticText;
}

export const properties: Rule = ({ template, spec, report }) => {
  for (const resource of template.resources) {
    const type = resource.type;
    if (type === undefined) continue;
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') continue;
    const schema = spec.resource(type);
    if (!schema) {
      const hint = type.includes('::') ? didYouMean(type, spec.resourceTypeNames()) : '';
      report(resource.typePos, 'unknown-resource-type', text('properties.unknownType', { type, hint }));
      continue;
    }
    const props = resource.node.entries.find((e) => e.key === 'Properties');
    if (props && props.value.kind !== 'map') {
      if (props.value.kind !== 'fn') report(props.value.pos, 'property-type', text('properties.notAMapping', { type }));
      continue;
    }
    const found: Found[] = [];
    checkObject(template, spec, resource.properties, schema.properties, type, props?.keyPos ?? resource.pos, found);
    for (const f of found) report(f.at, f.rule, f.message);
  }
};

function checkObject(
  template: Template,
  spec: Spec,
  node: MapNode | undefined,
  schema: Record<string, Property>,
  where: string,
  at: Position,
  found: Found[],
) {
  const known = Object.keys(schema);
  for (const e of node?.entries ?? []) {
    const property = schema[e.key];
    if (!property) {
      found.push({
        at: e.keyPos,
        rule: 'unknown-property',
        message: text('properties.unknown', { property: e.key, where, hint: didYouMean(e.key, known) }),
      });
      continue;
    }
    const types = [property.type, ...(property.previousTypes ?? [])];
    checkValue(template, spec, e.value, types, `${where}.${e.key}`, found);
  }
  for (const [name, property] of Object.entries(schema)) {
    if (property.required && !node?.entries.some((e) => e.key === name)) {
      found.push({ at, rule: 'required-property', message: text('properties.required', { where, property: name }) });
    }
  }
}

/** Check `node` against any one of `types`: the first type it fits wins; if none fits, the closest miss is reported. */
function checkValue(template: Template, spec: Spec, node: Node, types: PropertyType[], where: string, found: Found[]) {
  const flat = types.flatMap((t) => (t.type === 'union' ? t.types : [t]));
  let best: Found[] | undefined;
  for (const type of flat) {
    const attempt: Found[] = [];
    checkOne(template, spec, node, type, where, attempt);
    if (attempt.length === 0) return;
    if (!best || attempt.length < best.length) best = attempt;
  }
  found.push(...(best ?? []));
}

function checkOne(template: Template, spec: Spec, node: Node, type: PropertyType, where: string, found: Found[]) {
  const wrong = (expected: DiagnosticText) =>
    found.push({
      at: node.pos,
      rule: 'property-type',
      message: text('properties.wrongType', { where, expected, actual: actualKind(node) }),
    });
  if (node.kind === 'fn') {
    const produces = fnProduces(template, node);
    if (node.name === 'Fn::If') {
      const branches = node.arg.kind === 'seq' ? node.arg.items.slice(1) : [];
      for (const branch of branches) checkValue(template, spec, branch, [type], where, found);
      return;
    }
    if (produces === 'list' && !['array', 'json', 'union'].includes(type.type)) wrong(expectation(type));
    if (produces === 'string' && ['array', 'map', 'ref', 'tag'].includes(type.type)) wrong(expectation(type));
    return;
  }
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (node.kind !== 'scalar' || node.value === null) return wrong(text('type.string'));
      if (type.type === 'string' && type.allowedValues && typeof node.value === 'string') {
        if (!type.allowedValues.includes(node.value)) {
          found.push({
            at: node.pos,
            rule: 'property-allowed-value',
            message: text('properties.allowedValue', {
              where,
              value: node.value,
              allowed: type.allowedValues.join(', '),
              hint: didYouMean(node.value, type.allowedValues),
            }),
          });
        }
      }
      return;
    case 'number':
    case 'integer': {
      const ok =
        node.kind === 'scalar' &&
        (typeof node.value === 'number' || (typeof node.value === 'string' && /^-?\d+(\.\d+)?$/.test(node.value)));
      const whole = node.kind === 'scalar' && Number.isInteger(Number(node.value));
      if (!ok || (type.type === 'integer' && !whole))
        return wrong(text(type.type === 'integer' ? 'type.integer' : 'type.number'));
      return;
    }
    case 'boolean':
      if (node.kind !== 'scalar' || !['true', 'false'].includes(String(node.value).toLowerCase())) {
        return wrong(text('type.boolean'));
      }
      return;
    case 'json':
    case 'null':
      return;
    case 'tag':
      if (node.kind !== 'map') return wrong(text('type.tag'));
      return checkObject(template, spec, node, TAG_SCHEMA, where, node.pos, found);
    case 'ref': {
      const def = spec.typeDefinition(type);
      if (!def) return;
      if (node.kind !== 'map') return wrong(text('type.namedMapping', { name: def.name }));
      return checkObject(template, spec, node, def.properties, where, node.pos, found);
    }
    case 'array':
      if (node.kind !== 'seq') return wrong(text('type.listOf', { element: expectation(type.element) }));
      node.items.forEach((item, i) => {
        checkValue(template, spec, item, [type.element], `${where}[${i}]`, found);
      });
      return;
    case 'map':
      if (node.kind !== 'map') return wrong(text('type.mappingOf', { element: expectation(type.element) }));
      for (const e of node.entries) checkValue(template, spec, e.value, [type.element], `${where}.${e.key}`, found);
      return;
    case 'union':
      return checkValue(template, spec, node, type.types, where, found);
  }
}

const TAG_SCHEMA: Record<string, Property> = {
  Key: { type: { type: 'string' }, required: true },
  Value: { type: { type: 'string' }, required: true },
};

function expectation(type: PropertyType): DiagnosticText {
  switch (type.type) {
    case 'array':
      return text('type.list');
    case 'map':
    case 'ref':
    case 'tag':
      return text('type.mapping');
    case 'union': {
      const [head = text('type.other', { name: 'value' }), ...rest] = type.types.map(expectation);
      return rest.reduce((first, second) => text('type.either', { first, second }), head);
    }
    case 'integer':
      return text('type.integer');
    case 'string':
    case 'number':
    case 'boolean':
      return text(`type.${type.type}`);
    default:
      return text('type.other', { name: type.type });
  }
}

/** What the template holds instead: "string", "a mapping", or the intrinsic function's name. */
function actualKind(node: Node): DiagnosticText {
  if (node.kind === 'fn') return text('actual.function', { name: node.name });
  if (node.kind === 'map') return text('type.mapping');
  if (node.kind === 'seq') return text('type.list');
  if (node.value === null) return text('actual.null');
  return text(`actual.${typeof node.value as 'string' | 'number' | 'boolean'}`);
}

/** What kind of value an intrinsic evaluates to, as far as can be told without evaluating it. */
export function fnProduces(template: Template, fn: FnNode): 'string' | 'list' | 'unknown' {
  switch (fn.name) {
    case 'Fn::Join':
    case 'Fn::Sub':
    case 'Fn::Base64':
    case 'Fn::ToJsonString':
      return 'string';
    case 'Fn::GetAZs':
    case 'Fn::Split':
    case 'Fn::Cidr':
      return 'list';
    case 'Ref': {
      const name = fn.arg.kind === 'scalar' ? String(fn.arg.value) : '';
      if (name === 'AWS::NotificationARNs') return 'list';
      if (name === 'AWS::NoValue') return 'unknown';
      const parameter = template.parameters.find((p) => p.name === name);
      if (parameter) return /List(<|$)|CommaDelimitedList/.test(parameter.type ?? '') ? 'list' : 'string';
      return 'string';
    }
    default:
      return 'unknown';
  }
}
