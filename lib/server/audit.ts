// The audit trail in Tributary's store: one entry per mutating request, written before Druid is
// asked (so no action goes unrecorded) and completed with Druid's answer; refusals get one too.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { getConfig } from '@/lib/config';
import type { ApiErrorInfo, Identity, Refusal } from '@/lib/http';
import { AuditChangesSchema, AuditEntrySchema, auditJsonLine, auditTargetOf, type AuditChanges, type AuditEntry, type AuditOutcome, type AuditPage, type AuditQuery } from '@/lib/operate/audit-entry';
import { eachAuditRow, findAuditRows, insertAuditRow, openStore, StoreError, updateAuditRow, withLease, LeaseWaitError, type AuditFilter, type AuditRow, type NewAuditRow, type Store } from '@/lib/store';

let opening: Promise<Store> | undefined;

/** The process's store, opened and migrated on first use; a failed open is tried again next time. */
export function store(): Promise<Store> {
  opening ??= openStore(getConfig().store).catch((error) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Closes the store; the next use opens it again (tests that change the configuration). */
export async function closeStore(): Promise<void> {
  const open = opening;
  opening = undefined;
  await (await open?.catch(() => undefined))?.close();
}

/** Who is asking and from where, as the route wrapper recognised them. */
export interface Actor {
  readonly identity?: Identity | null;
  readonly clientAddress?: string | null;
}

export interface DruidAnswerSummary {
  readonly druidStatus: number | null;
  readonly druidAnswer: string | null;
}

export interface AuditFinish extends Partial<DruidAnswerSummary> {
  readonly detail?: string | null;
  readonly changes?: AuditChanges | null;
}

const MAX_TEXT = 2_000;
const oneLine = (text: string | null | undefined) => (text == null ? null : text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT));

function newRow(actor: Actor, at: number, fields: { action: string; supervisorId: string | null; specHash?: string | null; outcome: AuditOutcome }): NewAuditRow {
  return {
    at: new Date(at).toISOString(),
    userName: actor.identity?.user ?? null,
    role: actor.identity?.role ?? null,
    via: actor.identity?.via ?? null,
    clientAddress: actor.clientAddress ?? null,
    action: fields.action,
    supervisorId: fields.supervisorId,
    specHash: fields.specHash ?? null,
    changes: null,
    druidStatus: null,
    druidAnswer: null,
    durationMs: null,
    outcome: fields.outcome,
    detail: null,
    resolvedAt: null,
  };
}

function finishFields(finish: AuditFinish) {
  return {
    ...(finish.druidStatus !== undefined ? { druidStatus: finish.druidStatus } : {}),
    ...(finish.druidAnswer !== undefined ? { druidAnswer: oneLine(finish.druidAnswer) } : {}),
    ...(finish.detail !== undefined ? { detail: oneLine(finish.detail) } : {}),
    ...(finish.changes !== undefined ? { changes: finish.changes ? JSON.stringify(finish.changes) : null } : {}),
  };
}

/** An entry written when a request starts; finish() records how it ended. */
export class OpenAuditEntry {
  constructor(
    readonly id: number,
    readonly startedAt: number,
  ) {}

  /** A failed write is reported in the server log: Druid has already acted, the answer must still reach the user. */
  async finish(outcome: AuditOutcome, finish: AuditFinish = {}): Promise<void> {
    await write(this.id, { outcome, durationMs: Date.now() - this.startedAt, ...finishFields(finish) });
  }

  /** Settles an outcome first recorded as unknown, once reading Druid back has shown what happened. */
  async resolve(outcome: AuditOutcome, detail: string): Promise<void> {
    await write(this.id, { outcome, detail: oneLine(detail), resolvedAt: new Date().toISOString() });
  }
}

async function write(id: number, update: Parameters<typeof updateAuditRow>[2]): Promise<void> {
  try {
    await updateAuditRow((await store()).db, id, update);
  } catch (error) {
    console.error(`Tributary could not complete audit entry ${id}: ${(error as Error).message}`);
  }
}

/**
 * Records a mutating request before anything reaches Druid. When the trail cannot record it,
 * the request is refused (503): nothing is done that the audit trail would not show.
 */
export async function openAuditEntry(actor: Actor, fields: { action: string; supervisorId: string | null; specHash?: string | null }): Promise<OpenAuditEntry> {
  const startedAt = Date.now();
  try {
    const id = await insertAuditRow((await store()).db, newRow(actor, startedAt, { ...fields, outcome: 'unknown' }));
    return new OpenAuditEntry(id, startedAt);
  } catch (error) {
    const reason = error instanceof StoreError ? error.message : `Tributary's store failed: ${(error as Error).message}`;
    throw new StoreError(`Nothing was sent to Druid: the ${fields.action} could not be recorded in the audit trail. ${reason}`, { cause: error });
  }
}

/** One finished entry at once: a request refused before it could reach Druid. Never throws. */
export async function recordAudit(
  actor: Actor,
  fields: { action: string; supervisorId: string | null; specHash?: string | null; outcome: AuditOutcome; startedAt?: number } & AuditFinish,
): Promise<void> {
  const startedAt = fields.startedAt ?? Date.now();
  try {
    await insertAuditRow((await store()).db, { ...newRow(actor, startedAt, fields), durationMs: Date.now() - startedAt, ...finishFields(fields) });
  } catch (error) {
    console.error(`Tributary could not record the refused ${fields.action} in the audit trail: ${(error as Error).message}`);
  }
}

// ── Refusals the route wrapper reports ──────────────────────────────────────────────────────

const recorded = new WeakSet<object>();

/** Marks an error whose entry the handler wrote itself, so the route wrapper does not write a second. */
export function markAudited<E>(error: E): E {
  if (typeof error === 'object' && error !== null) recorded.add(error);
  return error;
}

export function isAudited(error: unknown): boolean {
  return typeof error === 'object' && error !== null && recorded.has(error);
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The route wrapper's hook: one refused entry for a change turned down (sign-in, role, read-only,
 * bad input), unless the handler wrote its own. Reads turned down (a viewer opening the trail) are not recorded.
 */
export async function auditRefusal(refusal: Refusal): Promise<void> {
  if (READS.has(refusal.request.method.toUpperCase()) || isAudited(refusal.error)) return;
  const target = auditTargetOf(refusal.request.method.toUpperCase(), new URL(refusal.request.url).pathname);
  await recordAudit(refusal, { ...target, outcome: 'refused', startedAt: Date.now() - refusal.durationMs, ...refusalFinish(refusal.info) });
}

function refusalFinish(info: ApiErrorInfo): AuditFinish {
  return { detail: `HTTP ${info.status} ${info.code}: ${info.message}` };
}

// ── Serializing one supervisor's submits ─────────────────────────────────────────────────────

/** This process among the instances that share the store. */
const INSTANCE = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
/** A crashed instance's claim lapses after this; longer than any submit's route deadline. */
const SUBMIT_LEASE_MS = 120_000;
const inProcess = new Map<string, Promise<unknown>>();

/**
 * Runs one supervisor's submits one after another: in this process by chaining them, across
 * instances by a lease in the shared store. Each submit then reads the spec the previous one left
 * in Druid, so identical submits find it unchanged instead of each creating the supervisor.
 */
export async function oneSubmitAtATime<T>(supervisorId: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  const previous = inProcess.get(supervisorId) ?? Promise.resolve();
  const turn = previous.catch(() => undefined).then(async () => {
    const db = (await store()).db;
    try {
      return await withLease(db, `submit:${supervisorId}`, `${INSTANCE}:${randomUUID().slice(0, 8)}`, { ttlMs: SUBMIT_LEASE_MS, signal }, work);
    } catch (error) {
      if (error instanceof LeaseWaitError) throw new SubmitBusyError(supervisorId);
      throw error;
    }
  });
  inProcess.set(supervisorId, turn);
  try {
    return await turn;
  } finally {
    if (inProcess.get(supervisorId) === turn) inProcess.delete(supervisorId);
  }
}

export class SubmitBusyError extends Error {
  constructor(readonly supervisorId: string) {
    super(`Another submit of supervisor "${supervisorId}" is still running (from this or another Tributary instance). Nothing was sent; try again in a moment.`);
    this.name = 'SubmitBusyError';
  }

  toApiError(): ApiErrorInfo {
    return { status: 409, code: 'submit_in_progress', message: this.message };
  }
}

// ── Reading the trail ────────────────────────────────────────────────────────────────────────

export function entryOf(row: AuditRow): AuditEntry {
  let changes: AuditChanges | null = null;
  if (row.changes) {
    try {
      changes = AuditChangesSchema.parse(JSON.parse(row.changes));
    } catch {
      changes = null;
    }
  }
  return AuditEntrySchema.parse({
    id: Number(row.id),
    at: row.at,
    user: row.userName,
    role: row.role,
    via: row.via,
    clientAddress: row.clientAddress,
    action: row.action,
    supervisorId: row.supervisorId,
    specHash: row.specHash,
    changes,
    druidStatus: row.druidStatus === null ? null : Number(row.druidStatus),
    druidAnswer: row.druidAnswer,
    durationMs: row.durationMs === null ? null : Number(row.durationMs),
    outcome: row.outcome,
    detail: row.detail,
    resolvedAt: row.resolvedAt,
  });
}

export function filterOf(query: AuditQuery): AuditFilter {
  return { user: query.user, supervisorId: query.supervisor, action: query.action, outcome: query.outcome, from: query.from, to: query.to };
}

export async function auditPage(query: AuditQuery, pageSize: number): Promise<AuditPage> {
  const page = await findAuditRows((await store()).db, filterOf(query), { limit: query.limit ?? pageSize, before: query.before });
  return { entries: page.rows.map(entryOf), total: page.total, nextBefore: page.nextBefore };
}

/**
 * Every matching entry, oldest first, as JSON lines streamed while they are read. The store is
 * opened first, so a store that is down answers 503 JSON rather than a broken download.
 */
export async function auditExport(query: AuditQuery, now = new Date()): Promise<Response> {
  const rows = eachAuditRow((await store()).db, filterOf(query));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(auditJsonLine(entryOf(next.value))));
      } catch (error) {
        console.error(`Tributary's audit export stopped: ${(error as Error).message}`);
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const day = now.toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="tributary-audit-${day}.jsonl"`,
      'cache-control': 'no-store',
    },
  });
}
