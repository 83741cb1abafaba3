// Inference speed: parse + infer (format, timestamps, types, roles, granularity, preview) for
// 10,000 records of 30 fields (target under 150 ms) and 1,000 records of 500 fields (target
// under 500 ms). Prints figures; run with `npx tsx bench/infer.bench.ts`.
import { loadavg } from 'node:os';
import { inferSchema, previewPlan, type InferResult } from '@/lib/infer';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);
const RUNS = Number(process.env.RUNS ?? 7);

function makeRecords(count: number, fields: number) {
  const cities = ['paris', 'rome', 'berlin', 'madrid', 'oslo', 'lisbon', 'vienna', 'prague'];
  return Array.from({ length: count }, (_, i) => {
    const value: Record<string, unknown> = { ts: new Date(NOW - (count - i) * 100).toISOString() };
    for (let f = 1; f < fields; f++) {
      switch (f % 5) {
        case 0:
          value[`city_${f}`] = cities[(i + f) % cities.length];
          break;
        case 1:
          value[`bytes_${f}`] = (i * 31 + f) % 10_000;
          break;
        case 2:
          value[`latency_ms_${f}`] = ((i * 7 + f) % 1000) / 10;
          break;
        case 3:
          value[`user_id_${f}`] = `u${(i * 13 + f) % 500}`;
          break;
        default:
          value[`flag_${f}`] = (i + f) % 2 === 0;
      }
    }
    return { partition: i % 4, offset: String(i), timestamp: NOW - (count - i) * 100 + 5, key: null, value: JSON.stringify(value) };
  });
}

async function measure(label: string, count: number, fields: number, targetMs: number): Promise<void> {
  const records = makeRecords(count, fields);
  const bytes = records.reduce((sum, r) => sum + r.value.length, 0);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let first = 0;
  let columns = 0;
  let last: InferResult | undefined;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await inferSchema({ records }, { now: NOW });
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    times.push(performance.now() - start);
    if (run === 0) first = times[0];
    columns = result.columns.length;
    last = result;
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const cpuMedian = cpuTimes[Math.floor(cpuTimes.length / 2)];
  console.log(
    `${label}: ${count} records x ${fields} fields (${(bytes / 1e6).toFixed(1)} MB, ${columns} columns) — ` +
      `median ${median.toFixed(1)} ms, best ${times[0].toFixed(1)} ms, first (cold) ${first.toFixed(1)} ms ` +
      `over ${RUNS} runs; CPU time median ${cpuMedian.toFixed(1)} ms; target < ${targetMs} ms: ${median < targetMs ? 'met' : 'MISSED'}`,
  );
  if (!last) return;
  // Re-preview after an edit (one dimension dropped): what the wizard does on every change.
  const result = last;
  const edited = { ...result.plan, columns: result.plan.columns.map((c, i) => (i === 1 ? { ...c, role: 'none' as const } : c)) };
  const previews: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    previewPlan(result.sample, edited, { now: NOW });
    previews.push(performance.now() - start);
  }
  previews.sort((a, b) => a - b);
  console.log(`${label}: re-preview of an edited plan — median ${previews[Math.floor(RUNS / 2)].toFixed(1)} ms, best ${previews[0].toFixed(1)} ms`);
}

async function main(): Promise<void> {
  // Other work on the machine skews wall-clock timings; CPU time is printed beside them.
  console.log(`load average (1 min) at start: ${loadavg()[0].toFixed(2)}`);
  await measure('narrow', 10_000, 30, 150);
  await measure('wide', 1_000, 500, 500);
}

void main();
