// CSV of the form (R-T6): UTF-8 with a byte-order mark so spreadsheet programs read the Chinese.
import type { MonthlyReport } from '../report';
import { cellValue, reportTitle, tableColumns, tableRows } from './report-table';

const quote = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function reportCsv(report: MonthlyReport): Buffer {
  const { title } = reportTitle(report);
  const lines = [
    [title],
    ['单位', ...tableColumns.map((c) => `${c.group}：${c.header}`)],
    ...tableRows(report).map((row) => [row.label, ...tableColumns.map((c) => cellValue(c, row.figures))]),
  ];
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}
