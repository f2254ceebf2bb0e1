// PDF of the monthly report (R-T6): key figures, the evaluation (R-T5), and three charts drawn as
// vector graphics — cases by dispute type, the 12-month trend, success rate by child unit.
import PDFDocument from 'pdfkit';
import { fenToYuan } from '../../common/money';
import { derived, measures } from '../measures';
import { monthLabel, type Month } from '../month';
import type { MonthlyReport } from '../report';
import { groupedColumns, horizontalBars } from './charts';
import { reportTypefaces } from './fonts';
import { reportTitle } from './report-table';

export interface TrendPoint {
  month: Month;
  mediated: number;
  succeeded: number;
}

const keyFigures = [
  'mediated', 'succeeded', 'failed', 'handedOver', 'parties', 'amountFen', 'agreementsWritten', 'agreementsOral',
  'followUps', 'performed', 'confirmed', 'guidanceIssued', 'courtReceived', 'courtReported', 'courtReturned',
  'petitionReceived', 'petitionFedBack', 'overdue', 'screeningRounds', 'screeningFound', 'screeningPrevented',
];

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function reportPdf(report: MonthlyReport, trend: TrendPoint[]): Promise<Buffer> {
  const fonts = reportTypefaces();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    font: fonts.regular as unknown as string,
    lang: 'zh-CN',
    info: { Title: reportTitle(report).title, Producer: 'Sandiao (三调联动) pdfkit', CreationDate: new Date(report.generatedAt) },
  });
  doc.registerFont('song', fonts.regular as unknown as Buffer);
  doc.registerFont('song-bold', fonts.bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width - 100;
  const { title, subtitle } = reportTitle(report);
  doc.font('song-bold').fontSize(16).text(title, { align: 'center' });
  doc.moveDown(0.3).font('song').fontSize(9).text(subtitle, { align: 'center' });
  doc.moveDown(0.8);

  // Key figures: measure, this unit's own cases, the total with its children.
  const header = (y: number) => {
    doc.font('song-bold').fontSize(10);
    doc.text('项目', 50, y, { width: width * 0.5 });
    doc.text('本级', 50 + width * 0.5, y, { width: width * 0.25, align: 'right' });
    doc.text('合计', 50 + width * 0.75, y, { width: width * 0.25, align: 'right' });
  };
  let y = doc.y;
  header(y);
  y += 16;
  const show = (id: string, value: number) => (id === 'amountFen' ? fenToYuan(value)! : String(value));
  const line = (label: string, own: string, total: string) => {
    doc.font('song').fontSize(10);
    doc.text(label, 50, y, { width: width * 0.5 });
    doc.text(own, 50 + width * 0.5, y, { width: width * 0.25, align: 'right' });
    doc.text(total, 50 + width * 0.75, y, { width: width * 0.25, align: 'right' });
    doc.moveTo(50, y + 13).lineTo(50 + width, y + 13).strokeColor('#e0e0e0').lineWidth(0.5).stroke();
    y += 15;
  };
  for (const id of keyFigures) {
    const m = measures.find((x) => x.id === id)!;
    line(m.header, show(id, report.own[id]), show(id, report.figures[id]));
  }
  line('调解成功率', percent(derived(report.own).successRate), percent(report.derived.successRate));
  line('平均办结天数', String(derived(report.own).averageDaysToConclude ?? '—'), String(report.derived.averageDaysToConclude ?? '—'));
  const flagged = Object.keys(report.figures).filter((k) => k.startsWith('prevention.') && k.endsWith('.cases'));
  line('预防标记案件数', String(flagged.reduce((s, k) => s + report.own[k], 0)), String(flagged.reduce((s, k) => s + report.figures[k], 0)));
  if (report.adjustments.items.length || report.adjustments.total.mediated || report.adjustments.total.succeeded) {
    line('调整：调解纠纷数（此前已报送月份）', '', String(report.adjustments.total.mediated));
    line('调整：调解成功数（此前已报送月份）', '', String(report.adjustments.total.succeeded));
  }

  y += 10;
  doc.font('song-bold').fontSize(11).text(`量化考核评价（公式 ${report.evaluation.version}）`, 50, y);
  y += 18;
  const names = { process: '过程管理', prevention: '预防效果', petition: '信访化解' } as const;
  for (const key of ['process', 'prevention', 'petition'] as const) {
    const s = report.evaluation[key];
    doc.font('song').fontSize(9).text(`${names[key]}：${s.score ?? '不适用'}（${s.formula}）`, 50, y, { width });
    y = doc.y + 4;
  }

  doc.addPage();
  const types = measures
    .filter((m) => m.group === '纠纷类型' && !m.header.startsWith('其中') && report.figures[m.id] > 0)
    .map((m) => ({ name: m.header, value: report.figures[m.id] }))
    .sort((a, b) => b.value - a.value);
  horizontalBars(doc, { x: 50, y: 50, width, height: 300 }, `按纠纷类型：调解纠纷数（${monthLabel(report.month)}）`, types);
  groupedColumns(
    doc,
    { x: 50, y: 380, width, height: 300 },
    '近12个月趋势：调解纠纷数与调解成功数',
    trend.map((t) => t.month.slice(2).replace('-', '/')),
    [
      { name: '调解纠纷数', values: trend.map((t) => t.mediated) },
      { name: '调解成功数', values: trend.map((t) => t.succeeded) },
    ],
  );

  const rates = report.children
    .map((c) => ({ name: c.name, rate: derived(c.figures).successRate }))
    .filter((c): c is { name: string; rate: number } => c.rate !== null);
  if (rates.length) {
    doc.addPage();
    horizontalBars(
      doc,
      { x: 50, y: 50, width, height: Math.min(700, 40 + rates.length * 18) },
      '下级单位调解成功率',
      rates.map((r) => ({ name: r.name, value: Math.round(r.rate * 1000) / 10 })),
      (v) => `${v.toFixed(1)}%`,
      100,
    );
  }
  doc.end();
  return done;
}
