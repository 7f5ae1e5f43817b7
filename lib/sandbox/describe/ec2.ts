import type { Handlers } from '../context';
import { ec2InstanceHandlers } from './ec2-instances';
import { ec2LaunchTemplateHandlers } from './ec2-launch-templates';
import { ec2NetworkHandlers } from './ec2-network';
import { ec2SecurityGroupHandlers } from './ec2-security-groups';
import { ec2VpcEndpointHandlers } from './ec2-vpc-endpoints';

export { instanceShape } from './ec2-instances';
export { routeTableShape, vpcShape } from './ec2-network';
export { securityGroupShape } from './ec2-security-groups';

/** EC2's describes: the network, security groups, instances and their addresses, launch template versions, endpoints. */
export const ec2Handlers: Handlers = {
  ...ec2NetworkHandlers,
  ...ec2SecurityGroupHandlers,
  ...ec2InstanceHandlers,
  ...ec2LaunchTemplateHandlers,
  ...ec2VpcEndpointHandlers,
};
