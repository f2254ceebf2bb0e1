import type { UnitKind } from '../../workflows/case';

/** 案号 of a people's mediation case, per accepting unit and year: (2026)莲池五四司调字第3号. */
export function formatCaseNumber(year: number, unit: { abbr: string; kind: UnitKind }, n: number): string {
  return `(${year})${unit.abbr}${unit.kind === 'JO' ? '司调' : '调'}字第${n}号`;
}

export const caseNumberScope = (unitCode: string, year: number) => `case:${unitCode}:${year}`;
