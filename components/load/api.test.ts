import { expect, it } from 'vitest';
import { readNdjson } from './api';

it('reassembles JSON lines split across chunks', async () => {
  const chunks = ['{"a":', '1}\n{"b"', ':2}\n', '{"c":3}'];
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });
  const values: unknown[] = [];
  await readNdjson(body, (v) => values.push(v));
  expect(values).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
});
