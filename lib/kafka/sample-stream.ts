// A sample as an NDJSON response: one event per line, flushed as it is read, so the page shows
// progress while the sample runs. When the client goes away, the sampler stops fetching.
import 'server-only';
import type { SampleEvent } from './schemas';

export const NDJSON = 'application/x-ndjson';

export function ndjsonResponse(run: (signal: AbortSignal) => AsyncGenerator<SampleEvent>, requestSignal: AbortSignal): Response {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  requestSignal.addEventListener('abort', onAbort, { once: true });
  const encoder = new TextEncoder();
  const events = run(AbortSignal.any([stop.signal, requestSignal]));
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await events.next();
        if (next.done) {
          requestSignal.removeEventListener('abort', onAbort);
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(JSON.stringify(next.value) + '\n'));
      } catch (error) {
        // Headers are sent already: the failure travels as the stream's last event.
        const message = (error as { message?: string })?.message ?? String(error);
        const code = (error as { code?: string })?.code ?? 'sample_failed';
        controller.enqueue(encoder.encode(JSON.stringify({ type: 'error', error: { code, message } } satisfies SampleEvent) + '\n'));
        controller.close();
      }
    },
    async cancel() {
      stop.abort();
      await events.return(undefined);
    },
  });
  return new Response(body, { headers: { 'content-type': NDJSON, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
}
