/** IPv4 CIDR arithmetic for subnets and private addresses. */
export interface Cidr {
  base: number;
  bits: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  if (base % size !== 0) return undefined;
  return { base, bits };
}

const size = (c: Cidr) => 2 ** (32 - c.bits);

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.bits >= outer.bits && inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

export function ipAt(c: Cidr, offset: number): string {
  const n = c.base + (offset % size(c));
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export function hostCount(c: Cidr): number {
  return size(c);
}
