import { describe, expect, it } from 'vitest';
import { DEFAULT_HOSTS, isAllowedHost, misdirectedResponse, splitHost } from './hosts';

describe('isAllowedHost', () => {
  it('answers the loopback names on any port by default', () => {
    for (const host of ['localhost:3000', '127.0.0.1:8080', '[::1]:3000', 'LOCALHOST', 'localhost.']) expect(isAllowedHost(host, DEFAULT_HOSTS)).toBe(true);
  });

  it('refuses a rebound name, a missing Host, and a port the entry does not name', () => {
    expect(isAllowedHost('attacker.example:3000', DEFAULT_HOSTS)).toBe(false);
    expect(isAllowedHost('127.0.0.1.nip.io:3000', DEFAULT_HOSTS)).toBe(false);
    expect(isAllowedHost(null, DEFAULT_HOSTS)).toBe(false);
    expect(isAllowedHost('tributary.internal:8080', ['tributary.internal:3000'])).toBe(false);
    expect(isAllowedHost('tributary.internal:3000', ['tributary.internal:3000'])).toBe(true);
  });

  it('answers any host when told to (TRIBUTARY_HOSTS=*)', () => {
    expect(isAllowedHost('anything:1', null)).toBe(true);
  });

  it('splits IPv6 addresses with and without a port', () => {
    expect(splitHost('[::1]:3000')).toEqual({ host: '[::1]', port: '3000' });
    expect(splitHost('[::1]')).toEqual({ host: '[::1]', port: undefined });
    expect(splitHost('Example.com:80')).toEqual({ host: 'example.com', port: '80' });
  });
});

describe('misdirectedResponse', () => {
  it('is a 421 in the app error shape that says how to allow the name', async () => {
    const response = misdirectedResponse('attacker.example:3000');
    expect(response.status).toBe(421);
    const { error } = await response.json();
    expect(error.code).toBe('misdirected');
    expect(error.message).toContain('"attacker.example:3000"');
    expect(error.message).toContain('TRIBUTARY_HOSTS');
  });
});
