// A case's documents as a client reads them: the list once rendering has settled, and a PDF's text.
import { DocumentGenerator } from '../../src/documents/document-generator';
import { pdfText } from '../unit/templates/pdf-text';
import type { AuthedAgent, TestApp } from './test-app';

export interface DocumentRow {
  id: string;
  kind: string;
  number: string;
  status: string;
}

export async function documentsOf(t: TestApp, agent: AuthedAgent, caseId: string): Promise<DocumentRow[]> {
  await t.app.get(DocumentGenerator).settle();
  const res = await agent.get(`/api/cases/${caseId}/documents`);
  if (res.status !== 200) throw new Error(`documents of ${caseId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The PDF's extracted text with all whitespace removed (line breaks fall anywhere in Chinese). */
export async function pdfTextOf(agent: AuthedAgent, documentId: string): Promise<string> {
  const res = await agent.get(`/api/documents/${documentId}/pdf`).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  if (res.status !== 200) throw new Error(`pdf ${documentId}: ${res.status}`);
  return (await pdfText(res.body as Buffer)).flat.replace(/\s+/g, '');
}
