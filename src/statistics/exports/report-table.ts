// The form as a table (R-T6): one row per reporting child, the unit's own cases, the total, then
// adjustments to earlier months; one column per measure under its group, with Chinese headers.
// XLSX, CSV and PDF all lay the report out from here, so they carry the same numbers.
import { fenToYuan } from '../../common/money';
import { derived, measures, type Figures } from '../measures';
import { monthLabel } from '../month';
import type { MonthlyReport } from '../report';

export type CellFormat = 'count' | 'yuan' | 'percent' | 'days';

export interface TableColumn {
  id: string;
  header: string;
  group: string;
  format: CellFormat;
}

export const tableColumns: TableColumn[] = [
  ...measures.filter((m) => !m.hidden).map((m) => ({ id: m.id, header: m.header, group: m.group, format: (m.unit === 'fen' ? 'yuan' : 'count') as CellFormat })),
  { id: 'successRate', header: '调解成功率（%）', group: '调解', format: 'percent' },
  { id: 'averageDaysToConclude', header: '平均办结天数', group: '时效', format: 'days' },
];

export interface TableRow {
  label: string;
  kind: 'child' | 'own' | 'total' | 'adjustment';
  figures: Figures;
}

/** The value a cell shows: counts as integers, 元 with two decimals, a rate in percent. */
export function cellValue(column: TableColumn, figures: Figures): number | string | null {
  if (column.id === 'successRate') {
    const rate = derived(figures).successRate;
    return rate === null ? null : Math.round(rate * 1000) / 10;
  }
  if (column.id === 'averageDaysToConclude') return derived(figures).averageDaysToConclude;
  const value = figures[column.id] ?? 0;
  return column.format === 'yuan' ? fenToYuan(value) : value;
}

export function tableRows(report: MonthlyReport): TableRow[] {
  return [
    ...report.children.map((c) => ({ label: c.name, kind: 'child' as const, figures: c.figures })),
    { label: `${report.division.name}本级`, kind: 'own', figures: report.own },
    { label: '合计', kind: 'total', figures: report.figures },
    ...report.adjustments.items.map((a) => ({ label: `调整：${monthLabel(a.month)}（本级）`, kind: 'adjustment' as const, figures: a.figures })),
    ...(report.adjustments.items.length || report.children.some((c) => Object.values(c.adjustments).some(Boolean))
      ? [{ label: '调整合计（含下级）', kind: 'adjustment' as const, figures: report.adjustments.total }]
      : []),
  ];
}

const statusLabels: Record<string, string> = { draft: '草稿', submitted: '已报送', reopened: '已退回待重报', live: '实时', 'as-of': '截至时点重算' };

/** The title block every format prints. */
export function reportTitle(report: MonthlyReport): { title: string; subtitle: string } {
  const scope = report.scope === 'all' ? '三调联动各渠道' : '人民调解';
  // R-O1: 全市(不含雄安新区三县) — named, so a reader knows what the total leaves out.
  const excluded = report.excluded?.length ? `（不含${report.excluded.map((d) => d.name).join('、')}）` : '';
  return {
    title: `${report.division.name}${excluded}${scope}工作统计月报（${monthLabel(report.month)}）`,
    subtitle: [
      `填报单位：${report.unit.name}`,
      `状态：${statusLabels[report.status] ?? report.status}${report.version ? `（第${report.version}次报送）` : ''}`,
      report.submittedAt ? `报送时间：${report.submittedAt.slice(0, 16).replace('T', ' ')}` : `生成时间：${report.generatedAt.slice(0, 16).replace('T', ' ')}`,
      `报送期限：${report.dueDate}`,
    ].join('　'),
  };
}
