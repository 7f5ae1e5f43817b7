/** The shape of the template itself: its sections, each resource's attributes, each output's keys. */

import { text } from '../diagnostic-text';
import { asMap, asString, entry, get } from '../nodes';
import type { Rule } from '../rule';
import { didYouMean } from '../suggest';

const SECTIONS = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
  'Rules',
];
const RESOURCE_ATTRIBUTES = [
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'CreationPolicy',
  'UpdatePolicy',
  'Version',
];
const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];
const OUTPUT_KEYS = ['Description', 'Value', 'Export', 'Condition'];
const LOGICAL_ID = /^[A-Za-z0-9]+$/;

export const structure: Rule = ({ template, report }) => {
  const root = template.root;
  if (!root) return;
  for (const e of root.entries) {
    if (!SECTIONS.includes(e.key)) {
      report(
        e.keyPos,
        'unknown-section',
        text('structure.unknownSection', { section: e.key, hint: didYouMean(e.key, SECTIONS) }),
      );
    }
  }
  const version = get(root, 'AWSTemplateFormatVersion');
  if (version && asString(version) !== '2010-09-09') {
    report(version.pos, 'template-version', text('structure.version'));
  }
  const resources = entry(root, 'Resources');
  if (!resources) {
    report(root.pos, 'resources-missing', text('structure.noResources'));
  } else if (!asMap(resources.value)?.entries.length) {
    report(resources.keyPos, 'resources-missing', text('structure.emptyResources'));
  }
  for (const e of asMap(resources?.value)?.entries ?? []) {
    if (!LOGICAL_ID.test(e.key)) {
      report(e.keyPos, 'logical-id', text('structure.logicalId', { id: e.key }));
    }
    const node = asMap(e.value);
    if (!node) {
      report(e.value.pos, 'resource-structure', text('structure.resourceNotAMapping', { id: e.key }));
      continue;
    }
    if (!entry(node, 'Type')) report(e.keyPos, 'resource-type-missing', text('structure.noType', { id: e.key }));
    for (const attr of node.entries) {
      if (!RESOURCE_ATTRIBUTES.includes(attr.key)) {
        report(
          attr.keyPos,
          'unknown-resource-attribute',
          text('structure.unknownResourceAttribute', {
            attribute: attr.key,
            id: e.key,
            hint: didYouMean(attr.key, RESOURCE_ATTRIBUTES),
          }),
        );
      }
    }
    for (const key of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      const policy = get(node, key);
      const value = asString(policy);
      if (policy && value !== undefined && !DELETION_POLICIES.includes(value)) {
        report(
          policy.pos,
          'deletion-policy',
          text('structure.deletionPolicy', { key, allowed: DELETION_POLICIES.join(', ') }),
        );
      }
    }
  }
  for (const output of template.outputs) {
    if (!entry(output.node, 'Value'))
      report(output.pos, 'output-value-missing', text('structure.outputNoValue', { name: output.name }));
    for (const key of output.node.entries) {
      if (!OUTPUT_KEYS.includes(key.key)) {
        report(
          key.keyPos,
          'unknown-output-attribute',
          text('structure.unknownOutputKey', { key: key.key, name: output.name }),
        );
      }
    }
    const exported = asMap(get(output.node, 'Export'));
    if (get(output.node, 'Export') && !get(exported, 'Name')) {
      report(output.pos, 'output-export-name', text('structure.exportNoName', { name: output.name }));
    }
  }
};
