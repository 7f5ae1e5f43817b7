/**
 * Every name a template uses points at something: Ref, GetAtt (resource and attribute), DependsOn, Sub variables,
 * conditions, mappings, dynamic references. Also the argument shapes of each intrinsic function.
 */

import { text as diagnosticText } from '../diagnostic-text';
import { asMap, asSeq, asString, get, walk } from '../nodes';
import { PSEUDO_PARAMETERS } from '../pseudo';
import { subParts, subVariables } from '../refs';
import type { Rule } from '../rule';
import { didYouMean } from '../suggest';
import type { FnNode, Node, Position } from '../types';

const DYNAMIC_REF = /\{\{resolve:([^:}]*):[^}]+\}\}/g;
const ARG_COUNTS: Partial<Record<FnNode['name'], [number, number]>> = {
  'Fn::Join': [2, 2],
  'Fn::Select': [2, 2],
  'Fn::Split': [2, 2],
  'Fn::If': [3, 3],
  'Fn::Equals': [2, 2],
  'Fn::Not': [1, 1],
  'Fn::And': [2, 10],
  'Fn::Or': [2, 10],
  'Fn::FindInMap': [3, 4],
  'Fn::Cidr': [3, 3],
  'Fn::GetAtt': [2, 2],
};

export const references: Rule = (ctx) => {
  const { template, report } = ctx;
  const resources = new Map(template.resources.map((r) => [r.logicalId, r]));
  const parameters = new Set(template.parameters.map((p) => p.name));
  const conditions = new Set(template.conditions.map((c) => c.key));
  const refNames = [...parameters, ...resources.keys(), ...PSEUDO_PARAMETERS];

  const checkRef = (name: string, at: Position, rule: string, inConditions: boolean) => {
    if (parameters.has(name) || PSEUDO_PARAMETERS.has(name)) return true;
    if (resources.has(name)) {
      if (inConditions)
        report(at, 'condition-ref-resource', diagnosticText('references.conditionRefsResource', { name }));
      return true;
    }
    report(at, rule, diagnosticText('references.unknownRef', { name, hint: didYouMean(name, refNames) }));
    return false;
  };
  const checkCondition = (name: string, at: Position) => {
    if (!conditions.has(name)) {
      report(
        at,
        'condition-undefined',
        diagnosticText('references.unknownCondition', { name, hint: didYouMean(name, conditions) }),
      );
    }
  };
  const checkAttribute = (resourceName: string, attribute: string, at: Position) => {
    const type = resources.get(resourceName)?.type;
    if (!type || type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return;
    if (type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) return;
    const schema = ctx.spec.resource(type);
    if (!schema || attribute in schema.attributes) return;
    const known = Object.keys(schema.attributes);
    const some = known.filter((k) => !k.includes('.')).slice(0, 10);
    const hint = didYouMean(attribute, known) || diagnosticText('hint.attributesAre', { list: some.join(', ') });
    report(at, 'getatt-unknown-attribute', diagnosticText('references.unknownAttribute', { type, attribute, hint }));
  };

  const visitFn = (fn: FnNode, inConditions: boolean) => {
    const items = asSeq(fn.arg)?.items;
    const counts = ARG_COUNTS[fn.name];
    if (counts && (!items || items.length < counts[0] || items.length > counts[1])) {
      const [min, max] = counts;
      const message =
        min === max
          ? diagnosticText('references.argCount', { fn: fn.name, n: min })
          : diagnosticText('references.argCountRange', { fn: fn.name, min, max });
      report(fn.pos, 'intrinsic-args', message);
      return;
    }
    switch (fn.name) {
      case 'Ref': {
        const name = asString(fn.arg);
        if (name === undefined) report(fn.pos, 'intrinsic-args', diagnosticText('references.refArgument'));
        else checkRef(name, fn.arg.pos, 'ref-unknown', inConditions);
        return;
      }
      case 'Fn::GetAtt': {
        const [first, second] = items ?? [];
        const name = asString(first);
        if (name === undefined || !first) return;
        if (!resources.has(name)) {
          const hint = didYouMean(name, resources.keys());
          report(
            first.pos,
            'getatt-unknown-resource',
            diagnosticText('references.getAttUnknownResource', { name, hint }),
          );
        } else if (second && asString(second) !== undefined) {
          checkAttribute(name, asString(second) ?? '', second.pos);
        }
        return;
      }
      case 'Fn::Sub': {
        const { text, textNode, vars } = subParts(fn.arg);
        if (text === undefined || !textNode) {
          report(fn.pos, 'intrinsic-args', diagnosticText('references.subArguments'));
          return;
        }
        for (const v of subVariables(text)) {
          if (vars.has(v.name)) continue;
          const [name = '', ...rest] = v.name.split('.');
          const attribute = rest.join('.');
          const known = attribute ? resources.has(name) : parameters.has(name) || resources.has(name);
          if (!known && !PSEUDO_PARAMETERS.has(v.name)) {
            const hint = didYouMean(v.name, [...refNames, ...vars]);
            const at = variablePosition(template.source, textNode.pos, v.name);
            report(at, 'sub-unknown-variable', diagnosticText('references.subUnknownVariable', { name: v.name, hint }));
          } else if (attribute) checkAttribute(name, attribute, textNode.pos);
        }
        return;
      }
      case 'Fn::If': {
        const name = asString(items?.[0]);
        if (name === undefined) report(fn.pos, 'intrinsic-args', diagnosticText('references.ifArguments'));
        else checkCondition(name, items?.[0]?.pos ?? fn.pos);
        return;
      }
      case 'Condition': {
        const name = asString(fn.arg);
        if (name !== undefined) checkCondition(name, fn.arg.pos);
        return;
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = items ?? [];
        const mapName = asString(map);
        if (mapName === undefined || !map) return;
        const mapping = template.mappings.find((m) => m.key === mapName);
        if (!mapping) {
          const hint = didYouMean(
            mapName,
            template.mappings.map((m) => m.key),
          );
          report(
            map.pos,
            'findinmap-unknown-mapping',
            diagnosticText('references.unknownMapping', { name: mapName, hint }),
          );
          return;
        }
        const topKey = asString(top);
        const topMap = topKey === undefined ? undefined : asMap(get(asMap(mapping.value), topKey));
        if (topKey !== undefined && top && !topMap) {
          report(
            top.pos,
            'findinmap-unknown-key',
            diagnosticText('references.unknownMappingKey', { name: mapName, key: topKey }),
          );
        } else if (topMap && second && asString(second) !== undefined && !get(topMap, asString(second) ?? '')) {
          const params = { name: `${mapName}.${topKey}`, key: asString(second) ?? '' };
          report(second.pos, 'findinmap-unknown-key', diagnosticText('references.unknownMappingKey', params));
        }
        return;
      }
    }
  };

  const visitAll = (node: Node | undefined, inConditions = false) =>
    walk(node, (n) => {
      if (n.kind === 'fn') visitFn(n, inConditions);
      else if (n.kind === 'scalar' && typeof n.value === 'string' && n.value.includes('{{resolve:')) {
        for (const m of n.value.matchAll(DYNAMIC_REF)) {
          if (!['ssm', 'ssm-secure', 'secretsmanager'].includes(m[1] ?? '')) {
            report(n.pos, 'dynamic-reference', diagnosticText('references.dynamicReference', { service: m[1] ?? '' }));
          }
        }
      }
    });

  for (const c of template.conditions) visitAll(c.value, true);
  for (const r of template.resources) {
    visitAll(r.node);
    if (r.condition) checkCondition(r.condition.name, r.condition.pos);
    for (const d of r.dependsOn) {
      if (!resources.has(d.name)) {
        const hint = didYouMean(d.name, resources.keys());
        report(d.pos, 'depends-on-unknown', diagnosticText('references.dependsOnUnknown', { name: d.name, hint }));
      }
    }
  }
  for (const o of template.outputs) {
    visitAll(o.node);
    const condition = get(o.node, 'Condition');
    const name = asString(condition);
    if (name !== undefined && condition) checkCondition(name, condition.pos);
  }
};

/** Where `${name}` is written, when the Sub string starts on that line; else where the string starts. */
function variablePosition(source: string, start: Position, name: string): Position {
  const line = source.split('\n')[start.line - 1] ?? '';
  const index = line.indexOf(`\${${name}`, start.column - 1);
  return index >= 0 ? { line: start.line, column: index + 1 } : start;
}
