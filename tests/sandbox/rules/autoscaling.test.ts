import { describe, it } from 'vitest';
import { expectAccepted, expectRefused, sdkReason, template } from './support';

const asg = (sizes: string, subnets = '!Ref SubnetA, !Ref SubnetB') =>
  template(`
  Other: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.9.0.0/16 } }
  OtherSubnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Other, CidrBlock: 10.9.1.0/24, AvailabilityZone: us-east-1c } }
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties: { LaunchTemplateData: { ImageId: ami-0123456789abcdef0, InstanceType: t3.micro } }
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      ${sizes}
      VPCZoneIdentifier: [${subnets}]
      LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: !GetAtt Lt.LatestVersionNumber }
`);

describe("Auto Scaling ('autoscaling.min-desired-max', 'autoscaling.subnets-one-vpc')", () => {
  it('refuses a desired capacity above the maximum', () =>
    expectRefused(
      asg("MinSize: '1'\n      MaxSize: '2'\n      DesiredCapacity: '3'"),
      sdkReason('Desired capacity:3 must be between the specified min size:1 and max size:2', 'AutoScaling'),
    ));
  it('refuses a minimum above the maximum', () =>
    expectRefused(
      asg("MinSize: '3'\n      MaxSize: '2'"),
      sdkReason('Max bound, 2, must be greater than or equal to min bound, 3', 'AutoScaling'),
    ));
  it('refuses subnets of two VPCs', () =>
    expectRefused(
      asg("MinSize: '1'\n      MaxSize: '2'", '!Ref SubnetA, !Ref OtherSubnet'),
      /are not in the same VPC\./,
    ));
  it('accepts min ≤ desired ≤ max in one VPC', () =>
    expectAccepted(asg("MinSize: '1'\n      MaxSize: '3'\n      DesiredCapacity: '2'")));
});
