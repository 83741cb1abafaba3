import { expect, it } from 'vitest';
import { ndjsonResponse } from './sample-stream';
import type { SampleEvent } from './schemas';

const progress = { records: 0, bytes: 0, elapsedMs: 0, expected: 0, partitions: [] };

it('stops the sampler when the reader cancels the stream', async () => {
  let stoppedBy: AbortSignal | undefined;
  let finished = false;
  const response = ndjsonResponse(async function* (signal) {
    stoppedBy = signal;
    try {
      for (;;) {
        yield { type: 'records', records: [], progress } satisfies SampleEvent;
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      finished = true;
    }
  }, new AbortController().signal);
  const reader = response.body!.getReader();
  await reader.read();
  await reader.cancel();
  expect(stoppedBy?.aborted).toBe(true);
  expect(finished).toBe(true);
});

it('ends the stream with an error event when the sampler fails midway', async () => {
  const response = ndjsonResponse(async function* () {
    yield { type: 'records', records: [], progress } satisfies SampleEvent;
    throw Object.assign(new Error('broker 2 went away'), { code: 'kafka_unreachable' });
  }, new AbortController().signal);
  const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.at(-1)).toEqual({ type: 'error', error: { code: 'kafka_unreachable', message: 'broker 2 went away' } });
});
