// The audit log writer: one JSON line per supervisor action or submit, appended to the configured file.
import 'server-only';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { auditLine, type AuditEntry } from '@/lib/operate';

let queue: Promise<void> = Promise.resolve();

/**
 * Appends in call order. A failed write is reported in the server log and does not undo or fail
 * the action, which Druid has already carried out.
 */
export function writeAudit(entry: Omit<AuditEntry, 'time'>): Promise<void> {
  const file = getConfig().auditLogFile;
  const line = auditLine({ time: new Date().toISOString(), ...entry });
  queue = queue.then(async () => {
    try {
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
      await appendFile(file, line, 'utf8');
    } catch (error) {
      console.error(`Tributary could not write the audit log ${file}: ${(error as Error).message}`);
    }
  });
  return queue;
}
