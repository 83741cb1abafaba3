// How the Load pages write numbers, sizes, rates and ages.

/** Exact digits grouped, for counts that arrive as int64 strings. */
export function formatCount(value: string | number | null): string {
  if (value === null) return '—';
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatRate(perSec: number | null): string {
  if (perSec === null) return '—';
  if (perSec === 0) return 'idle';
  if (perSec < 1) return `${(perSec * 60).toFixed(1)}/min`;
  return `${perSec < 10 ? perSec.toFixed(1) : Math.round(perSec).toLocaleString('en-US')}/s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "12 s ago", "3 min ago", "5 h ago", "2 d ago" — how fresh a topic's newest message is. */
export function formatAge(timestamp: number | null, now: number): string {
  if (timestamp === null) return '—';
  const seconds = Math.max(0, Math.round((now - timestamp) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** Kafka timestamps in UTC with milliseconds: the same text everywhere, matching what Druid stores. */
export function formatTimestamp(timestamp: number | null): string {
  return timestamp === null ? '—' : new Date(timestamp).toISOString().replace('T', ' ').replace('Z', ' UTC');
}

/** A topic's message count; "at least" when some partitions could not be read. */
export function formatTopicMessages(topic: { messages: string | null; partitions: readonly { messages: string | null }[] }): string {
  if (topic.messages === null) return 'unknown';
  return topic.partitions.some((p) => p.messages === null) ? `≥ ${formatCount(topic.messages)}` : formatCount(topic.messages);
}
