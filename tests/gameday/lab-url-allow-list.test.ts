import { describe, expect, it } from 'vitest';
import { DrillUnavailableError } from '@/lib/gameday/load-world';
import { observeAnswer, readLabAnswer } from '@/lib/gameday/real/answers';
import { allowedLabUrl, endpointOrigins } from '@/lib/gameday/real/endpoints';
import { tickOf } from '@/lib/gameday/real/traffic';

const ALB = 'scalelab-ab12-alb-1234567890.us-east-1.elb.amazonaws.com';
// The outputs of templates/03-scale-out (AppUrl, AlbDnsName, DistributionDomain, StaticUrl, and non-endpoints).
const outputs = [
  { OutputKey: 'VpcId', OutputValue: 'vpc-0abc' },
  { OutputKey: 'AlbDnsName', OutputValue: ALB },
  { OutputKey: 'AppUrl', OutputValue: `http://${ALB}/` },
  { OutputKey: 'DistributionDomain', OutputValue: 'd111111abcdef8.cloudfront.net' },
  { OutputKey: 'StaticUrl', OutputValue: 'https://d111111abcdef8.cloudfront.net/hello.txt' },
  { OutputKey: 'DbEndpoint', OutputValue: 'scalelab-db.abc.us-east-1.rds.amazonaws.com' },
  {
    OutputKey: 'DashboardUrl',
    OutputValue: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=x',
  },
];

const refusal = (url: string, outs = outputs) => {
  try {
    allowedLabUrl(url, outs);
  } catch (err) {
    expect(err).toBeInstanceOf(DrillUnavailableError);
    return (err as DrillUnavailableError).reason;
  }
  throw new Error(`${url} was allowed`);
};

describe('the URL allow-list of a real drill', () => {
  it('allows the stack’s endpoint outputs, with any path on their origin', () => {
    expect(allowedLabUrl(`http://${ALB}/`, outputs).href).toBe(`http://${ALB}/`);
    expect(allowedLabUrl(`http://${ALB.toUpperCase()}/api`, outputs).host).toBe(ALB);
    expect(allowedLabUrl('https://d111111abcdef8.cloudfront.net/index.html', outputs).hostname).toBe(
      'd111111abcdef8.cloudfront.net',
    );
    expect([...endpointOrigins(outputs)].sort()).toEqual([
      'http://d111111abcdef8.cloudfront.net',
      `http://${ALB}`,
      'https://d111111abcdef8.cloudfront.net',
      `https://${ALB}`,
    ]);
  });

  it('refuses hosts the endpoint outputs do not name, even other outputs of the stack', () => {
    expect(refusal('http://example.com/').en).toMatch(/not one of the lab stack's endpoint outputs/);
    expect(refusal('https://scalelab-db.abc.us-east-1.rds.amazonaws.com/').en).toMatch(/endpoint outputs/);
    expect(refusal('https://us-east-1.console.aws.amazon.com/cloudwatch/home').en).toMatch(/endpoint outputs/);
    // Same host, another port: another origin.
    expect(refusal(`http://${ALB}:8080/`).en).toMatch(/endpoint outputs/);
    expect(refusal(`http://${ALB}.evil.example/`).en).toMatch(/endpoint outputs/);
  });

  it('refuses other schemes, user info, and private or metadata addresses even when an output names them', () => {
    expect(refusal(`ftp://${ALB}/`).en).toMatch(/only HTTP or HTTPS/);
    expect(refusal(`http://user:pw@${ALB}/`).en).toMatch(/user name or password/);
    for (const ip of [
      '169.254.169.254',
      '127.0.0.1',
      '10.0.1.5',
      '172.20.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '0.0.0.0',
    ]) {
      const outs = [
        { OutputKey: 'PublicIp', OutputValue: ip },
        { OutputKey: 'AppUrl', OutputValue: `http://${ip}/` },
      ];
      expect(refusal(`http://${ip}/`, outs).en).toMatch(/not a public address/);
    }
    expect(refusal('http://localhost/', [{ OutputKey: 'AppUrl', OutputValue: 'http://localhost/' }]).ko).toMatch(
      /공용 주소가 아닙니다/,
    );
    expect(refusal('not a url').en).toMatch(/is not a URL/);
  });

  it('allows a stage 00 Elastic IP named by PublicIp and AppUrl', () => {
    const outs = [
      { OutputKey: 'PublicIp', OutputValue: '3.91.22.10' },
      { OutputKey: 'AppUrl', OutputValue: 'http://3.91.22.10/' },
    ];
    expect(allowedLabUrl('http://3.91.22.10/', outs).hostname).toBe('3.91.22.10');
    expect(refusal('http://3.91.22.11/', outs).en).toMatch(/endpoint outputs/);
  });
});

describe('reading the lab app’s answers', () => {
  const page = (id: string, az: string, visits: string) =>
    `<body><h1>Hello from ${id}</h1><dl><dt>Instance</dt><dd>${id}</dd><dt>Availability Zone</dt><dd>${az}</dd>
<dt>Instance type</dt><dd>t3.micro</dd><dt>Visits (Amazon RDS for MySQL)</dt><dd>${visits}</dd></dl></body>`;

  it('reads the page’s instance, AZ and a failed database call, and the /api JSON', () => {
    expect(readLabAnswer(page('i-0a', 'us-east-1a', '17'))).toEqual({ instanceId: 'i-0a', az: 'us-east-1a' });
    expect(readLabAnswer(page('i-0b', 'us-east-1b', 'database unavailable: timed out')).dbError).toBe(
      'database unavailable: timed out',
    );
    expect(readLabAnswer('{"instanceId": "i-0c", "availabilityZone": "us-east-1c", "stack": "s"}\n')).toEqual({
      instanceId: 'i-0c',
      az: 'us-east-1c',
    });
  });

  it('tallies a second as the sandbox engine does: ok, degraded and errors per AZ with mean latency', () => {
    const seen = [
      observeAnswer(3, ALB, 200, page('i-0a', 'us-east-1a', '1'), 10),
      observeAnswer(3, ALB, 200, page('i-0a', 'us-east-1a', '2'), 20),
      observeAnswer(3, ALB, 200, page('i-0b', 'us-east-1b', 'database unavailable: x'), 30, 'lab-db'),
      observeAnswer(3, ALB, 503, '<html>503 Service Temporarily Unavailable</html>', 2),
    ];
    expect(seen.map((o) => o.kind)).toEqual(['ok', 'ok', 'degraded', 'error']);
    expect(seen[2]?.cause).toMatchObject({ kind: 'database', id: 'lab-db' });
    expect(seen[3]?.cause).toMatchObject({ kind: 'load-balancer', id: ALB });
    expect(tickOf(3, seen, 2)).toEqual({
      t: 3,
      requests: 4,
      ok: 2,
      degraded: 1,
      errors: 1,
      azs: {
        'us-east-1a': { requests: 2, errors: 0, latencyMs: 15 },
        'us-east-1b': { requests: 1, errors: 0, latencyMs: 30 },
        none: { requests: 1, errors: 1, latencyMs: null },
      },
      inService: 2,
      cpu: 0,
    });
  });
});
