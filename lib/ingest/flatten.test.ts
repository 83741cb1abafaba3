import { describe, expect, it } from 'vitest';
import { flatten, flattenSpecIssues } from './flatten';

const event = { id: 7, user: { name: 'roni', tags: ['a', 'b'], 'home town': 'Oslo' }, items: [{ sku: 'x1' }, { sku: 'x2' }] };

describe('flatten', () => {
  it('keeps root fields by discovery and adds path, jq, root and tree fields', () => {
    const fields = flatten(event, {
      fields: [
        { type: 'path', name: 'userName', expr: '$.user.name' },
        { type: 'path', name: 'firstTag', expr: '$.user.tags[0]' },
        { type: 'path', name: 'town', expr: "$.user['home town']" },
        { type: 'path', name: 'skus', expr: '$.items[*].sku' },
        { type: 'jq', name: 'lastSku', expr: '.items[-1].sku' },
        { type: 'jq', name: 'town2', expr: '.user["home town"]' },
        { type: 'root', name: 'identifier', expr: 'id' },
        { type: 'tree', name: 'treeName', nodes: ['user', 'name'] },
      ],
    });
    expect(fields).toMatchObject({ id: 7, userName: 'roni', firstTag: 'a', town: 'Oslo', skus: ['x1', 'x2'], lastSku: 'x2', town2: 'Oslo', identifier: 7, treeName: 'roni' });
  });

  it('keeps only named fields without discovery, and missing paths are undefined', () => {
    const fields = flatten(event, { useFieldDiscovery: false, fields: [{ type: 'path', name: 'nope', expr: '$.user.age' }] });
    expect(fields).toEqual({ nope: undefined });
  });

  it('reports unusable fields with their index', () => {
    expect(flattenSpecIssues({ fields: [{ type: 'path', name: 'a', expr: 'user.name' }, { type: 'jq', name: 'b', expr: '.a | length' }] })).toEqual([
      { index: 0, field: 'expr', message: 'JSONPath "user.name" must start with "$"' },
      { index: 1, field: 'expr', message: 'jq expression ".a | length" has an unexpected " " at character 3' },
    ]);
  });
});
