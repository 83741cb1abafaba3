'use client';
// The input format and its settings: delimiter and column names for delimited text, pattern
// for regex. Typed settings apply on "Apply" so a half-typed pattern does not re-parse.
import { useState, type FormEvent } from 'react';
import type { DecodeSettings, InputFormatName } from '@/lib/infer';

export const FORMAT_CHOICES: readonly { readonly id: InputFormatName; readonly label: string }[] = [
  { id: 'json', label: 'JSON' },
  { id: 'csv', label: 'CSV' },
  { id: 'tsv', label: 'TSV' },
  { id: 'delimited', label: 'Delimited (other delimiter)' },
  { id: 'regex', label: 'Regex' },
  { id: 'kafka-connect-json', label: 'Kafka Connect JSON' },
  { id: 'debezium-json', label: 'Debezium JSON' },
];

const DELIMITER_OF: Partial<Record<InputFormatName, string>> = { csv: ',', tsv: '\t', delimited: '|' };

export function formatLabel(format: InputFormatName): string {
  return FORMAT_CHOICES.find((f) => f.id === format)?.label ?? format.toUpperCase();
}

/** Settings for another format, carrying over what still applies. */
export function switchFormat(decode: DecodeSettings, format: InputFormatName): DecodeSettings {
  if (format === 'regex') return { format, pattern: decode.pattern ?? '^(.*)$', columnNames: decode.pattern ? decode.columnNames : ['line'] };
  const delimiter = DELIMITER_OF[format];
  if (delimiter !== undefined) {
    const keepNames = decode.format !== 'regex' && decode.columnNames;
    return { format, delimiter, columnNames: keepNames ? decode.columnNames : undefined, headerLine: decode.headerLine };
  }
  return { format };
}

const showDelimiter = (d: string | undefined) => (d === '\t' ? '\\t' : d ?? '');
const readDelimiter = (d: string) => (d === '\\t' ? '\t' : d);

export function FormatSettings({ decode, onChange }: { decode: DecodeSettings; onChange: (decode: DecodeSettings) => void }) {
  const key = JSON.stringify(decode);
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <label className="flex items-center gap-3 text-sm">
        <span className="font-medium">Input format</span>
        <select value={decode.format} onChange={(e) => onChange(switchFormat(decode, e.target.value as InputFormatName))} className="rounded-md border border-slate-300 px-2 py-1">
          {FORMAT_CHOICES.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
          {!FORMAT_CHOICES.some((f) => f.id === decode.format) && <option value={decode.format}>{formatLabel(decode.format)} (from the schema registry)</option>}
        </select>
      </label>
      {/* Re-mounted when the settings change elsewhere, so the fields show the plan's values. */}
      {(decode.delimiter !== undefined || decode.format === 'regex') && <TextSettings key={key} decode={decode} onChange={onChange} />}
    </div>
  );
}

function TextSettings({ decode, onChange }: { decode: DecodeSettings; onChange: (decode: DecodeSettings) => void }) {
  const [delimiter, setDelimiter] = useState(showDelimiter(decode.delimiter));
  const [names, setNames] = useState((decode.columnNames ?? []).join(', '));
  const [pattern, setPattern] = useState(decode.pattern ?? '');
  const [problem, setProblem] = useState<string>();

  function apply(event: FormEvent) {
    event.preventDefault();
    const columnNames = names.split(',').map((n) => n.trim()).filter(Boolean);
    if (decode.format === 'delimited' && readDelimiter(delimiter).length !== 1) return setProblem('The delimiter must be one character (\\t for a tab).');
    if (decode.format === 'regex') {
      try {
        new RegExp(pattern);
      } catch (error) {
        return setProblem(`The pattern is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    setProblem(undefined);
    onChange({
      ...decode,
      ...(decode.format === 'delimited' ? { delimiter: readDelimiter(delimiter) } : {}),
      ...(decode.format === 'regex' ? { pattern } : {}),
      columnNames: columnNames.length ? columnNames : undefined,
    });
  }

  return (
    <form onSubmit={apply} aria-label="Format settings" className="space-y-2 text-sm">
      {decode.format === 'delimited' && (
        <label className="flex items-center gap-2">
          <span className="w-32">Delimiter</span>
          <input value={delimiter} onChange={(e) => setDelimiter(e.target.value)} className="w-16 rounded-md border border-slate-300 px-2 py-1 font-mono" />
        </label>
      )}
      {decode.format === 'regex' && (
        <label className="flex items-center gap-2">
          <span className="w-32">Pattern</span>
          <input value={pattern} onChange={(e) => setPattern(e.target.value)} className="flex-1 rounded-md border border-slate-300 px-2 py-1 font-mono" />
        </label>
      )}
      <label className="flex items-center gap-2">
        <span className="w-32">Column names</span>
        <input value={names} onChange={(e) => setNames(e.target.value)} placeholder="in order, separated by commas" className="flex-1 rounded-md border border-slate-300 px-2 py-1 font-mono" />
      </label>
      {decode.headerLine !== undefined && (
        <p className="text-slate-600" data-testid="header-line">
          Header line dropped: <code className="font-mono">{decode.headerLine}</code>
        </p>
      )}
      {problem && (
        <p role="alert" className="text-red-700">
          {problem}
        </p>
      )}
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
        Apply
      </button>
    </form>
  );
}
