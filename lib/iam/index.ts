export { awsManagedPolicy } from './aws-managed';
export { type ConditionBlock, globMatch, type RequestContext } from './conditions';
export {
  type AuthRequest,
  type Decision,
  deniedReason,
  evaluate,
  type NamedPolicy,
  type PolicyDocument,
  policyDocument,
  type Statement,
} from './evaluate';
export {
  type HandlerOp,
  type HandlerRow,
  handlerActions,
  handlerRow,
  handlerTable,
  tableTypes,
} from './handler-permissions';
export { type HandlerTarget, handlerRequests, resourceArn, type Tag } from './handler-requests';
export { type PolicyResource, rolePolicies } from './role-policies';
