'use client';
// The columns Druid will store: name, type, role and aggregator, why inference suggested each,
// and for high-cardinality dimensions the offer of a sketch instead.
import { useState } from 'react';
import type { Column, ColumnType, LoadPlan, Role } from '@/lib/infer';
import type { PlanEdit } from '../use-schema-plan';
import { AGGREGATORS, renameColumn, setAggregator, setRole, setType, countWithSketch } from './plan-edits';

const TYPES: readonly ColumnType[] = ['string', 'long', 'double', 'json', 'array<string>', 'array<long>', 'array<double>'];
const ROLES: readonly { id: Role; label: string }[] = [
  { id: 'dimension', label: 'dimension' },
  { id: 'metric', label: 'metric' },
  { id: 'none', label: 'not stored' },
];

export function ColumnsTable({ plan, edit }: { plan: LoadPlan; edit: (change: PlanEdit) => void }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table aria-label="Columns" className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            {['Column', 'Type', 'Role', 'Aggregator', 'Why'].map((h) => (
              <th key={h} scope="col" className="px-2 py-1.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {plan.columns.map((column, i) => (
            <ColumnRow key={`${i}|${column.path ?? ''}`} column={column} isTime={column.name === plan.timestamp.column} edit={edit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ColumnRow({ column, isTime, edit }: { column: Column; isTime: boolean; edit: (change: PlanEdit) => void }) {
  const [name, setName] = useState(column.name);
  const rename = () => name !== column.name && edit((p) => renameColumn(p, column.name, name));
  const label = column.name;
  return (
    <tr data-column={column.name}>
      <td className="px-2 py-1">
        <input
          aria-label={`Name of ${label}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => e.key === 'Enter' && rename()}
          className="w-40 rounded border border-slate-300 px-2 py-0.5 font-mono text-xs"
        />
        {isTime && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">event time → __time</span>}
      </td>
      <td className="px-2 py-1">
        <select aria-label={`Type of ${label}`} value={column.type} onChange={(e) => edit((p) => setType(p, column.name, e.target.value as ColumnType))} className="rounded border border-slate-300 px-1 py-0.5 text-xs">
          {TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </td>
      <td className="px-2 py-1">
        <select aria-label={`Role of ${label}`} value={column.role} onChange={(e) => edit((p) => setRole(p, column.name, e.target.value as Role))} className="rounded border border-slate-300 px-1 py-0.5 text-xs">
          {ROLES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </td>
      <td className="px-2 py-1">
        {column.role === 'metric' && (
          <select aria-label={`Aggregator of ${label}`} value={column.aggregator?.type ?? ''} onChange={(e) => edit((p) => setAggregator(p, column.name, e.target.value))} className="rounded border border-slate-300 px-1 py-0.5 text-xs">
            {[...new Set([...AGGREGATORS, column.aggregator?.type ?? 'longSum'])].map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        )}
        {column.highCardinality && column.role === 'dimension' && (
          <span className="ml-1 inline-flex items-center gap-1 text-xs text-amber-800">
            high cardinality ({column.distinctCount?.toLocaleString('en-US')} distinct)
            <button type="button" onClick={() => edit((p) => countWithSketch(p, column.name))} className="rounded border border-amber-400 px-1.5 py-0.5 hover:bg-amber-50">
              Count it with a sketch
            </button>
          </span>
        )}
      </td>
      <td className="max-w-sm px-2 py-1 text-xs text-slate-600">
        <details>
          <summary className="cursor-pointer" title={column.why}>
            why?
          </summary>
          <p>{column.why}</p>
        </details>
      </td>
    </tr>
  );
}
