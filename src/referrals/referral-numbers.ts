// Case numbers given by the referrer. Gap-free per unit and year (number_sequences), like R-F1.
import type { Unit } from '../orgs/unit.entity';

/** 诉前调解案号 of a basic court: (2026)冀0606民诉前调12号 — the court's `abbr` is 冀0606. */
export const formatPreFilingNumber = (year: number, court: Pick<Unit, 'abbr'>, n: number) => `(${year})${court.abbr}民诉前调${n}号`;
export const preFilingScope = (courtCode: string, year: number) => `pre-filing:${courtCode}:${year}`;

/** 访调对接 number of a petition office: (2026)莲池访调字第3号. */
export const formatPetitionCaseNumber = (year: number, office: Pick<Unit, 'abbr'>, n: number) => `(${year})${office.abbr}访调字第${n}号`;
export const petitionCaseScope = (officeCode: string, year: number) => `petition-referral:${officeCode}:${year}`;
