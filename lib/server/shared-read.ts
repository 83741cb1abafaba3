// Reads shared by every viewer: a caller within maxAgeMs of the last read of the same key gets
// that read's answer, or waits on it while it runs, so many open pages cost Druid what one does.
// A failed read is not kept: the next caller tries again.
export interface SharedReads<T> {
  get(key: string, read: () => Promise<T>, now?: number): Promise<T>;
  forget(key: string): void;
}

export function sharedReads<T>(maxAgeMs: number, maxKeys = 1_000): SharedReads<T> {
  const reads = new Map<string, { startedAt: number; value: Promise<T> }>();
  return {
    get(key, read, now = Date.now()) {
      const latest = reads.get(key);
      if (latest && now - latest.startedAt < maxAgeMs) return latest.value;
      const current = { startedAt: now, value: read() };
      current.value.catch(() => {
        if (reads.get(key) === current) reads.delete(key);
      });
      reads.delete(key);
      reads.set(key, current);
      // The oldest key goes first: Map keeps insertion order.
      if (reads.size > maxKeys) reads.delete(reads.keys().next().value!);
      return current.value;
    },
    forget(key) {
      reads.delete(key);
    },
  };
}
