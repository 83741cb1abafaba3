import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { specToCurl, specToJson, supervisorEndpoint } from './export-spec';
import { clicksSpecWith, CLICKS_SPEC } from './spec-test-helpers';
import type { SupervisorSpec } from './supervisor-spec';

describe('specToJson', () => {
  it('writes keys in Druid order whatever order they were built in', () => {
    const shuffled = {
      suspended: false,
      spec: { tuningConfig: { maxRowsInMemory: 1000, type: 'kafka' }, ioConfig: { ...CLICKS_SPEC.spec.ioConfig, type: 'kafka' }, dataSchema: CLICKS_SPEC.spec.dataSchema },
      type: 'kafka',
    } as SupervisorSpec;
    const json = JSON.parse(specToJson(shuffled));
    expect(Object.keys(json)).toEqual(['type', 'spec', 'suspended']);
    expect(Object.keys(json.spec)).toEqual(['dataSchema', 'ioConfig', 'tuningConfig']);
    expect(Object.keys(json.spec.ioConfig).slice(0, 4)).toEqual(['type', 'topic', 'inputFormat', 'consumerProperties']);
    expect(Object.keys(json.spec.tuningConfig)).toEqual(['type', 'maxRowsInMemory']);
  });
});

describe('supervisorEndpoint', () => {
  it.each([
    ['http://overlord:8090', 'http://overlord:8090/druid/indexer/v1/supervisor'],
    ['http://router:8888/', 'http://router:8888/druid/indexer/v1/supervisor'],
    ['https://druid.example.com/proxy', 'https://druid.example.com/proxy/druid/indexer/v1/supervisor'],
    ['http://overlord:8090/druid/indexer/v1/supervisor', 'http://overlord:8090/druid/indexer/v1/supervisor'],
  ])('%s posts to %s', (base, url) => {
    expect(supervisorEndpoint(base)).toBe(url);
  });

  it('rejects what is not an http URL, saying what it expects', () => {
    expect(() => supervisorEndpoint('overlord:8090')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => supervisorEndpoint('not a url')).toThrow(/is not a URL/);
  });
});

describe('specToCurl', () => {
  it('posts JSON to the supervisor endpoint the way the seeds do', () => {
    const command = specToCurl(CLICKS_SPEC, 'http://hp101:8090');
    expect(command.split('\n')[0]).toBe(
      "curl -X POST -H 'Content-Type: application/json' --data-binary @- 'http://hp101:8090/druid/indexer/v1/supervisor' <<'TRIBUTARY_SPEC'",
    );
  });

  it('passes any content through the shell unchanged', () => {
    const nasty = clicksSpecWith((s) => {
      s.spec.dataSchema.transformSpec = {
        transforms: [{ type: 'expression', name: 'label', expression: `concat('it''s', "$HOME", \`whoami\`, '\\n', 'TRIBUTARY_SPEC')` }],
      };
    });
    const command = specToCurl(nasty, 'http://localhost:8090');
    // Replace curl with cat to see exactly the bytes the shell would send.
    const sent = execFileSync('sh', ['-c', command.replace(/^curl .*? <</, 'cat <<')], { encoding: 'utf8' });
    expect(JSON.parse(sent)).toEqual(nasty);
  });
});
