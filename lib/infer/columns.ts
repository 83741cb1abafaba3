// The columns of a load plan: for each field of the sample, its Druid type, its role and the
// reasons, with the event-time field kept as __time and a field named __time renamed.
import { connectColumnType, type ConnectField } from './decoders/connect';
import type { FieldStat } from './fields';
import type { Column, TimestampCandidate } from './model';
import { chooseRole, type SchemaHint } from './roles';
import { chooseType, profileValues, type TypeChoice } from './types';

export const RESERVED_TIME = '__time';
export const RENAMED_TIME = '__time_original';
const EARLIEST_PLAUSIBLE_MS = Date.UTC(1990, 0, 1);
const DAY_MS = 86_400_000;

function rawTimestampType(stat: FieldStat): TypeChoice {
  const p = profileValues(stat.values);
  if (p.numbers === p.nonNull && p.nonNull > 0) return { type: p.integers === p.numbers ? 'long' : 'double', why: 'the event time: read into __time' };
  return { type: 'string', why: 'the event time: read into __time' };
}

export interface ColumnsInput {
  readonly fields: readonly FieldStat[];
  readonly candidates: readonly TimestampCandidate[];
  readonly connectFields: ReadonlyMap<string, ConnectField>;
  readonly now: number;
}

export interface BuiltColumns {
  readonly columns: Column[];
  readonly timeStat?: FieldStat;
  readonly renamedTimeColumn?: string;
}

export function buildColumns({ fields, candidates, connectFields, now }: ColumnsInput): BuiltColumns {
  const chosen = candidates[0];
  const timeStat = fields.find((f) => f.name === chosen.column);
  // Numbers that read as plausible times are secondary times: dimensions, not metrics.
  const plausible = (ms: number | null) => ms !== null && ms >= EARLIEST_PLAUSIBLE_MS && ms <= now + DAY_MS;
  const timeLike = new Set(
    candidates.filter((c) => c.parseRate >= 0.9 && plausible(c.evidence.minMs) && plausible(c.evidence.maxMs)).map((c) => c.column),
  );
  let renamedTimeColumn: string | undefined;
  const columns: Column[] = fields.map((stat) => {
    const name = stat.name === RESERVED_TIME && stat !== timeStat ? RENAMED_TIME : stat.name;
    if (name !== stat.name) renamedTimeColumn = name;
    const path = stat.path || undefined;
    const profile = profileValues(stat.values);
    if (stat === timeStat) {
      const raw = rawTimestampType(stat);
      return { name, path, type: raw.type, role: 'none', why: `${raw.why} (${chosen.why})`, distinctCount: profile.distinct };
    }
    const field = connectFields.get(stat.name);
    const typed = (field ? connectColumnType(field) : null) ?? chooseType(name, profile);
    const hint: SchemaHint = { connectType: field?.type, logicalType: field?.name, isTime: timeLike.has(stat.name) };
    const role = chooseRole(name, typed.type, profile, hint);
    return {
      name, path, type: typed.type, role: role.role, aggregator: role.aggregator,
      why: `${typed.why}; ${role.why}`, distinctCount: profile.distinct,
      highCardinality: role.highCardinality, sketch: role.sketch,
    };
  });
  return { columns, timeStat, renamedTimeColumn };
}
