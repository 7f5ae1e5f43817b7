import { describe, it } from 'vitest';
import { expectAccepted, expectRefused, sdkReason, template } from './support';

const subnet = (cidr: string) =>
  `  Extra: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: ${cidr}, AvailabilityZone: us-east-1c } }\n`;

describe("EC2 subnets ('ec2.subnet-cidr-inside-vpc', 'ec2.subnet-cidr-no-overlap')", () => {
  it('refuses a subnet outside its VPC range', () =>
    expectRefused(template(subnet('10.1.0.0/24')), sdkReason("The CIDR '10.1.0.0/24' is invalid.", 'Ec2')));
  it('refuses a subnet overlapping another one', () =>
    expectRefused(
      template(subnet('10.0.1.0/25')),
      sdkReason("The CIDR '10.0.1.0/25' conflicts with another subnet", 'Ec2'),
    ));
  it('accepts a free range inside the VPC', () => expectAccepted(template(subnet('10.0.3.0/24'))));
});

describe("'ec2.security-group-reference-same-vpc'", () => {
  const groups = (otherVpc: boolean) =>
    template(`
  Other: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.9.0.0/16 } }
  Lb: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: lb, VpcId: !Ref ${otherVpc ? 'Other' : 'Vpc'} } }
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !Ref Lb }]
`);
  it('refuses a rule that references a group of another VPC', () =>
    expectRefused(
      groups(true),
      sdkReason('You have specified two resources that belong to different networks.', 'Ec2', 'NotFound'),
    ));
  it('accepts one of the same VPC', () => expectAccepted(groups(false)));
});

describe("new-account quotas ('ec2.vpc-quota', 'ec2.elastic-ip-quota')", () => {
  const many = (n: number, resource: string) =>
    template(
      Array.from({ length: n }, (_, i) => `  R${i}: ${resource.replace('#', String(i + 10))}\n`).join(''),
      false,
    );
  it('refuses a sixth VPC in a Region', () =>
    expectRefused(
      many(6, '{ Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.#.0.0/16 } }'),
      sdkReason('The maximum number of VPCs has been reached.', 'Ec2', 'ServiceLimitExceeded'),
    ));
  it('accepts five', () => expectAccepted(many(5, '{ Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.#.0.0/16 } }')));
  it('refuses a sixth Elastic IP, accepts five', async () => {
    await expectRefused(
      many(6, '{ Type: AWS::EC2::EIP, Properties: { Domain: vpc } }'),
      sdkReason('The maximum number of addresses has been reached.', 'Ec2', 'ServiceLimitExceeded'),
    );
    await expectAccepted(many(5, '{ Type: AWS::EC2::EIP, Properties: { Domain: vpc } }'));
  });
});

describe("'ec2.user-data-16kb'", () => {
  const instance = (bytes: number) =>
    template(`
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: !Ref SubnetA
      UserData: ${Buffer.from(`#!/bin/bash\n${'#'.repeat(bytes - 12)}`).toString('base64')}
`);
  it('refuses user data over 16,384 bytes once decoded', () =>
    expectRefused(instance(16_385), sdkReason('User data is limited to 16384 bytes', 'Ec2')));
  it('accepts 16,384 bytes exactly', () => expectAccepted(instance(16_384)));
});
