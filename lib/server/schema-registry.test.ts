// The schema registry resolver: the configured URL only, basic auth, clear failures, one fetch per id.
import { describe, expect, it } from 'vitest';
import { publicRegistryUrl, schemaRegistryResolver } from './schema-registry';

function fakeFetch(answer: (url: string) => Response) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const impl = (async (input: URL | RequestInfo, init?: RequestInit) => {
    calls.push({ url: String(input), headers: init?.headers as Record<string, string> });
    return answer(String(input));
  }) as typeof fetch;
  return { impl, calls };
}

describe('schemaRegistryResolver', () => {
  it('fetches GET {url}/schemas/ids/{id} with basic auth, once per id', async () => {
    const { impl, calls } = fakeFetch(() => Response.json({ schema: '{"type":"record","name":"r","fields":[]}' }));
    const resolve = schemaRegistryResolver({ url: 'http://registry:8081/base', username: 'ana', password: 's3cret' }, undefined, impl);
    await expect(resolve(42)).resolves.toEqual({ type: 'AVRO', schema: '{"type":"record","name":"r","fields":[]}' });
    await resolve(42);
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('http://registry:8081/base/schemas/ids/42');
    expect(calls[0].headers.authorization).toBe(`Basic ${Buffer.from('ana:s3cret').toString('base64')}`);
  });

  it('reads the schema type the registry names', async () => {
    const { impl } = fakeFetch(() => Response.json({ schemaType: 'PROTOBUF', schema: 'syntax = "proto3";' }));
    await expect(schemaRegistryResolver({ url: 'http://registry:8081' }, undefined, impl)(1)).resolves.toMatchObject({ type: 'PROTOBUF' });
  });

  it('explains a missing schema, refused credentials and an answer that is not a schema', async () => {
    const status = (code: number) => schemaRegistryResolver({ url: 'http://registry:8081' }, undefined, fakeFetch(() => new Response('{}', { status: code })).impl);
    await expect(status(404)(9)).rejects.toThrow('the schema registry has no schema with id 9');
    await expect(status(401)(9)).rejects.toThrow('refused the credentials');
    const odd = schemaRegistryResolver({ url: 'http://registry:8081' }, undefined, fakeFetch(() => Response.json({ hello: 1 })).impl);
    await expect(odd(9)).rejects.toThrow('something other than a schema');
  });

  it('says when the registry cannot be reached, without its credentials', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const error = await schemaRegistryResolver({ url: 'http://registry:8081', username: 'ana', password: 's3cret' }, undefined, failing)(3).catch((e: Error) => e);
    expect(String(error)).toContain('cannot be reached');
    expect(String(error)).not.toContain('s3cret');
  });
});

describe('publicRegistryUrl', () => {
  it('leaves credentials written into the URL out of what the browser and the spec see', () => {
    expect(publicRegistryUrl('https://ana:s3cret@registry.example:8081/')).toBe('https://registry.example:8081');
  });
});
