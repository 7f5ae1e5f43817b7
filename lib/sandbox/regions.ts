import { stableHex } from './ids';

/** The regions a sandbox account offers, with their Availability Zones (names and zone ids as AWS maps them). */
export const REGIONS: Record<string, { zones: string[]; short: string; elbZone: string }> = {
  'us-east-1': { zones: ['a', 'b', 'c', 'd', 'e', 'f'], short: 'use1', elbZone: 'Z35SXDOTRQ7X7K' },
  'us-east-2': { zones: ['a', 'b', 'c'], short: 'use2', elbZone: 'Z3AADJGX6KTTL2' },
  'us-west-2': { zones: ['a', 'b', 'c', 'd'], short: 'usw2', elbZone: 'Z1H1FL5HABSF5' },
  'eu-west-1': { zones: ['a', 'b', 'c'], short: 'euw1', elbZone: 'Z32O12XQLNTSW2' },
  'ap-northeast-2': { zones: ['a', 'b', 'c', 'd'], short: 'apne2', elbZone: 'ZWKZPGTI48KDX' },
  // Osaka: the second region of a Seoul lab (stage 06). ALB hosted zone id from the ELB endpoints table.
  'ap-northeast-3': { zones: ['a', 'b', 'c'], short: 'apne3', elbZone: 'Z5LXEXXYW11ES' },
};

export function isRegion(region: string): boolean {
  return region in REGIONS;
}

export function availabilityZones(region: string): string[] {
  return (REGIONS[region]?.zones ?? ['a', 'b', 'c']).map((z) => `${region}${z}`);
}

/** `us-east-1b` → `use1-az2`. */
export function zoneId(zone: string): string {
  const region = zone.slice(0, -1);
  const index = (REGIONS[region]?.zones ?? []).indexOf(zone.slice(-1));
  return `${REGIONS[region]?.short ?? region}-az${index + 1}`;
}

/** EC2's internal DNS suffix: `ec2.internal` in us-east-1, `<region>.compute.internal` elsewhere. */
export function internalDomain(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

export function publicDnsName(ip: string, region: string): string {
  const dashed = ip.replaceAll('.', '-');
  return region === 'us-east-1'
    ? `ec2-${dashed}.compute-1.amazonaws.com`
    : `ec2-${dashed}.${region}.compute.amazonaws.com`;
}

/** AWS's public SSM parameters for AMIs: `/aws/service/ami-amazon-linux-latest/...` → an `ami-...` per region. */
const AMI_PARAMETER =
  /^\/aws\/service\/(ami-amazon-linux-latest\/(al2023-ami-(minimal-)?kernel-(default|6\.1|6\.12)-(x86_64|arm64)|amzn2-ami-(kernel-5\.10-)?hvm-(x86_64|arm64)-(gp2|ebs))|ami-windows-latest\/Windows_Server-2022-English-Full-Base|canonical\/ubuntu\/server\/(22\.04|24\.04)\/stable\/current\/(amd64|arm64)\/hvm\/ebs-gp[23]\/ami-id|ecs\/optimized-ami\/amazon-linux-2023\/recommended\/image_id)$/;

export function publicParameter(name: string, region: string): string | undefined {
  if (!AMI_PARAMETER.test(name)) return undefined;
  return amiFor(name, region);
}

export function amiFor(name: string, region: string): string {
  return `ami-0${stableHex(`${region}:${name}`, 16)}`;
}

/** Is this AMI one the sandbox knows (every AMI a public parameter names, in this region)? */
export function isWellFormedAmi(id: string): boolean {
  return /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/.test(id);
}

/** One address for a given seed, in the ranges AWS hands out for public IPv4 (stable: same seed, same IP). */
export function publicIp(seed: string): string {
  const h = stableHex(seed, 6);
  const bytes = [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  const first = [3, 18, 34, 44, 52, 54][(bytes[0] ?? 0) % 6];
  return `${first}.${bytes[1]}.${bytes[2]}.${((bytes[0] ?? 0) % 250) + 4}`;
}
