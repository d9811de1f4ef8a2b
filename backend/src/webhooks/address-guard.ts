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
    if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
    let ip = ipaddr.parse(address);
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
    if (this.allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return null;
    const range = ip.range();
    return range === 'unicast' ? null : `${address} is a ${rangeName(range)} address`;
  }
}

function rangeName(range: string): string {
  const names: Record<string, string> = {
    loopback: 'loopback', private: 'private', linkLocal: 'link-local', uniqueLocal: 'private (unique local)',
    carrierGradeNat: 'carrier-grade NAT', unspecified: 'unspecified', multicast: 'multicast', broadcast: 'broadcast',
    reserved: 'reserved',
  };
  return names[range] ?? `non-public (${range})`;
}

/** Parses a comma-separated CIDR list; returns the problems for config validation. */
export function parseNetworks(value: string | undefined): { networks: string[]; problems: string[] } {
  const networks = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
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
