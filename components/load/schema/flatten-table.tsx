'use client';
// The flattenSpec as a table: each field and the JSONPath it is read from, with the choice to
// keep a nested object whole as one json column or to flatten a json column into its fields.
import { useState } from 'react';
import type { Column, LoadPlan } from '@/lib/infer';
import { rootPathFor } from '@/lib/infer/decode';
import { compilePath } from '@/lib/infer/fields';
import { keepAsJson, nestedGroups, setPath } from './plan-edits';
import type { PlanEdit } from '../use-schema-plan';

interface FlattenTableProps {
  readonly plan: LoadPlan;
  readonly edit: (change: PlanEdit) => void;
  readonly flatten: (name: string) => void;
}

export function FlattenTable({ plan, edit, flatten }: FlattenTableProps) {
  const root = rootPathFor(plan.decode);
  const groups = nestedGroups(plan, root);
  const groupOf = new Map<string, string>();
  for (const [parent, columns] of groups) for (const c of columns) groupOf.set(c.name, parent);
  const firstOfGroup = new Set([...groups.values()].map((columns) => columns[0].name));
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table aria-label="Fields and paths" className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">Field</th>
            <th scope="col" className="px-2 py-1.5 font-medium">Path in the message</th>
            <th scope="col" className="px-2 py-1.5 font-medium">Nested data</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {plan.columns.map((column) => (
            <tr key={`${column.name}|${column.path}`}>
              <td className="px-2 py-1 font-mono">{column.name}</td>
              <td className="px-2 py-1">
                <PathInput column={column} onChange={(path) => edit((p) => setPath(p, column.name, path))} />
              </td>
              <td className="px-2 py-1 text-xs">
                {column.type === 'json' && (
                  <button type="button" onClick={() => flatten(column.name)} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">
                    Flatten {column.name}
                  </button>
                )}
                {firstOfGroup.has(column.name) && (
                  <label className="inline-flex items-center gap-1">
                    <input type="checkbox" onChange={() => edit((p) => keepAsJson(p, groupOf.get(column.name) as string, lastStep(groupOf.get(column.name) as string)))} />
                    Keep {groupOf.get(column.name)} as one json column
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function lastStep(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

function PathInput({ column, onChange }: { column: Column; onChange: (path: string) => void }) {
  const [text, setText] = useState(column.path ?? '');
  const invalid = text !== '' && compilePath(text) === null;
  return (
    <span className="flex items-center gap-2">
      <input
        aria-label={`Path of ${column.name}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => !invalid && text !== (column.path ?? '') && onChange(text)}
        onKeyDown={(e) => e.key === 'Enter' && !invalid && onChange(text)}
        aria-invalid={invalid}
        className={`w-72 rounded border px-2 py-0.5 font-mono text-xs ${invalid ? 'border-red-400' : 'border-slate-300'}`}
      />
      {invalid && <span className="text-xs text-red-700">not a path such as $.a.b or $.list[0]</span>}
    </span>
  );
}
