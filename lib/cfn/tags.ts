/** The CloudFormation short-form YAML tags (`!Ref`, `!GetAtt`, ...) and the intrinsic each one stands for. */
import type { Tags } from 'yaml';
import type { IntrinsicName } from './types';

export const SHORT_TAGS: Readonly<Record<string, IntrinsicName>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!GetAZs': 'Fn::GetAZs',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!ImportValue': 'Fn::ImportValue',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

/**
 * Tag definitions for the `yaml` library: each short form may tag a scalar, a sequence or a mapping. The values stay
 * as parsed; `parse.ts` reads the tag off each node and builds the intrinsic itself, keeping its position.
 */
export const yamlTags: Tags = Object.keys(SHORT_TAGS).flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value as never },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value as never },
]);
