// Sharing a message limit fairly among partitions: every partition gets an equal share,
// and what small partitions cannot use goes to the larger ones (water-filling).

/** Splits `limit` over partitions holding `available[i]` messages; returns how many to take from each. */
export function allocateFairly(available: readonly bigint[], limit: number): number[] {
  const shares = available.map(() => 0);
  let remaining = limit;
  let open = available.map((_, i) => i).filter((i) => available[i] > 0n);
  while (remaining > 0 && open.length > 0) {
    const each = Math.max(1, Math.floor(remaining / open.length));
    const next: number[] = [];
    for (const i of open) {
      if (remaining === 0) break;
      const room = available[i] - BigInt(shares[i]);
      const take = room < BigInt(each) ? Number(room) : Math.min(each, remaining);
      shares[i] += take;
      remaining -= take;
      if (available[i] > BigInt(shares[i])) next.push(i);
    }
    open = next;
  }
  return shares;
}
