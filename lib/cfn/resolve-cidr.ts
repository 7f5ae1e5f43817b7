/** Fn::Cidr: split an IPv4 block into `count` subnets of `bits` host bits each. */

export function cidrSubnets(block: string, count: number, bits: number): string[] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(block.trim());
  if (!m || !Number.isInteger(count) || !Number.isInteger(bits) || count < 1) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  const subnetPrefix = 32 - bits;
  if (octets.some((o) => o > 255) || prefix > 32 || subnetPrefix < prefix || subnetPrefix > 32) return undefined;
  if (count > 2 ** (subnetPrefix - prefix)) return undefined;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  const network = base - (base % 2 ** (32 - prefix));
  const size = 2 ** bits;
  return Array.from({ length: count }, (_, i) => `${toDotted(network + i * size)}/${subnetPrefix}`);
}

function toDotted(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
