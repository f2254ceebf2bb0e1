// R-F1 document numbers: per issuing unit, per kind, per year, e.g. (2026)莲池五四司告字第3号.
import { documentKinds, type DocumentKind, type UnitKind } from '../../workflows/case';

const unitWord: Partial<Record<UnitKind, string>> = { JO: '司', MC: '调', AG: '行调', PO: '访', JB: '司' };

export function formatDocumentNumber(year: number, unit: { abbr: string; kind: UnitKind }, kind: DocumentKind, n: number): string {
  const word = documentKinds[kind].numberWord;
  // Courts number pre-filing mediation papers their own way: (2026)冀0606民诉前调12号.
  if (unit.kind === 'CT') return `(${year})${unit.abbr}民诉前${word}${n}号`;
  return `(${year})${unit.abbr}${unitWord[unit.kind] ?? ''}${word}字第${n}号`;
}

export const numberScope = (unitCode: string, kind: string, year: number) => `doc:${unitCode}:${kind}:${year}`;
