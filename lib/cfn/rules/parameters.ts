/** Parameters: a valid Type, a Default that meets the parameter's own constraints, no unused or clashing names. */

import { type DiagnosticKey, type DiagnosticParam, text as diagnosticText } from '../diagnostic-text';
import { asSeq, asString, get, walk } from '../nodes';
import { referencedNames } from '../refs';
import type { Rule } from '../rule';
import { didYouMean } from '../suggest';
import type { Node, ParameterDecl } from '../types';

const AWS_SPECIFIC = [
  'AWS::EC2::AvailabilityZone::Name',
  'AWS::EC2::Image::Id',
  'AWS::EC2::Instance::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::EC2::SecurityGroup::GroupName',
  'AWS::EC2::SecurityGroup::Id',
  'AWS::EC2::Subnet::Id',
  'AWS::EC2::Volume::Id',
  'AWS::EC2::VPC::Id',
  'AWS::Route53::HostedZone::Id',
];
const PLAIN = ['String', 'Number', 'List<Number>', 'CommaDelimitedList', ...AWS_SPECIFIC];
const VALUE_TYPES = [...PLAIN, 'List<String>', ...AWS_SPECIFIC.map((t) => `List<${t}>`)];
export const PARAMETER_TYPES = [
  ...PLAIN,
  ...AWS_SPECIFIC.map((t) => `List<${t}>`),
  'AWS::SSM::Parameter::Name',
  ...VALUE_TYPES.map((t) => `AWS::SSM::Parameter::Value<${t}>`),
];
const KEYS = [
  'Type',
  'Default',
  'AllowedValues',
  'AllowedPattern',
  'ConstraintDescription',
  'Description',
  'MaxLength',
  'MaxValue',
  'MinLength',
  'MinValue',
  'NoEcho',
];

export const parameters: Rule = ({ template, report }) => {
  const used = new Set<string>();
  walk(template.root, (n) => {
    if (n.kind === 'fn') for (const r of referencedNames(n)) used.add(r.name);
  });
  const resourceIds = new Set(template.resources.map((r) => r.logicalId));
  for (const p of template.parameters) {
    for (const key of p.node.entries) {
      if (!KEYS.includes(key.key)) {
        report(
          key.keyPos,
          'unknown-parameter-attribute',
          diagnosticText('parameters.unknownKey', { key: key.key, name: p.name, hint: didYouMean(key.key, KEYS) }),
        );
      }
    }
    const typeNode = get(p.node, 'Type');
    if (p.type === undefined) report(p.pos, 'parameter-type', diagnosticText('parameters.noType', { name: p.name }));
    else if (!PARAMETER_TYPES.includes(p.type)) {
      report(
        typeNode?.pos ?? p.pos,
        'parameter-type',
        diagnosticText('parameters.unknownType', { type: p.type, hint: didYouMean(p.type, PARAMETER_TYPES) }),
      );
    }
    checkDefault(p, report);
    if (resourceIds.has(p.name))
      report(p.pos, 'duplicate-logical-id', diagnosticText('parameters.alsoResource', { name: p.name }));
    if (!used.has(p.name))
      report(p.pos, 'parameter-unused', diagnosticText('parameters.unused', { name: p.name }), 'warning');
  }
};

function checkDefault(p: ParameterDecl, report: Parameters<Rule>[0]['report']) {
  const node = get(p.node, 'Default');
  if (node?.kind !== 'scalar' || node.value === null) return;
  const isList = /List|CommaDelimitedList/.test(p.type ?? '');
  const values = isList
    ? String(node.value)
        .split(',')
        .map((v) => v.trim())
    : [String(node.value)];
  const allowed = asSeq(get(p.node, 'AllowedValues'))?.items.map((i: Node) =>
    i.kind === 'scalar' ? String(i.value) : '',
  );
  const bad = (key: DiagnosticKey, params: Record<string, DiagnosticParam> = {}) =>
    report(node.pos, 'parameter-default', diagnosticText(key, { name: p.name, ...params }));
  for (const value of values) {
    if (allowed && !allowed.includes(value)) return bad('parameters.defaultNotAllowed', { value });
    if (/Number/.test(p.type ?? '') && !/^-?\d+(\.\d+)?$/.test(value))
      return bad('parameters.defaultNotNumber', { value });
  }
  const num = (key: string) => {
    const v = get(p.node, key);
    return v?.kind === 'scalar' && v.value !== null ? Number(v.value) : undefined;
  };
  const text = String(node.value);
  const pattern = asString(get(p.node, 'AllowedPattern'));
  if (pattern !== undefined && !isList && !safeFullMatch(pattern, text)) return bad('parameters.defaultPattern');
  const [minLength, maxLength, minValue, maxValue] = [
    num('MinLength'),
    num('MaxLength'),
    num('MinValue'),
    num('MaxValue'),
  ];
  if (minLength !== undefined && text.length < minLength) return bad('parameters.defaultShort', { limit: minLength });
  if (maxLength !== undefined && text.length > maxLength) return bad('parameters.defaultLong', { limit: maxLength });
  if (minValue !== undefined && Number(text) < minValue) return bad('parameters.defaultBelow', { limit: minValue });
  if (maxValue !== undefined && Number(text) > maxValue) return bad('parameters.defaultAbove', { limit: maxValue });
}

function safeFullMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(text);
  } catch {
    return true;
  }
}
