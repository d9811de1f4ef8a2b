import ipaddr from 'ipaddr.js';

/**
 * Server-side request forgery guard for webhook URLs: only public unicast addresses may be called,
 * unless an operator allows a network explicitly (OTKLIK_WEBHOOK_ALLOWED_NETWORKS, e.g. 127.0.0.0/8
 * for tests or 10.20.0.0/16 for an internal billing system). Checked when an endpoint is saved and
 * again on every connection, so DNS rebinding cannot slip a private address in later.
 */
export class AddressGuard {
  private readonly allowed: [ipaddr.IPv4 | ipaddr.IPv6, number][];

  constructor(allowedNetworks: readonly string[] = []) {
    this.allowed = allowedNetworks.map((cidr) => ipaddr.parseCIDR(cidr));
  }

  /** Why an address may not be called, or null when it may. */
  refusal(address: string): string | null {
    // Only the four-dotted-decimal IPv4 form and IPv6: "127.1" or "0x7f.1" are not answers DNS gives.
    const canonical = address.includes(':') ? canonicalIPv6(address) : address;
    if (canonical === null || (!ipaddr.IPv4.isValidFourPartDecimal(canonical) && !ipaddr.IPv6.isValid(canonical)))
      return `"${address}" is not an IP address`;
    const parsed = ipaddr.parse(canonical);
    const embedded = parsed.kind() === 'ipv6' ? embeddedIPv4(parsed as ipaddr.IPv6) : null;
    if (embedded?.refuse) return `${address} is ${embedded.refuse} (it embeds ${embedded.ip.toString()})`;
    const ip = embedded?.ip ?? parsed;
    if (this.allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return null;
    const range = ip.range();
    if (range === 'unicast') return null;
    return embedded ? `${address} reaches ${ip.toString()}, a ${rangeName(range)} address` : `${address} is a ${rangeName(range)} address`;
  }
}

/**
 * The WHATWG URL parser's spelling of an IPv6 address (all hex, as the connection uses it), or null.
 * ipaddr.js reads "::127.0.0.1" as "::ffff:127.0.0.1", which is another address.
 */
function canonicalIPv6(address: string): string | null {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

/**
 * IPv6 forms that carry an IPv4 address. Mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::/96) addresses
 * reach that IPv4 address, so they are judged as it; IPv4-compatible (::a.b.c.d, deprecated), SIIT
 * (::ffff:0:a.b.c.d), 6to4 (2002::/16), Teredo (2001::/32) and local-use NAT64 (64:ff9b:1::/48) are
 * tunnels no public receiver needs, and refused outright.
 */
function embeddedIPv4(ip: ipaddr.IPv6): { ip: ipaddr.IPv4; refuse: string | null } | null {
  const p = ip.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const zero = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && p[5] === 0xffff) return { ip: v4(p[6], p[7]), refuse: null };
  if (p[0] === 0x64 && p[1] === 0xff9b && zero(2, 6)) return { ip: v4(p[6], p[7]), refuse: null };
  // ::/96 minus :: and ::1, which the range check names (unspecified, loopback).
  if (zero(0, 6) && (p[6] !== 0 || p[7] > 1)) return { ip: v4(p[6], p[7]), refuse: 'an IPv4-compatible IPv6 address' };
  if (zero(0, 4) && p[4] === 0xffff && p[5] === 0) return { ip: v4(p[6], p[7]), refuse: 'an IPv4-translated (SIIT) IPv6 address' };
  if (p[0] === 0x2002) return { ip: v4(p[1], p[2]), refuse: 'a 6to4 tunnel address' };
  if (p[0] === 0x2001 && p[1] === 0) return { ip: v4(p[6] ^ 0xffff, p[7] ^ 0xffff), refuse: 'a Teredo tunnel address' };
  if (p[0] === 0x64 && p[1] === 0xff9b && p[2] === 1) return { ip: v4(p[6], p[7]), refuse: 'a local-use NAT64 address' };
  return null;
}

function rangeName(range: string): string {
  const names: Record<string, string> = {
    loopback: 'loopback',
    private: 'private',
    linkLocal: 'link-local',
    uniqueLocal: 'private (unique local)',
    carrierGradeNat: 'carrier-grade NAT',
    unspecified: 'unspecified',
    multicast: 'multicast',
    broadcast: 'broadcast',
    reserved: 'reserved',
  };
  return names[range] ?? `non-public (${range})`;
}

/** Parses a comma-separated CIDR list; returns the problems for config validation. */
export function parseNetworks(value: string | undefined): { networks: string[]; problems: string[] } {
  const networks = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const problems = networks.filter((n) => {
    try {
      ipaddr.parseCIDR(n);
      return false;
    } catch {
      return true;
    }
  });
  return { networks, problems };
}
