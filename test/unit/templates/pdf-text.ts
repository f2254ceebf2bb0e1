// Text of a PDF as a reader would copy it out (pdf-parse), plus a flattened form without line
// breaks and spaces so assertions do not depend on where a line wrapped. pdf.js loads its worker
// with a dynamic import that Jest's module sandbox refuses, so extraction runs in a worker thread.
import { Worker } from 'node:worker_threads';

const extractor = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require('pdf-parse');
(async () => {
  const parser = new PDFParse({ data: new Uint8Array(workerData) });
  try {
    const result = await parser.getText();
    parentPort.postMessage({ text: result.text, pages: result.total });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.stack || error) });
  } finally {
    await parser.destroy();
  }
})();
`;

export function pdfText(bytes: Buffer | Uint8Array): Promise<{ text: string; flat: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(extractor, { eval: true, workerData: Buffer.from(bytes) });
    worker.once('message', (m: { text?: string; pages?: number; error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve({ text: m.text!, flat: m.text!.replace(/[\s\u3000]+/g, ''), pages: m.pages! });
    });
    worker.once('error', reject);
  });
}
