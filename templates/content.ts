// What a template is given: the document row's stored facts (docs/documents.md describes the
// shape). Content was frozen at issue and may come from an older or newer statechart, so every
// read is defensive: a missing fact prints as a blank to fill in by hand, never as "undefined".

export interface UnitFacts {
  code: string;
  name: string;
  /** The name with its city/county, as it heads a letter: 保定市莲池区五四路街道司法所. */
  fullName?: string;
  kind?: string;
}

export interface PartyFacts {
  id: string;
  seq?: number;
  role: string;
  kind: 'person' | 'organisation' | string;
  name: string;
  gender?: string | null;
  ethnicity?: string | null;
  birthDate?: string | null;
  /** Masked (R-S2): documents travel further than the case file. */
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  creditCode?: string | null;
  legalRepresentative?: string | null;
  agent?: { name: string; scope?: string } | null;
}

export interface ListedDocument {
  kind: string;
  title: string;
  number: string;
  issuedAt: string;
  issuingUnitName?: string;
}

export interface DocumentContent {
  title?: string;
  caseNo?: string;
  issuingUnit?: UnitFacts;
  acceptingUnit?: UnitFacts;
  acceptedAt?: string;
  parties?: PartyFacts[];
  disputeType?: string;
  disputeTypeLabel?: string;
  sourceLabel?: string;
  riskLabel?: string;
  summary?: string;
  place?: string | null;
  amountFen?: number | null;
  peopleInvolved?: number | null;
  /** The event that issued the document, without actor and resolved units. */
  event?: Record<string, any>;
  /** The whole statechart context at issue. */
  context?: Record<string, any>;
  /** Full names of the units the context names by code. */
  units?: Record<string, string>;
  /** Display name of the user who issued it. */
  issuedByName?: string;
  /** Case-file cover and result letters: the earlier documents of the case. */
  documents?: ListedDocument[];
  [key: string]: unknown;
}

/** The stored document as the renderer receives it. */
export interface DocumentData {
  id: string;
  kind: string;
  number: string;
  issuedAt: string;
  issuedBy: string;
  content: DocumentContent;
}

export const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
export const obj = (v: unknown): Record<string, any> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {});
export const arr = <T = any>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** The first non-empty string among candidate paths ("a.b.c") of `root`. */
export function pick(root: unknown, ...paths: string[]): string {
  for (const path of paths) {
    let v: unknown = root;
    for (const key of path.split('.')) v = obj(v)[key];
    const s = str(v);
    if (s) return s;
  }
  return '';
}

/** The first object among candidate paths of `root`. */
export function pickObj(root: unknown, ...paths: string[]): Record<string, any> | undefined {
  for (const path of paths) {
    let v: unknown = root;
    for (const key of path.split('.')) v = obj(v)[key];
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, any>;
  }
  return undefined;
}

export const ctx = (c: DocumentContent) => obj(c.context);

/** The unit's name as a letter prints it, from a unit object or a code. */
export function unitName(c: DocumentContent, unit: unknown): string {
  if (typeof unit === 'string') return c.units?.[unit] ?? unit;
  const u = obj(unit);
  const code = str(u.code);
  return (code && c.units?.[code]) || str(u.fullName) || str(u.name) || code;
}

export const issuer = (c: DocumentContent) => c.issuingUnit?.fullName || c.issuingUnit?.name || '';
export const parties = (c: DocumentContent) => arr<PartyFacts>(c.parties).filter((p) => p && str(p.name));
export const partyNames = (c: DocumentContent) => parties(c).map((p) => p.name).join('、');
