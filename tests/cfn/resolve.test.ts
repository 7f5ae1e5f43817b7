import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createResolver, parseTemplate, ResolveError, resolveTemplate } from '@/lib/cfn';
import { FIXTURES, readFixture } from './corpus';

const template = parseTemplate(readFixture(join(FIXTURES, 'valid', 'vpc-ec2-rds.yaml')), 'vpc-ec2-rds.yaml');
const physical = {
  ref: (id: string) => `${id.toLowerCase()}-0001`,
  getAtt: (id: string, attribute: string) => (attribute === 'CidrBlock' ? '10.0.0.0/16' : `${id}|${attribute}`),
};
const resolved = resolveTemplate(template, {
  region: 'eu-west-1',
  accountId: '111122223333',
  stackName: 'lab2',
  parameters: { Environment: 'selfpaced', SharedLogBucketExport: 'shared-logs' },
  imports: { 'shared-logs': 'bucket-42' },
  physical,
});
const props = (id: string) => resolved.resources.find((r) => r.logicalId === id)?.properties ?? {};

describe('resolveTemplate', () => {
  it('evaluates conditions from parameter values, through Not, And, Or and Condition', () => {
    expect(resolved.conditions).toEqual({
      IsWorkshop: false,
      IsSelfPaced: true,
      HasSharedLogs: true,
      WorkshopWithLogs: false,
      AnyMode: true,
    });
  });

  it('leaves out resources whose condition is false', () => {
    expect(resolved.dependencyOrder).not.toContain('AccessLogBucketPolicyNote');
    expect(resolved.resources.map((r) => r.logicalId)).not.toContain('AccessLogBucketPolicyNote');
  });

  it('orders every resource after the resources it needs', () => {
    const order = resolved.dependencyOrder;
    const isBefore = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    isBefore('Vpc', 'PublicSubnetA');
    isBefore('GatewayAttachment', 'DefaultRoute');
    isBefore('WebSecurityGroup', 'DbSecurityGroup');
    isBefore('Database', 'WebServer');
    isBefore('DbSubnetGroup', 'Database');
    expect(order).toHaveLength(16);
  });

  it('resolves Select over GetAZs and Cidr over a GetAtt into plain strings', () => {
    expect(props('PublicSubnetB')).toMatchObject({
      VpcId: 'vpc-0001',
      AvailabilityZone: 'eu-west-1b',
      CidrBlock: '10.0.1.0/24',
    });
    expect(props('PrivateSubnetB').CidrBlock).toBe('10.0.3.0/24');
  });

  it('resolves FindInMap, If and the parameter defaults', () => {
    expect(props('WebServer').InstanceType).toBe('t4g.micro');
    expect(props('Database').MultiAZ).toBe(false);
    expect(props('Database').DBInstanceClass).toBe('db.t4g.micro');
    expect(props('WebServer').Tags).toContainEqual({ Key: 'Name', Value: 'selfpaced-web' });
  });

  it('encodes Base64 over a Join of Sub (with a dotted GetAtt) and Split', () => {
    const script = Buffer.from(String(props('WebServer').UserData), 'base64').toString();
    expect(script).toBe('#!/bin/bash\necho "DB=Database|Endpoint.Address" >> /etc/environment\ndnf install -y nginx');
  });

  it('resolves outputs, export names included, and skips none whose condition holds', () => {
    expect(resolved.outputs).toEqual({
      VpcId: { value: 'vpc-0001', description: 'The lab VPC', exportName: 'lab2-VpcId' },
      WebUrl: { value: 'http://WebServer|PublicDnsName/', description: undefined, exportName: undefined },
      DatabaseEndpoint: { value: 'Database|Endpoint.Address', description: undefined, exportName: undefined },
      Mode: { value: 'self-paced', description: undefined, exportName: undefined },
    });
  });

  it('drops a property set to AWS::NoValue', () => {
    const t = parseTemplate(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Sub syntax, not a JS template
      'Conditions:\n  No: !Equals [a, b]\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: !If [No, 5, !Ref AWS::NoValue]\n      QueueName: !Sub "${AWS::StackName}-${AWS::Region}-${AWS::AccountId}"\n',
      'novalue.yaml',
    );
    expect(
      resolveTemplate(t, { stackName: 's', region: 'us-west-2', accountId: '000000000000' }).resources[0]?.properties,
    ).toEqual({
      QueueName: 's-us-west-2-000000000000',
    });
  });

  it('says which parameter has no value, at its position', () => {
    const t = parseTemplate(
      'Parameters:\n  Name:\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n',
      'p.yaml',
    );
    expect(() => resolveTemplate(t)).toThrowError(
      new ResolveError('Parameter Name has no value and no Default.', 'p.yaml', { line: 2, column: 3 }),
    );
  });

  it('resolves one resource at a time, with ids known so far', () => {
    const ids = new Map<string, string>();
    const resolver = createResolver(template, { physical: { ref: (id) => ids.get(id) } });
    ids.set('Vpc', 'vpc-abc');
    expect(resolver.resource('InternetGateway')?.type).toBe('AWS::EC2::InternetGateway');
    expect(resolver.resource('GatewayAttachment')?.properties).toEqual({
      VpcId: 'vpc-abc',
      InternetGatewayId: 'InternetGateway',
    });
  });
});
