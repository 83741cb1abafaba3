// The audit log's entries: one JSON line per action or submit, so `grep` and `jq` can read it.
import { z } from 'zod';

export const AuditEntrySchema = z.object({
  time: z.string(),
  action: z.string(),
  supervisorId: z.string(),
  /** unknown: Druid did not answer in time and reading it back could not show the action done. */
  outcome: z.enum(['ok', 'unchanged', 'refused', 'failed', 'unknown']),
  /** The signed-in user when the app requires basic auth; absent otherwise. */
  user: z.string().optional(),
  /** Why it failed, or what was done beyond the action's name (created, updated, offsets...). */
  detail: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export function auditLine(entry: AuditEntry): string {
  const ordered: AuditEntry = {
    time: entry.time,
    action: entry.action,
    supervisorId: entry.supervisorId,
    outcome: entry.outcome,
    ...(entry.user !== undefined ? { user: entry.user } : {}),
    ...(entry.detail !== undefined ? { detail: entry.detail.replace(/\s+/g, ' ').slice(0, 2_000) } : {}),
  };
  return `${JSON.stringify(ordered)}\n`;
}

/** The user name of an HTTP basic Authorization header, without ever keeping the password. */
export function basicAuthUser(header: string | null): string | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  try {
    const decoded = atob(header.slice(6).trim());
    const colon = decoded.indexOf(':');
    return colon > 0 ? decoded.slice(0, colon) : undefined;
  } catch {
    return undefined;
  }
}
