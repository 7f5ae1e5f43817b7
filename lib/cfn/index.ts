/** lib/cfn: read, validate and resolve CloudFormation templates. The one module that reads templates. */
export { cycles, type DependencyGraph, dependencyGraph, dependencyOrder } from './graph';
export { CHEAP_SIZES, LAB_TAG_KEYS, labRules, REQUIRED_EXPORTS } from './lab-rules';
export { toPlain } from './nodes';
export { parseTemplate } from './parse';
export { MAX_TEMPLATE_BODY_BYTES, MAX_TEMPLATE_SOURCE_BYTES } from './parse-limits';
export {
  createResolver,
  type ParameterValue,
  type PhysicalResolver,
  type ResolvedResource,
  type ResolvedTemplate,
  ResolveError,
  type ResolveOptions,
  type Resolver,
  resolveTemplate,
} from './resolve';
export type { Rule, RuleContext } from './rule';
export { loadSpec, propertyReplacement, type Replacement, Spec, specLoadMillis } from './spec';
export type * from './types';
export {
  hasErrors,
  RULE_SETS,
  type RuleSetName,
  sortDiagnostics,
  type ValidateOptions,
  validateTemplate,
  validateText,
  validateWithSpec,
} from './validate';
