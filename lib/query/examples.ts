// Example queries for the demo datasource, in both modes. They follow what people ask
// of a clickstream in Druid: counts, a series over time, a search, a daily series in
// their own time zone.
import type { QueryMode } from './history';

export interface ExampleQuery {
  readonly title: string;
  readonly mode: QueryMode;
  readonly text: string;
}

export const DEMO_DATASOURCE = 'web-clickstream';

const native = (query: object) => JSON.stringify(query, null, 2);
/** Native queries need intervals; this one spans any data a demo or a test can hold. */
const ALL_TIME = ['2000-01-01T00:00:00.000Z/2100-01-01T00:00:00.000Z'];

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  { title: 'Count the rows', mode: 'sql', text: `SELECT COUNT(*) AS "rows"\nFROM "${DEMO_DATASOURCE}"` },
  {
    title: 'Views per hour',
    mode: 'sql',
    text: `SELECT\n  TIME_FLOOR(__time, 'PT1H') AS "hour",\n  SUM("views") AS "views",\n  SUM("latencyMs") / SUM("views") AS "avgLatencyMs"\nFROM "${DEMO_DATASOURCE}"\nGROUP BY 1\nORDER BY 1`,
  },
  {
    title: 'Top pages',
    mode: 'sql',
    text: `SELECT "url", SUM("views") AS "views"\nFROM "${DEMO_DATASOURCE}"\nGROUP BY "url"\nORDER BY "views" DESC\nLIMIT 10`,
  },
  {
    title: 'Search for "roni" in url and user',
    mode: 'sql',
    text: `SELECT "user", "url", SUM("views") AS "views"\nFROM "${DEMO_DATASOURCE}"\nWHERE ICONTAINS_STRING("url", 'roni') OR ICONTAINS_STRING("user", 'roni')\nGROUP BY "user", "url"\nORDER BY "views" DESC`,
  },
  {
    title: 'Views per day in Asia/Shanghai',
    mode: 'sql',
    text: `SELECT\n  TIME_FLOOR(__time, 'P1D', NULL, 'Asia/Shanghai') AS "day",\n  SUM("views") AS "views",\n  SUM("latencyMs") AS "latencyMs"\nFROM "${DEMO_DATASOURCE}"\nGROUP BY 1\nORDER BY 1`,
  },
  { title: 'Latest rows', mode: 'sql', text: `SELECT *\nFROM "${DEMO_DATASOURCE}"\nORDER BY __time DESC\nLIMIT 100` },
  {
    title: 'Timeseries per day in Asia/Shanghai',
    mode: 'native',
    text: native({
      queryType: 'timeseries',
      dataSource: DEMO_DATASOURCE,
      granularity: { type: 'period', period: 'P1D', timeZone: 'Asia/Shanghai' },
      aggregations: [
        { type: 'longSum', name: 'views', fieldName: 'views' },
        { type: 'longSum', name: 'latencyMs', fieldName: 'latencyMs' },
      ],
      intervals: ALL_TIME,
    }),
  },
  {
    title: 'Search for "roni" in url and user',
    mode: 'native',
    text: native({
      queryType: 'search',
      dataSource: DEMO_DATASOURCE,
      intervals: ALL_TIME,
      granularity: 'all',
      searchDimensions: ['url', 'user'],
      query: { type: 'insensitive_contains', value: 'roni' },
    }),
  },
  {
    title: 'Top pages (topN)',
    mode: 'native',
    text: native({
      queryType: 'topN',
      dataSource: DEMO_DATASOURCE,
      intervals: ALL_TIME,
      granularity: 'all',
      dimension: 'url',
      metric: 'views',
      threshold: 10,
      aggregations: [{ type: 'longSum', name: 'views', fieldName: 'views' }],
    }),
  },
];

export const DEFAULT_QUERY: Readonly<Record<QueryMode, string>> = {
  sql: EXAMPLE_QUERIES[1].text,
  native: EXAMPLE_QUERIES.find((example) => example.mode === 'native')!.text,
};
