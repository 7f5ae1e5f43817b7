import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '@/lib/sandbox';
import { installedApp } from '@/lib/sandbox/data-plane/user-data';
import { deploy } from './deploy';

/**
 * DescribeTargetHealth in the sandbox judges each target as the data plane routes a health check (ELB User Guide ›
 * Health checks for your target groups): the web SG must admit the ALB on the health-check port, something must
 * listen there, and the answer must match the target group's codes. A stopped target is unused, a dark AZ times out.
 */
interface Options {
  webFrom?: string;
  userData?: string;
  matcher?: string;
}

const HTTPD = '#!/bin/bash\\ndnf install -y httpd\\nsystemctl enable --now httpd\\n';

const instance = (name: string, subnet: string, userData: string) => `
  ${name}:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: !Ref ${subnet}
      SecurityGroupIds: [!Ref WebSg]
      ${userData ? `UserData: !Base64 "${userData}"` : ''}`;

function template(o: Options = {}): string {
  const userData = o.userData ?? HTTPD;
  return `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  IgwAttach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  PublicA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs ''] } }
  PublicB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [1, !GetAZs ''] } }
  Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  DefaultRoute: { Type: AWS::EC2::Route, DependsOn: IgwAttach, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
  AssocA: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PublicA, RouteTableId: !Ref Rt } }
  AssocB: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PublicB, RouteTableId: !Ref Rt } }
  AlbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: alb
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }]
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 80, ToPort: 80, ${o.webFrom ?? 'SourceSecurityGroupId: !Ref AlbSg'} }]
${instance('WebA', 'PublicA', userData)}
${instance('WebB', 'PublicB', userData)}
  Alb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, DependsOn: IgwAttach, Properties: { Subnets: [!Ref PublicA, !Ref PublicB], SecurityGroups: [!Ref AlbSg] } }
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      VpcId: !Ref Vpc
      Protocol: HTTP
      Port: 80
      HealthCheckPath: /health
      ${o.matcher ? `Matcher: { HttpCode: '${o.matcher}' }` : ''}
      Targets: [{ Id: !Ref WebA }, { Id: !Ref WebB }]
  Listener: { Type: AWS::ElasticLoadBalancingV2::Listener, Properties: { LoadBalancerArn: !Ref Alb, Protocol: HTTP, Port: 80, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }] } }
Outputs:
  WebA: { Value: !Ref WebA }
  WebB: { Value: !Ref WebB }
`;
}

async function health(o: Options = {}, impair?: (zone: string) => Record<string, unknown>) {
  const sandbox = createSandbox({ accountId: '111122223333' });
  const c = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
  const out = await deploy(c, 'th', template(o));
  if (impair) sandbox.impairments = impair('us-east-1b');
  const [tg] = (await c.elbv2.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? [];
  const descriptions: TargetHealthDescription[] =
    (await c.elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg?.TargetGroupArn })))
      .TargetHealthDescriptions ?? [];
  const of = (id: string | undefined) => descriptions.find((d) => d.Target?.Id === id)?.TargetHealth;
  return { a: of(out.WebA), b: of(out.WebB) };
}

describe('DescribeTargetHealth judged by the sandbox data plane', () => {
  it('says healthy when the web SG admits the ALB SG and a web server answers the health check', async () => {
    expect(await health()).toEqual({ a: { State: 'healthy' }, b: { State: 'healthy' } });
  });

  it('says unhealthy (Target.Timeout) when the web SG does not admit the load balancer', async () => {
    const { a } = await health({ webFrom: 'CidrIp: 192.0.2.0/24' });
    expect(a).toEqual({ State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' });
  });

  it('says unhealthy (Target.FailedHealthChecks) when nothing listens on the port', async () => {
    const { a } = await health({ userData: '#!/bin/bash\\necho nothing to serve\\n' });
    expect(a).toEqual({ State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' });
  });

  it('says unhealthy (Target.ResponseCodeMismatch) when the answer does not match the success codes', async () => {
    const { a } = await health({ matcher: '204' });
    expect(a).toEqual({
      State: 'unhealthy',
      Reason: 'Target.ResponseCodeMismatch',
      Description: 'Health checks failed with these codes: [200]',
    });
  });

  it('times out the targets of an AZ a drill darkened, and keeps the others healthy', async () => {
    const { a, b } = await health({}, (zone) => ({ azs: [zone] }));
    expect(a).toEqual({ State: 'healthy' });
    expect(b).toMatchObject({ State: 'unhealthy', Reason: 'Target.Timeout' });
  });

  it.each([
    ['a literal', 'ThreadingHTTPServer(("", 8080), Handler).serve_forever()', 8080],
    ['a constant', 'PORT = 8081\nThreadingHTTPServer(("", PORT), Handler).serve_forever()', 8081],
    [
      'the environment default',
      'PORT = int(os.environ.get("PORT", "8080"))\nThreadingHTTPServer(("", PORT), Handler).serve_forever()',
      8080,
    ],
    [
      'the unit’s Environment= line',
      'Environment=PORT=9000\nPORT = int(os.environ.get("PORT", "8080"))\nThreadingHTTPServer(("", PORT), Handler).serve_forever()',
      9000,
    ],
  ])('reads the port a Python app binds from %s', (_what, script, port) => {
    expect(installedApp(Buffer.from(`#!/bin/bash\n${script}\n`).toString('base64'))?.port).toBe(port);
  });

  it('finds nothing listening when the bound name is never set', () => {
    const script = 'ThreadingHTTPServer(("", WHERE), Handler).serve_forever()';
    expect(installedApp(Buffer.from(script).toString('base64'))).toBeUndefined();
  });
});
