import { describe, expect, it } from 'vitest';
import { requestOf, route } from '@/lib/sandbox/data-plane';
import { createMemory, type Impairments, type Outcome } from '@/lib/sandbox/data-plane/trace';
import { installedApp } from '@/lib/sandbox/data-plane/user-data';
import type { NetworkView, RegionView } from '@/lib/sandbox/data-plane/view';
import { ALB_DNS, ALB_SG, DB_SG, EIP, groupOf, instanceOf, labView, rule, SUBNET_A, TG_ARN, WEB_SG } from './fixtures';

const account = (region: RegionView): NetworkView => ({
  accountId: '111122223333',
  regions: [region],
  distributions: [],
  bucket: () => undefined,
});

function send(view: RegionView, url: string, impairments: Impairments = {}, memory = createMemory()): Outcome {
  const out = route(account(view), requestOf(url), memory, impairments);
  if (!out) throw new Error(`nothing answers ${url}`);
  return out;
}

const bodyOf = (out: Outcome) => (out.kind === 'answered' ? String(out.answer.body) : '');
const azOf = (out: Outcome) => bodyOf(out).match(/<dt>Availability Zone<\/dt><dd>([a-z0-9-]+)</)?.[1];

describe('a request to an Elastic IP', () => {
  it('reaches the lab app, which answers with its instance id and AZ', () => {
    const out = send(
      labView((v) => groupOf(v, WEB_SG).IpPermissions!.push(rule(80, { cidr: '0.0.0.0/0' }))),
      `http://${EIP}/`,
    );
    expect(out.kind).toBe('answered');
    expect(bodyOf(out)).toContain('<h1>Hello from i-0a</h1>');
    expect(azOf(out)).toBe('us-east-1a');
    expect(out.hops.map((h) => h.kind)).toEqual([
      'address',
      'internet-gateway',
      'route-table',
      'network-acl',
      'instance',
      'security-group',
      'database',
      'app',
    ]);
  });

  it('answers /api with the JSON the real app prints', () => {
    const out = send(
      labView((v) => groupOf(v, WEB_SG).IpPermissions!.push(rule(80, { cidr: '0.0.0.0/0' }))),
      `http://${EIP}/api`,
    );
    expect(bodyOf(out)).toBe(
      '{"instanceId": "i-0a", "availabilityZone": "us-east-1a", "instanceType": "t3.micro", "stack": "scalelab-lab"}\n',
    );
  });

  it.each<[string, (v: RegionView) => void, RegExp, string?]>([
    [
      'no internet gateway is attached to the VPC',
      (v) => {
        v.internetGateways = [];
      },
      /^vpc-0lab has no internet gateway attached/,
    ],
    [
      'the subnet routes 0.0.0.0/0 nowhere',
      (v) => {
        v.routeTables[1]!.Routes = v.routeTables[1]!.Routes!.filter((r) => r.DestinationCidrBlock !== '0.0.0.0/0');
      },
      /^subnet-0a routes 0\.0\.0\.0\/0 nowhere: no internet gateway route \(route table rtb-0public\)/,
    ],
    [
      'the subnet has no table of its own and the main table has no internet route',
      (v) => {
        v.routeTables[1]!.Associations = [];
      },
      /^subnet-0a routes 0\.0\.0\.0\/0 nowhere: no internet gateway route \(route table rtb-0main\)/,
    ],
    [
      'the subnet routes 0.0.0.0/0 to a NAT gateway (a private subnet)',
      (v) => {
        v.routeTables[1]!.Routes![1] = { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0a', State: 'active' };
      },
      /routes 0\.0\.0\.0\/0 to nat-0a, not to igw-0lab/,
    ],
    [
      'a network ACL denies port 80',
      (v) => {
        v.networkAcls = [
          {
            NetworkAclId: 'acl-0strict',
            VpcId: 'vpc-0lab',
            Associations: [{ SubnetId: SUBNET_A }],
            Entries: [
              {
                RuleNumber: 100,
                Protocol: '6',
                RuleAction: 'allow',
                Egress: false,
                CidrBlock: '0.0.0.0/0',
                PortRange: { From: 443, To: 443 },
              },
              { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
            ],
          },
        ];
      },
      /^The network ACL acl-0strict of subnet-0a denies TCP port 80 in/,
    ],
    [
      'the web SG has no port-80 rule',
      () => {},
      /^The security group lab-web-sg \(sg-0web\) of i-0a does not admit port 80 from the internet\.$/,
    ],
    [
      'the instance is stopped',
      (v) => {
        groupOf(v, WEB_SG).IpPermissions!.push(rule(80, { cidr: '0.0.0.0/0' }));
        instanceOf(v, 'i-0a').State = { Name: 'stopped', Code: 80 };
      },
      /^i-0a is stopped, not running/,
    ],
    [
      'nothing listens on port 80 (user data starts no web server)',
      (v) => {
        groupOf(v, WEB_SG).IpPermissions!.push(rule(80, { cidr: '0.0.0.0/0' }));
        delete v.apps['i-0a'];
      },
      /^Nothing listens on port 80 on i-0a: its user data starts no web server\.$/,
      'ECONNREFUSED',
    ],
    [
      'the Elastic IP is not associated',
      (v) => {
        v.addresses[0]!.InstanceId = undefined;
      },
      /^The Elastic IP 203\.0\.113\.10 is not associated with any instance\.$/,
    ],
  ])('is dropped when %s, naming the hop', (_what, change, says, code = 'ETIMEDOUT') => {
    const out = send(labView(change), `http://${EIP}/`);
    expect(out.kind).toBe('dropped');
    expect(out.kind === 'dropped' && out.code).toBe(code);
    expect(out.by.ok).toBe(false);
    expect(out.by.says.en).toMatch(says);
    expect(out.by.says.ko.length).toBeGreaterThan(10);
  });
});

describe('a request to the ALB DNS name', () => {
  it('is spread round robin over the healthy targets of both AZs', () => {
    const view = labView();
    const memory = createMemory();
    const azs = Array.from({ length: 6 }, () => azOf(send(view, `http://${ALB_DNS}/`, {}, memory)));
    expect(azs).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1a', 'us-east-1b', 'us-east-1a', 'us-east-1b']);
  });

  it('routes around a stopped target, and says why that AZ is missing', () => {
    const view = labView((v) => {
      instanceOf(v, 'i-0b').State = { Name: 'stopped', Code: 80 };
    });
    const memory = createMemory();
    const outs = Array.from({ length: 4 }, () => send(view, `http://${ALB_DNS}/`, {}, memory));
    expect(outs.map(azOf)).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1a', 'us-east-1a']);
    const notes = outs[0]?.kind === 'answered' ? outs[0].notes : [];
    expect(notes?.[0]?.says.en).toBe('i-0b is stopped: the target group does not use it.');
  });

  it('routes around an AZ a drill has darkened (cross-zone, node and targets)', () => {
    const memory = createMemory();
    const outs = Array.from({ length: 4 }, () =>
      send(labView(), `http://${ALB_DNS}/`, { azs: ['us-east-1b'] }, memory),
    );
    expect(outs.map(azOf)).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1a', 'us-east-1a']);
  });

  it('fails when the web SG admits a CIDR but not the ALB SG: unhealthy targets, 504 through fail-open', () => {
    const out = send(
      labView((v) => {
        groupOf(v, WEB_SG).IpPermissions = [rule(80, { cidr: '203.0.113.0/24' })];
      }),
      `http://${ALB_DNS}/`,
    );
    expect(out.kind === 'answered' && out.answer.status).toBe(504);
    expect(out.by.says.en).toBe(
      'The security group lab-web-sg (sg-0web) of i-0a does not admit port 80 from the ALB SG (lab-alb-sg (sg-0alb)).',
    );
  });

  it('reaches targets whose SG admits the VPC range the ALB nodes live in', () => {
    const out = send(
      labView((v) => {
        groupOf(v, WEB_SG).IpPermissions = [rule(80, { cidr: '10.0.0.0/16' })];
      }),
      `http://${ALB_DNS}/`,
    );
    expect(out.kind === 'answered' && out.answer.status).toBe(200);
  });

  it('answers 503 itself when no target is in use', () => {
    const out = send(
      labView((v) => {
        for (const i of v.instances) i.State = { Name: 'stopped', Code: 80 };
      }),
      `http://${ALB_DNS}/`,
    );
    expect(out.kind === 'answered' && out.answer.status).toBe(503);
    expect(bodyOf(out)).toContain('503 Service Temporarily Unavailable');
    expect(out.by.says.en).toMatch(/^No healthy targets in target group lab-web-tg \(i-0a is stopped/);
  });

  it('refuses a port it has no listener on', () => {
    const out = send(
      labView((v) => {
        groupOf(v, ALB_SG).IpPermissions!.push(rule(8080, { cidr: '0.0.0.0/0' }));
      }),
      `http://${ALB_DNS}:8080/`,
    );
    expect(out.kind === 'dropped' && out.code).toBe('ECONNREFUSED');
    expect(out.by.says.en).toBe('lab-alb has no listener on port 8080.');
  });

  it('is dropped when the ALB SG does not admit the port from the internet', () => {
    const out = send(
      labView((v) => {
        groupOf(v, ALB_SG).IpPermissions = [rule(443, { cidr: '0.0.0.0/0' })];
      }),
      `http://${ALB_DNS}/`,
    );
    expect(out.kind).toBe('dropped');
    expect(out.by.says.en).toBe('The ALB SG (lab-alb-sg (sg-0alb)) does not admit port 80 from the internet.');
  });

  it('marks a target unhealthy when its health check path answers 404', () => {
    const out = send(
      labView((v) => {
        v.targetGroups[0]!.HealthCheckPath = '/healthz';
        v.registered[TG_ARN] = [{ id: 'i-0a', port: 80 }];
      }),
      `http://${ALB_DNS}/`,
    );
    // Fail open: the only target is unhealthy, the ALB still tries it, and the page itself answers.
    expect(out.kind === 'answered' && out.answer.status).toBe(200);
    expect(out.hops.find((h) => h.kind === 'target-group')?.says.en).toMatch(
      /^No healthy targets in target group lab-web-tg: the ALB fails open .* answers its health check \/healthz with 404, not 200\.$/,
    );
  });
});

describe("the app's database call", () => {
  const page = (view: RegionView, impairments: Impairments = {}) =>
    bodyOf(send(view, `http://${ALB_DNS}/`, impairments));

  it('counts the visit when the DB SG admits port 3306 from the web SG', () => {
    expect(page(labView())).toContain('<dd>1</dd>');
  });
  it('shows mysql’s error when the DB SG does not admit the web SG', () => {
    const body = page(
      labView((v) => {
        groupOf(v, DB_SG).IpPermissions = [rule(3306, { cidr: '192.168.0.0/16' })];
      }),
    );
    expect(body).toContain(
      'database unavailable: ERROR 2003 (HY000): Can&#x27;t connect to MySQL server on &#x27;lab-db.abc.us-east-1.rds.amazonaws.com:3306&#x27; (110)',
    );
  });
  it('fails with a single-AZ database whose AZ goes dark, and holds with Multi-AZ', () => {
    const dark = { azs: ['us-east-1a'] };
    expect(page(labView(), dark)).toContain('database unavailable');
    const multiAz = labView((v) => {
      Object.assign(v.dbInstances[0]!, { MultiAZ: true, SecondaryAvailabilityZone: 'us-east-1b' });
    });
    expect(page(multiAz, dark)).not.toContain('database unavailable');
  });
});

describe('what the user data starts', () => {
  const encode = (s: string) => Buffer.from(s).toString('base64');
  it.each([
    ['ThreadingHTTPServer(("", 8080), Handler)', 8080],
    ['python3 -m http.server', 8000],
    ['dnf install -y httpd\nsystemctl enable --now httpd', 80],
  ])('%s listens on port %i', (script, port) => {
    expect(installedApp(encode(script))?.port).toBe(port);
  });
  it('starts nothing without a server', () => {
    expect(installedApp(encode('#!/bin/bash\necho hello'))).toBeUndefined();
  });
});
