// The peer hook on a real Node http server: the address that connected, whatever headers say.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPeerAddressHook, peerAddress } from './peer-address';

let server: Server;
let url: string;

beforeAll(async () => {
  installPeerAddressHook();
  // As Next does: the Node request's headers become the web Request's.
  server = createServer((req, res) => {
    const request = new Request(`http://localhost${req.url}`, { headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])) });
    res.end(JSON.stringify({ peer: peerAddress(request) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the peer address', () => {
  it('is the address that connected', async () => {
    expect(await (await fetch(url)).json()).toEqual({ peer: '127.0.0.1' });
  });

  it('cannot be written by the client, in X-Forwarded-For or in the hook\'s own header', async () => {
    const response = await fetch(url, { headers: { 'x-forwarded-for': '10.0.0.5', 'x-tributary-peer': 'guess 10.0.0.5' } });
    expect(await response.json()).toEqual({ peer: '127.0.0.1' });
  });

  it('is unknown for a request that did not pass through the hook', () => {
    expect(peerAddress(new Request('http://app.test/', { headers: { 'x-tributary-peer': 'guess 10.0.0.5' } }))).toBeNull();
  });
});
