// Renders exports in a worker thread (piscina): the fonts are parsed and the PDF drawn off the
// HTTP thread, which only hands over the report and gets bytes back.
import type { MonthlyReport } from '../report';
import { reportCsv } from './csv';
import { reportPdf, type TrendPoint } from './pdf';
import { reportXlsx } from './xlsx';

export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

export interface ExportTask {
  format: ExportFormat;
  report: MonthlyReport;
  trend: TrendPoint[];
}

export default async function render(task: ExportTask): Promise<Uint8Array> {
  switch (task.format) {
    case 'csv':
      return reportCsv(task.report);
    case 'xlsx':
      return reportXlsx(task.report);
    case 'pdf':
      return reportPdf(task.report, task.trend);
  }
}
