// A result table as RFC 4180 CSV, for copy and download. Values are written as the
// grid received them, so big integers stay exact and times keep Druid's ISO form.
import type { ResultTable } from './schemas';

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Pick<ResultTable, 'columns' | 'rows'>): string {
  const lines = [table.columns.map((column) => field(column.name)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((_, i) => field(row[i])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
