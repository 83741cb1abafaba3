// IP addresses and CIDR ranges, for the proxy addresses Tributary trusts (TRIBUTARY_PROXY_ADDRESSES).
import { BlockList, isIP } from 'node:net';

/** The address as people write it: no IPv4-mapped IPv6 prefix, no zone. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return (mapped ? mapped[1] : trimmed).toLowerCase();
}

/** Why an entry of an address list is not an IP address or CIDR range; undefined when it is one. */
export function issueWithAddressEntry(entry: string): string | undefined {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(normalizeAddress(address));
  if (extra !== undefined || family === 0) return `"${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8`;
  if (prefix === undefined) return undefined;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) return `"${entry}" has a prefix length that is not between 0 and ${family === 4 ? 32 : 128}`;
  return undefined;
}

const lists = new WeakMap<readonly string[], BlockList>();

function blockListOf(entries: readonly string[]): BlockList {
  let list = lists.get(entries);
  if (list) return list;
  list = new BlockList();
  for (const entry of entries) {
    const [raw, prefix] = entry.split('/');
    const address = normalizeAddress(raw);
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  lists.set(entries, list);
  return list;
}

/** Whether an address is one of the entries (addresses or CIDR ranges, already validated). */
export function addressMatches(address: string | null | undefined, entries: readonly string[]): boolean {
  if (!address) return false;
  const normalized = normalizeAddress(address);
  const family = isIP(normalized);
  if (family === 0) return false;
  return blockListOf(entries).check(normalized, family === 6 ? 'ipv6' : 'ipv4');
}
