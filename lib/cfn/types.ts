/** The template model: a tree of nodes that keep where they came from, so every diagnostic can name file:line:col. */
import type { DiagnosticText } from './diagnostic-text';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable id, e.g. `unknown-property` or `scalelab/open-admin-port`. */
  rule: string;
  /** The message in English (what the CLI prints and the sandbox returns). */
  message: string;
  /** The message as a key and parameters: the editor renders it in the page's language (renderDiagnostic). */
  text: DiagnosticText;
}

/** Every intrinsic function the template language has, in its long (`Fn::`) form. */
export const INTRINSICS = [
  'Ref',
  'Condition',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::GetAZs',
  'Fn::If',
  'Fn::Equals',
  'Fn::Not',
  'Fn::And',
  'Fn::Or',
  'Fn::FindInMap',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::ImportValue',
  'Fn::Transform',
  'Fn::Length',
  'Fn::ToJsonString',
] as const;
export type IntrinsicName = (typeof INTRINSICS)[number];

export type Scalar = string | number | boolean | null;

export interface ScalarNode {
  kind: 'scalar';
  value: Scalar;
  pos: Position;
}

export interface MapEntry {
  key: string;
  keyPos: Position;
  value: Node;
}

export interface MapNode {
  kind: 'map';
  entries: MapEntry[];
  pos: Position;
}

export interface SeqNode {
  kind: 'seq';
  items: Node[];
  pos: Position;
}

/** An intrinsic function call, from a short-form tag (`!Ref x`) or a one-key map (`{ Ref: x }`). */
export interface FnNode {
  kind: 'fn';
  name: IntrinsicName;
  arg: Node;
  pos: Position;
}

export type Node = ScalarNode | MapNode | SeqNode | FnNode;

export interface NamedRef {
  name: string;
  pos: Position;
}

export interface ResourceDecl {
  logicalId: string;
  pos: Position;
  type: string | undefined;
  typePos: Position;
  properties: MapNode | undefined;
  dependsOn: NamedRef[];
  condition: NamedRef | undefined;
  node: MapNode;
}

export interface ParameterDecl {
  name: string;
  pos: Position;
  type: string | undefined;
  node: MapNode;
}

export interface OutputDecl {
  name: string;
  pos: Position;
  node: MapNode;
}

export interface Template {
  file: string;
  /** The text the template was read from. */
  source: string;
  format: 'yaml' | 'json';
  root: MapNode | undefined;
  parameters: ParameterDecl[];
  conditions: MapEntry[];
  mappings: MapEntry[];
  resources: ResourceDecl[];
  outputs: OutputDecl[];
  /** Problems found while reading the text (syntax, unknown tags, a top level that is not a mapping). */
  diagnostics: Diagnostic[];
}
