// Every document template by kind and version. Rendering picks the current version; re-rendering a
// stored document uses the version it was drawn with (R-F2), so old versions stay registered.
import type { DocumentData } from './content';
import { caseFileCover } from './kinds/case-file-cover';
import { courtResultLetter } from './kinds/court-result-letter';
import { followUpRecord } from './kinds/follow-up-record';
import { guidanceNotice } from './kinds/guidance-notice';
import { mediationAgreement } from './kinds/mediation-agreement';
import { oralAgreementRecord } from './kinds/oral-agreement-record';
import { persuasionLetter } from './kinds/persuasion-letter';
import { petitionFeedback } from './kinds/petition-feedback';
import { registrationForm } from './kinds/registration-form';
import { rightsNotice } from './kinds/rights-notice';
import { termination } from './kinds/termination';
import type { Template } from './template';

export type { DocumentContent, DocumentData, ListedDocument, PartyFacts, UnitFacts } from './content';
export type { Template } from './template';
export { typefaces } from './typesetting/fonts';

const all: Template[] = [
  registrationForm,
  rightsNotice,
  guidanceNotice,
  persuasionLetter,
  mediationAgreement,
  oralAgreementRecord,
  courtResultLetter,
  petitionFeedback,
  followUpRecord,
  termination,
  caseFileCover,
];

const byKey = new Map(all.map((t) => [`${t.kind}@${t.version}`, t]));
const current = new Map(all.map((t) => [t.kind, t]));

export function currentTemplate(kind: string): Template {
  const template = current.get(kind);
  if (!template) throw new Error(`没有“${kind}”文书的模板`);
  return template;
}

export function templateAt(kind: string, version: string): Template {
  const template = byKey.get(`${kind}@${version}`);
  if (!template) throw new Error(`没有“${kind}”文书的第 ${version} 版模板`);
  return template;
}

export const templateKinds = () => [...current.keys()];

export interface Rendered {
  bytes: Buffer;
  templateVersion: string;
}

/** Draws a stored document; `version` re-renders with an earlier template. */
export async function renderDocument(data: DocumentData, version?: string): Promise<Rendered> {
  const template = version ? templateAt(data.kind, version) : currentTemplate(data.kind);
  return { bytes: await template.draw(data), templateVersion: template.version };
}
