// Raw web server access-log lines in the combined log format (Apache's and nginx's
// default), one per record: the case for Druid's regex input format.
// Format: %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"
import type { Rng } from '../rng';
import type { StreamTopic } from '../types';

const REQUESTS = [
  ['GET', '/'],
  ['GET', '/pricing'],
  ['GET', '/docs/ingestion/kafka'],
  ['GET', '/static/app.js'],
  ['GET', '/static/logo.png'],
  ['POST', '/api/login'],
  ['GET', '/search?q=druid+kafka'],
] as const;
const STATUSES = [200, 200, 200, 200, 200, 304, 301, 404, 500] as const;
const REFERERS = ['-', 'https://www.google.com/', 'https://example.com/blog/druid'] as const;
const USER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'curl/8.8.0',
] as const;
const USERS = ['-', '-', '-', 'frank', 'ops'] as const;

export const webAccessLog: StreamTopic = {
  name: 'web-access-log',
  partitions: 2,
  ratePerSec: 2,
  generate(rng, arrivalMs) {
    const [method, path] = rng.pick(REQUESTS);
    const status = rng.pick(STATUSES);
    // Combined log format writes "-" for a response without a body.
    const bytes = status === 304 ? '-' : String(rng.int(200, 60_000));
    const line =
      `${clientIp(rng)} - ${rng.pick(USERS)} [${clfTime(arrivalMs)}] "${method} ${path} HTTP/1.1" ` +
      `${status} ${bytes} "${rng.pick(REFERERS)}" "${rng.pick(USER_AGENTS)}"`;
    return { value: line, timestamp: arrivalMs };
  },
};

/** "10/Oct/2000:13:55:36 +0000", the log's own time format, in UTC. */
export function clfTime(ms: number): string {
  // ECMA-262 fixes toUTCString's form: "Tue, 10 Oct 2000 13:55:36 GMT".
  const [, day, month, year, time] = new Date(ms).toUTCString().split(' ');
  return `${day}/${month}/${year}:${time} +0000`;
}

function clientIp(rng: Rng): string {
  return `${rng.pick([10, 172, 192, 203])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}
