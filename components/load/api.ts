// Browser side of /api/kafka: query options with hierarchical keys, and the streamed sample reader.
import { queryOptions } from '@tanstack/react-query';
import { ApiRequestError, fetchJson } from '@/components/ui/fetch-json';
import { SampleEventSchema, TopicDetailSchema, TopicListSchema, type SampleEvent, type SampleRequestInput } from '@/lib/kafka/schemas';

/** The topic list's figures (rate, newest message) are live: refresh while the list is on screen. */
export const TOPICS_REFRESH_MS = 5_000;

export const kafkaKeys = {
  all: ['kafka'] as const,
  topics: (internal: boolean) => ['kafka', 'topics', { internal }] as const,
  topic: (name: string) => ['kafka', 'topics', name] as const,
};

export const topicsQuery = (internal: boolean) =>
  queryOptions({
    queryKey: kafkaKeys.topics(internal),
    queryFn: async ({ signal }) => TopicListSchema.parse(await fetchJson(`/api/kafka/topics${internal ? '?internal=true' : ''}`, { signal })),
    refetchInterval: TOPICS_REFRESH_MS,
  });

export const topicQuery = (name: string) =>
  queryOptions({
    queryKey: kafkaKeys.topic(name),
    queryFn: async ({ signal }) => TopicDetailSchema.parse(await fetchJson(`/api/kafka/topics/${encodeURIComponent(name)}`, { signal })),
    refetchInterval: TOPICS_REFRESH_MS,
    retry: (count, error) => !(error instanceof ApiRequestError && error.status < 500) && count < 1,
  });

/** Posts a sample request and calls `onEvent` for each NDJSON event as it arrives. */
export async function streamSample(topic: string, request: SampleRequestInput, onEvent: (event: SampleEvent) => void, signal: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/kafka/topics/${encodeURIComponent(topic)}/sample`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify(request),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'network', "Tributary's server cannot be reached. Is it still running?");
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
    throw new ApiRequestError(response.status, body?.error?.code ?? 'http', body?.error?.message ?? `The sample failed with HTTP ${response.status}.`);
  }
  await readNdjson(response.body, (value) => onEvent(SampleEventSchema.parse(value)));
}

/** Splits a byte stream into JSON lines; a line may arrive in pieces. */
export async function readNdjson(body: ReadableStream<Uint8Array>, onValue: (value: unknown) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onValue(JSON.parse(line));
    }
    if (done) break;
  }
  if (buffered.trim()) onValue(JSON.parse(buffered));
}
