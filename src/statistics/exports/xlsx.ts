// XLSX of the form (R-T6) with exceljs: grouped two-row header, one row per unit, the total, the
// adjustments; a second sheet with the quantitative evaluation and its inputs (R-T5).
import ExcelJS from 'exceljs';
import type { MonthlyReport } from '../report';
import { cellValue, reportTitle, tableColumns, tableRows } from './report-table';

export async function reportXlsx(report: MonthlyReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Sandiao 三调联动';
  book.created = new Date(report.generatedAt);
  const sheet = book.addWorksheet('统计月报', { views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }] });
  const { title, subtitle } = reportTitle(report);
  const width = tableColumns.length + 1;
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.addRow([subtitle]);
  sheet.mergeCells(2, 1, 2, width);

  // Row 3: groups (merged over their columns); row 4: the measures.
  sheet.addRow(['单位', ...tableColumns.map((c) => c.group)]);
  sheet.addRow(['单位', ...tableColumns.map((c) => c.header)]);
  sheet.mergeCells(3, 1, 4, 1);
  let start = 0;
  for (let i = 1; i <= tableColumns.length; i++) {
    if (i === tableColumns.length || tableColumns[i].group !== tableColumns[start].group) {
      if (i - start > 1) sheet.mergeCells(3, start + 2, 3, i + 1);
      start = i;
    }
  }
  for (const r of [3, 4]) {
    sheet.getRow(r).font = { bold: true };
    sheet.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  sheet.getRow(4).height = 48;
  sheet.getColumn(1).width = 26;
  tableColumns.forEach((c, i) => (sheet.getColumn(i + 2).width = c.header.length > 8 ? 14 : 10));

  for (const row of tableRows(report)) {
    const added = sheet.addRow([row.label, ...tableColumns.map((c) => {
      const v = cellValue(c, row.figures);
      return c.format === 'yuan' && v !== null ? Number(v) : v;
    })]);
    if (row.kind === 'total') added.font = { bold: true };
    tableColumns.forEach((c, i) => {
      if (c.format === 'yuan') added.getCell(i + 2).numFmt = '#,##0.00';
    });
  }

  const evaluation = book.addWorksheet('考核评价');
  evaluation.addRow([`量化考核评价（公式版本 ${report.evaluation.version}）`]);
  evaluation.addRow(['项目', '得分', '公式', '输入']);
  const names = { process: '过程管理', prevention: '预防效果', petition: '信访化解' } as const;
  for (const key of ['process', 'prevention', 'petition'] as const) {
    const s = report.evaluation[key];
    evaluation.addRow([names[key], s.score, s.formula, Object.entries(s.inputs).map(([k, v]) => `${k}=${v ?? '未记录'}`).join('；')]);
  }
  evaluation.getColumn(3).width = 60;
  evaluation.getColumn(4).width = 80;
  return Buffer.from(await book.xlsx.writeBuffer());
}
