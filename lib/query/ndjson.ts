// Events as an NDJSON response body, one JSON object a line, flushed as produced.
// Framework-free: web-standard streams only, so route handlers and tests share it.
import { stringifyDruidJson } from '../druid/json';

export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';

export interface NdjsonOptions<E> {
  /** The event a failure after the headers were sent becomes (the status can no longer change). */
  readonly failureEvent: (error: unknown) => E;
  /** Called once when the reader goes away before the events ended. */
  readonly onAbandon?: () => void;
}

export function ndjsonResponse<E>(events: AsyncGenerator<E>, options: NdjsonOptions<E>): Response {
  const encoder = new TextEncoder();
  // Big integers arrive as exact decimal strings; stringifyDruidJson keeps bigint values exact too.
  const line = (event: E) => encoder.encode(`${stringifyDruidJson(event)}\n`);
  let finished = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await events.next();
        if (finished) return;
        if (next.done) {
          finished = true;
          controller.close();
          return;
        }
        controller.enqueue(line(next.value));
      } catch (error) {
        if (finished) return;
        finished = true;
        // Headers are sent already: the failure travels as the stream's last event.
        controller.enqueue(line(options.failureEvent(error)));
        controller.close();
      }
    },
    async cancel() {
      if (finished) return;
      finished = true;
      options.onAbandon?.();
      await events.return(undefined);
    },
  });
  return new Response(body, { headers: { 'content-type': NDJSON_CONTENT_TYPE, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
}
