import { describe, expect, it } from 'vitest';
import { addressMatches, issueWithAddressEntry, normalizeAddress } from './addresses';

describe('proxy addresses', () => {
  const trusted = ['10.0.0.5', '192.168.10.0/24', 'fd00:1::/64', '::1'];

  it('match single addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(addressMatches('10.0.0.5', trusted)).toBe(true);
    expect(addressMatches('10.0.0.6', trusted)).toBe(false);
    expect(addressMatches('192.168.10.200', trusted)).toBe(true);
    expect(addressMatches('192.168.11.1', trusted)).toBe(false);
    expect(addressMatches('fd00:1::abcd', trusted)).toBe(true);
    expect(addressMatches('fd00:2::1', trusted)).toBe(false);
    expect(addressMatches('::1', trusted)).toBe(true);
  });

  it('match the IPv4-mapped form a dual-stack socket reports', () => {
    expect(normalizeAddress('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(addressMatches('::ffff:10.0.0.5', trusted)).toBe(true);
    expect(addressMatches('::FFFF:192.168.10.7', trusted)).toBe(true);
  });

  it('match nothing for a missing or malformed address', () => {
    expect(addressMatches(null, trusted)).toBe(false);
    expect(addressMatches('', trusted)).toBe(false);
    expect(addressMatches('10.0.0.5, 1.2.3.4', trusted)).toBe(false);
    expect(addressMatches('proxy.internal', trusted)).toBe(false);
  });

  it('say which configured entry is wrong', () => {
    expect(issueWithAddressEntry('10.0.0.0/8')).toBeUndefined();
    expect(issueWithAddressEntry('2001:db8::/32')).toBeUndefined();
    expect(issueWithAddressEntry('proxy.internal')).toContain('"proxy.internal" is not an IP address or a CIDR range');
    expect(issueWithAddressEntry('10.0.0.0/33')).toContain('prefix length that is not between 0 and 32');
    expect(issueWithAddressEntry('10.0.0.0/8/1')).toContain('is not an IP address');
  });
});
