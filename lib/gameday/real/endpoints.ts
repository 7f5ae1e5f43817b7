import { type Output, paginateListStackResources, type StackResourceSummary } from '@aws-sdk/client-cloudformation';
import { ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { DescribeAddressesCommand } from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsClients } from '@/lib/aws/clients';
import { DrillUnavailableError } from '../load-world';

/**
 * Where a real drill may send traffic: only the learner's own lab endpoints, as their stack's outputs name them (the
 * stage templates' AppUrl, AlbDnsName, PublicIp, DistributionDomain and StaticUrl outputs), never another output (the
 * DashboardUrl is the AWS console) and never an address the learner could point at the platform's own network.
 */
export const ENDPOINT_OUTPUTS = ['AppUrl', 'AlbDnsName', 'PublicIp', 'DistributionDomain', 'StaticUrl'] as const;

const refuse = (en: string, ko: string) => new DrillUnavailableError({ en, ko });

/** IPv4 ranges that are not a lab's public address (RFC 6890 special-purpose blocks the platform must never reach). */
const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 shared address space
  [0x7f000000, 8], // 127/8 loopback
  [0xa9fe0000, 16], // 169.254/16 link local (the instance metadata service)
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xe0000000, 3], // 224/3 multicast and reserved
];

function v4(host: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((a, p) => a * 256 + p, 0);
}

const isPrivateV4 = (n: number) =>
  PRIVATE_V4.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));

/** The hosts (lower case) and full origins the stack's endpoint outputs name. */
export function endpointOrigins(outputs: Output[]): Set<string> {
  const origins = new Set<string>();
  for (const o of outputs) {
    if (!ENDPOINT_OUTPUTS.includes(o.OutputKey as (typeof ENDPOINT_OUTPUTS)[number]) || !o.OutputValue) continue;
    const value = o.OutputValue.trim();
    if (/^https?:\/\//i.test(value)) {
      try {
        origins.add(new URL(value).origin);
      } catch {
        // Not a URL: nothing allowed from it.
      }
    } else if (/^[a-z0-9.-]+$/i.test(value)) {
      // A bare host (the ALB's DNS name, the Elastic IP, the distribution's domain): its default ports.
      origins.add(`http://${value.toLowerCase()}`);
      origins.add(`https://${value.toLowerCase()}`);
    }
  }
  return origins;
}

/**
 * The URL a drill sends its traffic to, checked against the stack's outputs: http(s) only, no user info, its origin
 * (scheme, host and port) one the endpoint outputs name, and not a private, loopback or link-local address.
 */
export function allowedLabUrl(url: string, outputs: Output[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse(`${url} is not a URL.`, `${url}은(는) URL이 아닙니다.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw refuse(
      `A drill sends only HTTP or HTTPS, not ${parsed.protocol}.`,
      `훈련은 HTTP 또는 HTTPS만 보냅니다(${parsed.protocol} 불가).`,
    );
  if (parsed.username || parsed.password)
    throw refuse('A drill URL carries no user name or password.', '훈련 URL에는 사용자 이름이나 암호가 없어야 합니다.');
  const host = parsed.hostname.toLowerCase();
  const ip = v4(host);
  if (host.startsWith('[') || (ip !== undefined && isPrivateV4(ip)) || host === 'localhost')
    throw refuse(
      `${host} is not a public address: a drill sends traffic only to the lab's public endpoint.`,
      `${host}은(는) 공용 주소가 아닙니다. 훈련은 실습의 공용 엔드포인트로만 트래픽을 보냅니다.`,
    );
  if (!endpointOrigins(outputs).has(parsed.origin))
    throw refuse(
      `${parsed.origin} is not one of the lab stack's endpoint outputs (${ENDPOINT_OUTPUTS.join(', ')}): a drill sends traffic only there.`,
      `${parsed.origin}은(는) 실습 스택의 엔드포인트 출력(${ENDPOINT_OUTPUTS.join(', ')})이 아닙니다. 훈련은 그곳으로만 트래픽을 보냅니다.`,
    );
  return parsed;
}

/**
 * The endpoint is one of the lab stack's own resources (CloudFormation ListStackResources): an Application Load
 * Balancer of the stack (its DNSName), an Elastic IP of the stack, or a CloudFront distribution of the stack (its
 * domain). An output naming any other host — someone else's site, another stack's load balancer — refuses.
 */
export async function assertStackEndpoint(clients: AwsClients, stackName: string, url: URL): Promise<void> {
  const host = url.hostname.toLowerCase();
  const ids = (type: string) => resources.filter((r) => r.ResourceType === type).map((r) => r.PhysicalResourceId ?? '');
  const resources: StackResourceSummary[] = [];
  for await (const page of paginateListStackResources({ client: clients.cloudformation }, { StackName: stackName }))
    resources.push(...(page.StackResourceSummaries ?? []));
  if (/^[a-z0-9]+\.cloudfront\.net$/.test(host)) {
    const mine = ids('AWS::CloudFront::Distribution');
    const list = mine.length ? await clients.cloudfront.send(new ListDistributionsCommand({})) : undefined;
    if ((list?.DistributionList?.Items ?? []).some((d) => mine.includes(d.Id ?? '') && d.DomainName === host)) return;
  } else if (v4(host) !== undefined) {
    const mine = ids('AWS::EC2::EIP');
    const out = mine.length
      ? await clients.ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: 'public-ip', Values: [host] }] }))
      : undefined;
    // An EIP's physical id is its address (EC2-Classic's Ref) or its allocation id.
    if ((out?.Addresses ?? []).some((a) => mine.includes(a.PublicIp ?? '') || mine.includes(a.AllocationId ?? '')))
      return;
  } else {
    const mine = ids('AWS::ElasticLoadBalancingV2::LoadBalancer');
    const out = mine.length
      ? await clients.elbv2.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: mine }))
      : undefined;
    if ((out?.LoadBalancers ?? []).some((lb) => lb.DNSName?.toLowerCase() === host && lb.Scheme !== 'internal')) return;
  }
  throw refuse(
    `${host} is not a load balancer, Elastic IP or CloudFront distribution of the lab stack ${stackName}: a drill sends traffic only to the lab's own endpoint.`,
    `${host}은(는) 실습 스택 ${stackName}의 로드 밸런서, 탄력적 IP 또는 CloudFront 배포가 아닙니다. 훈련은 실습 자신의 엔드포인트로만 트래픽을 보냅니다.`,
  );
}
