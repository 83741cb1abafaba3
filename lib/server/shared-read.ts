// Reads shared by every viewer, kept fresh on a fixed period while anyone watches: the first
// caller of a key waits for its read; later callers get the latest answer at once while the next
// is read every periodMs, so twenty open pages cost Druid what one does and nobody waits for a
// refresh. A key nobody asked for within idleMs is dropped with its timer.
//
// Next bundles each route separately: a caller keeps the instance process-wide (processWide) so
// the list, status, lag and action routes share one copy.

export interface SharedReads<T> {
  get(key: string, read: () => Promise<T>): Promise<T>;
  /** The next caller reads anew and waits for it (after an action, so the change shows at once). */
  forget(key: string): void;
}

interface Entry<T> {
  read: () => Promise<T>;
  /** The latest settled answer, or the first read while it runs. A failure is kept until the next read settles. */
  latest: Promise<T>;
  refreshing: boolean;
  lastAskedAt: number;
  timer: ReturnType<typeof setInterval>;
}

export function sharedReads<T>(periodMs: number, options: { idleMs?: number; maxKeys?: number } = {}): SharedReads<T> {
  const idleMs = options.idleMs ?? 3 * periodMs;
  const maxKeys = options.maxKeys ?? 1_000;
  const entries = new Map<string, Entry<T>>();

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (entry) clearInterval(entry.timer);
    entries.delete(key);
  };
  const refresh = (key: string, entry: Entry<T>) => {
    if (Date.now() - entry.lastAskedAt > idleMs) return drop(key);
    if (entry.refreshing) return;
    entry.refreshing = true;
    const next = entry.read();
    // Swapped in once settled, so callers meanwhile get the previous answer without waiting.
    next.then(
      () => settle(),
      () => settle(),
    );
    const settle = () => {
      entry.refreshing = false;
      if (entries.get(key) === entry) entry.latest = next;
    };
  };

  return {
    get(key, read) {
      const known = entries.get(key);
      if (known) {
        known.lastAskedAt = Date.now();
        known.read = read;
        return known.latest;
      }
      const first = read();
      const entry: Entry<T> = { read, latest: first, refreshing: true, lastAskedAt: Date.now(), timer: setInterval(() => refresh(key, entry), periodMs) };
      // The timer alone must not keep a process (a test, a script) alive.
      entry.timer.unref?.();
      first.then(
        () => (entry.refreshing = false),
        () => {
          entry.refreshing = false;
          // A first read that failed is not kept: the next caller tries again at once.
          if (entries.get(key) === entry) drop(key);
        },
      );
      entries.set(key, entry);
      // The oldest key goes first: Map keeps insertion order.
      if (entries.size > maxKeys) drop(entries.keys().next().value!);
      return first;
    },
    forget: drop,
  };
}

/** One instance per name for the whole process, whichever route bundle asks first. */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`tributary.${name}`);
  const registry = globalThis as Record<symbol, T | undefined>;
  return (registry[key] ??= create());
}

/** One viewer waits for a shared read until it leaves; the read goes on for the others. */
export function whileWatched<T>(shared: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return shared;
  const left = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  return Promise.race([shared, left]);
}
