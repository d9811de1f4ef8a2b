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
