import { describe, expect, it } from 'vitest';
import { AddressGuard, parseNetworks } from './address-guard';

describe('AddressGuard', () => {
  const strict = new AddressGuard();

  it('allows public unicast addresses', () => {
    expect(strict.refusal('93.184.216.34')).toBeNull();
    expect(strict.refusal('2606:2800:220:1:248:1893:25c8:1946')).toBeNull();
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.3.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'unique local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.1.1.1', 'private'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(strict.refusal(address)).toContain(kind);
  });

  // Issue 13 item 12: IPv6 forms that carry a private or loopback IPv4 address.
  it.each([
    ['::127.0.0.1', 'IPv4-compatible'],
    ['::7f00:1', 'IPv4-compatible'],
    ['::10.0.0.1', 'IPv4-compatible'],
    ['::8.8.8.8', 'IPv4-compatible'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['0:0:0:0:0:ffff:127.0.0.1', 'loopback'],
    ['::ffff:0:127.0.0.1', 'SIIT'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b::169.254.169.254', 'link-local'],
    ['64:ff9b:1::a00:1', 'local-use NAT64'],
    ['2002:7f00:1::1', '6to4'],
    ['2002:c0a8:101::', '6to4'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo'],
    ['127.1', 'not an IP address'],
    ['0x7f.0.0.1', 'not an IP address'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(strict.refusal(address)).toContain(kind);
  });

  it('names the IPv4 address an IPv6 form reaches, and lets NAT64 of a public address through', () => {
    expect(strict.refusal('::ffff:7f00:1')).toBe('::ffff:7f00:1 reaches 127.0.0.1, a loopback address');
    expect(strict.refusal('::127.0.0.1')).toBe('::127.0.0.1 is an IPv4-compatible IPv6 address (it embeds 127.0.0.1)');
    expect(strict.refusal('64:ff9b::5db8:d822')).toBeNull();
  });

  it('allows networks the operator lists, and only those', () => {
    const guard = new AddressGuard(['127.0.0.0/8', '10.20.0.0/16']);
    expect(guard.refusal('127.0.0.1')).toBeNull();
    expect(guard.refusal('::ffff:127.0.0.1')).toBeNull();
    expect(guard.refusal('10.20.3.4')).toBeNull();
    expect(guard.refusal('10.21.3.4')).toContain('private');
    expect(guard.refusal('::1')).toContain('loopback');
  });

  it('parses CIDR lists and reports bad entries', () => {
    expect(parseNetworks(' 127.0.0.0/8, ::1/128 ')).toEqual({ networks: ['127.0.0.0/8', '::1/128'], problems: [] });
    expect(parseNetworks('10.0.0.0/8,nonsense').problems).toEqual(['nonsense']);
    expect(parseNetworks(undefined).networks).toEqual([]);
  });
});
