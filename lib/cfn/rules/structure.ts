/** The shape of the template itself: its sections, each resource's attributes, each output's keys. */
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
      report(e.keyPos, 'unknown-section', `Unknown template section '${e.key}'.${didYouMean(e.key, SECTIONS)}`);
    }
  }
  const version = get(root, 'AWSTemplateFormatVersion');
  if (version && asString(version) !== '2010-09-09') {
    report(version.pos, 'template-version', "AWSTemplateFormatVersion must be '2010-09-09'.");
  }
  const resources = entry(root, 'Resources');
  if (!resources) {
    report(root.pos, 'resources-missing', 'A template needs a Resources section with at least one resource.');
  } else if (!asMap(resources.value)?.entries.length) {
    report(resources.keyPos, 'resources-missing', 'Resources must be a mapping with at least one resource.');
  }
  for (const e of asMap(resources?.value)?.entries ?? []) {
    if (!LOGICAL_ID.test(e.key)) {
      report(e.keyPos, 'logical-id', `Logical id '${e.key}' must be alphanumeric (A-Z, a-z, 0-9).`);
    }
    const node = asMap(e.value);
    if (!node) {
      report(e.value.pos, 'resource-structure', `Resource ${e.key} must be a mapping with a Type.`);
      continue;
    }
    if (!entry(node, 'Type')) report(e.keyPos, 'resource-type-missing', `Resource ${e.key} has no Type.`);
    for (const attr of node.entries) {
      if (!RESOURCE_ATTRIBUTES.includes(attr.key)) {
        report(
          attr.keyPos,
          'unknown-resource-attribute',
          `Unknown attribute '${attr.key}' on resource ${e.key}.${didYouMean(attr.key, RESOURCE_ATTRIBUTES)}`,
        );
      }
    }
    for (const key of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      const policy = get(node, key);
      const value = asString(policy);
      if (policy && value !== undefined && !DELETION_POLICIES.includes(value)) {
        report(policy.pos, 'deletion-policy', `${key} must be one of ${DELETION_POLICIES.join(', ')}.`);
      }
    }
  }
  for (const output of template.outputs) {
    if (!entry(output.node, 'Value')) report(output.pos, 'output-value-missing', `Output ${output.name} has no Value.`);
    for (const key of output.node.entries) {
      if (!OUTPUT_KEYS.includes(key.key)) {
        report(key.keyPos, 'unknown-output-attribute', `Unknown key '${key.key}' in output ${output.name}.`);
      }
    }
    const exported = asMap(get(output.node, 'Export'));
    if (get(output.node, 'Export') && !get(exported, 'Name')) {
      report(output.pos, 'output-export-name', `Output ${output.name} exports without a Name.`);
    }
  }
};
