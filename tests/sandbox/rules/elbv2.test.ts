import { describe, it } from 'vitest';
import { expectAccepted, expectRefused, sdkReason, template } from './support';

const lb = (subnets: string) =>
  template(`
  SubnetA2: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24, AvailabilityZone: us-east-1a } }
  Lb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Scheme: internal, Subnets: [${subnets}] } }
`);

describe("ELBv2 ('elbv2.alb-two-azs', 'elbv2.one-subnet-per-az')", () => {
  it('refuses an Application Load Balancer in one Availability Zone', () =>
    expectRefused(
      lb('!Ref SubnetA'),
      sdkReason('At least two subnets in two different Availability Zones must be specified', 'ElasticLoadBalancingV2'),
    ));
  it('refuses two subnets of the same Availability Zone', () =>
    expectRefused(
      lb('!Ref SubnetA, !Ref SubnetA2, !Ref SubnetB'),
      sdkReason(
        'A load balancer cannot be attached to multiple subnets in the same Availability Zone',
        'ElasticLoadBalancingV2',
      ),
    ));
  it('accepts one subnet in each of two zones', () => expectAccepted(lb('!Ref SubnetA, !Ref SubnetB')));
});
