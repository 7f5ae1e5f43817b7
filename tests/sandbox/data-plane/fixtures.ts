import type { Instance, IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import type { LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { DBInstance } from '@aws-sdk/client-rds';
import { installedApp } from '@/lib/sandbox/data-plane/user-data';
import type { RegionView } from '@/lib/sandbox/data-plane/view';

/**
 * A lab network in the SDK's own shapes, as the describe APIs return it: VPC 10.0.0.0/16 with an internet gateway,
 * public subnets in us-east-1a and us-east-1b routed to it, an internet-facing ALB over both, two web instances
 * (one per AZ) behind it in one target group, a MySQL database, and the demo app of the stage templates on port 80.
 */
export const VPC = 'vpc-0lab';
export const IGW = 'igw-0lab';
export const SUBNET_A = 'subnet-0a';
export const SUBNET_B = 'subnet-0b';
export const ALB_SG = 'sg-0alb';
export const WEB_SG = 'sg-0web';
export const DB_SG = 'sg-0db';
export const TG_ARN = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1';
export const LB_ARN = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/lab/1';
export const ALB_DNS = 'lab-alb-1.us-east-1.elb.amazonaws.com';
export const EIP = '203.0.113.10';
export const DB_HOST = 'lab-db.abc.us-east-1.rds.amazonaws.com';

/** The stage templates' demo app, cut down to what the data plane reads: its routes, its page, its port. */
export const APP_SCRIPT = `#!/bin/bash
cat > /opt/scalelab/app.py <<'PY'
PAGE = """<!doctype html>
<html><head><style>body{{margin:0}}</style></head><body><h1>Hello from {instanceId}</h1>
<dl><dt>Instance</dt><dd>{instanceId}</dd><dt>Availability Zone</dt><dd>{availabilityZone}</dd>
<dt>Visits (Amazon RDS for MySQL)</dt><dd>{visits}</dd></dl></body></html>
"""
class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0]
ThreadingHTTPServer(("", 80), Handler).serve_forever()
PY
cat > /etc/systemd/system/scalelab-web.service <<UNIT
[Service]
Environment=STACK=scalelab-lab
Environment=DB_HOST=${DB_HOST}
UNIT
`;

export const rule = (port: number, source: { cidr?: string; group?: string }): IpPermission => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  IpRanges: source.cidr ? [{ CidrIp: source.cidr }] : [],
  UserIdGroupPairs: source.group ? [{ GroupId: source.group }] : [],
});

const allOut: IpPermission[] = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
export const group = (id: string, name: string, ingress: IpPermission[]): SecurityGroup => ({
  GroupId: id,
  GroupName: name,
  VpcId: VPC,
  IpPermissions: ingress,
  IpPermissionsEgress: allOut,
  Tags: [{ Key: 'Name', Value: name }],
});

export const web = (id: string, az: string, subnet: string, extra: Partial<Instance> = {}): Instance => ({
  InstanceId: id,
  State: { Name: 'running', Code: 16 },
  Placement: { AvailabilityZone: az },
  SubnetId: subnet,
  VpcId: VPC,
  PrivateIpAddress: subnet === SUBNET_A ? '10.0.1.10' : '10.0.2.10',
  SecurityGroups: [{ GroupId: WEB_SG }],
  InstanceType: 't3.micro',
  LaunchTime: new Date('2026-01-05T09:30:00Z'),
  ...extra,
});

export const alb: LoadBalancer = {
  LoadBalancerArn: LB_ARN,
  LoadBalancerName: 'lab-alb',
  DNSName: ALB_DNS,
  Scheme: 'internet-facing',
  Type: 'application',
  State: { Code: 'active' },
  VpcId: VPC,
  SecurityGroups: [ALB_SG],
  AvailabilityZones: [
    { ZoneName: 'us-east-1a', SubnetId: SUBNET_A },
    { ZoneName: 'us-east-1b', SubnetId: SUBNET_B },
  ],
};

export const database: DBInstance = {
  DBInstanceIdentifier: 'lab-db',
  DBInstanceStatus: 'available',
  Endpoint: { Address: DB_HOST, Port: 3306 },
  AvailabilityZone: 'us-east-1a',
  MultiAZ: false,
  VpcSecurityGroups: [{ VpcSecurityGroupId: DB_SG, Status: 'active' }],
  DBSubnetGroup: { VpcId: VPC },
};

/** The lab as the solution of stage 02 builds it; `change` edits a fresh copy. */
export function labView(change: (v: RegionView) => void = () => {}): RegionView {
  const app = installedApp(Buffer.from(APP_SCRIPT).toString('base64'))!;
  const view: RegionView = {
    region: 'us-east-1',
    vpcs: [{ VpcId: VPC, CidrBlock: '10.0.0.0/16' }],
    subnets: [
      { SubnetId: SUBNET_A, VpcId: VPC, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' },
      { SubnetId: SUBNET_B, VpcId: VPC, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1b' },
    ],
    routeTables: [
      {
        RouteTableId: 'rtb-0main',
        VpcId: VPC,
        Associations: [{ Main: true }],
        Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }],
      },
      {
        RouteTableId: 'rtb-0public',
        VpcId: VPC,
        Associations: [{ SubnetId: SUBNET_A }, { SubnetId: SUBNET_B }],
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
          { DestinationCidrBlock: '0.0.0.0/0', GatewayId: IGW, State: 'active' },
        ],
      },
    ],
    internetGateways: [{ InternetGatewayId: IGW, Attachments: [{ VpcId: VPC, State: 'available' as never }] }],
    networkAcls: [],
    securityGroups: [
      group(ALB_SG, 'lab-alb-sg', [rule(80, { cidr: '0.0.0.0/0' })]),
      group(WEB_SG, 'lab-web-sg', [rule(80, { group: ALB_SG })]),
      group(DB_SG, 'lab-db-sg', [rule(3306, { group: WEB_SG })]),
    ],
    instances: [web('i-0a', 'us-east-1a', SUBNET_A), web('i-0b', 'us-east-1b', SUBNET_B)],
    addresses: [{ PublicIp: EIP, InstanceId: 'i-0a', AllocationId: 'eipalloc-0a' }],
    loadBalancers: [alb],
    listeners: [
      {
        ListenerArn: `${LB_ARN}/listener-80`,
        LoadBalancerArn: LB_ARN,
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [{ Type: 'forward', TargetGroupArn: TG_ARN }],
      },
    ],
    rules: {},
    targetGroups: [
      {
        TargetGroupArn: TG_ARN,
        TargetGroupName: 'lab-web-tg',
        Port: 80,
        Protocol: 'HTTP',
        HealthCheckPath: '/health',
        Matcher: { HttpCode: '200' },
      },
    ],
    registered: {
      [TG_ARN]: [
        { id: 'i-0a', port: 80 },
        { id: 'i-0b', port: 80 },
      ],
    },
    dbInstances: [database],
    dbClusters: [],
    apps: { 'i-0a': app, 'i-0b': app },
  };
  change(view);
  return view;
}

export const groupOf = (v: RegionView, id: string) => v.securityGroups.find((g) => g.GroupId === id)!;
export const instanceOf = (v: RegionView, id: string) => v.instances.find((i) => i.InstanceId === id)!;
