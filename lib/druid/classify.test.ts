import { describe, expect, it } from 'vitest';
import { errorFromStatus } from './classify';

const router = (path: string) => ({ service: 'Router', url: 'http://router:8888', method: 'POST', path }) as const;

describe('errorFromStatus behind a Router', () => {
  it('names the Druid process the Router could not reach when it answers 502 on its own', () => {
    expect(errorFromStatus(router('/druid/v2/sql'), 502, 'Bad Gateway', 'text/plain').message).toMatch(/could not get an answer from a Druid Broker/);
    expect(errorFromStatus(router('/druid/indexer/v1/supervisor'), 504, '', null).message).toMatch(/Druid Overlord/);
  });

  it("keeps Druid's own explanation as it is", () => {
    const body = JSON.stringify({ error: 'Query timeout', errorMessage: 'Query [abc] timed out', errorClass: 'org.apache.druid.query.QueryTimeoutException' });
    expect(errorFromStatus(router('/druid/v2/sql'), 504, body, 'application/json').message).not.toMatch(/could not get an answer/);
  });

  it('says nothing about a Router when the Broker is called directly', () => {
    const broker = { service: 'Broker', url: 'http://broker:8082', method: 'POST', path: '/druid/v2/sql' } as const;
    expect(errorFromStatus(broker, 502, 'Bad Gateway', 'text/plain').message).not.toMatch(/Router/);
  });
});
