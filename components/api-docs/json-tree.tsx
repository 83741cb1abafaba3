// A JSON value as a tree whose objects and arrays fold: the schemas of the API page, readable
// at a glance near the top and in full a click further down.
import type { ReactNode } from 'react';

/** Levels open when the tree first shows; deeper ones wait for a click. */
const OPEN_DEPTH = 2;

export function JsonTree({ value, label }: { value: unknown; label?: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs leading-5">
      <Node value={value} label={label} depth={0} />
    </div>
  );
}

function Node({ value, label, depth }: { value: unknown; label?: string; depth: number }): ReactNode {
  const key = label !== undefined ? <span className="text-slate-500">{label}: </span> : null;
  if (typeof value !== 'object' || value === null) {
    return (
      <div>
        {key}
        <Primitive value={value} />
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div>
        {key}
        <span className="text-slate-500">{`${open}${close}`}</span>
      </div>
    );
  }
  return (
    <details open={depth < OPEN_DEPTH}>
      <summary className="cursor-pointer select-none">
        {key}
        <span className="text-slate-500">
          {open} {entries.length} {Array.isArray(value) ? (entries.length === 1 ? 'item' : 'items') : entries.length === 1 ? 'key' : 'keys'} {close}
        </span>
      </summary>
      <div className="ml-3 border-l border-slate-200 pl-3">
        {entries.map(([name, inner]) => (
          <Node key={name} label={name} value={inner} depth={depth + 1} />
        ))}
      </div>
    </details>
  );
}

function Primitive({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="break-all text-emerald-700">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="text-sky-700">{value}</span>;
  return <span className="text-violet-700">{String(value)}</span>;
}
