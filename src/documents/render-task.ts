// What the main thread hands a render worker, and what comes back.
import type { DocumentData } from '../../templates';

export interface RenderTask {
  /** Draw a built-in letter and discard it: warms the thread's JIT and font tables at start-up. */
  warmUp?: boolean;
  data: DocumentData;
  /** Absolute path the PDF is written to. */
  file: string;
  /** Re-render with this template version instead of the current one (verification). */
  templateVersion?: string;
  /** Return the bytes instead of writing the file. */
  returnBytes?: boolean;
}

export interface RenderResult {
  sha256: string;
  size: number;
  pages: number;
  templateVersion: string;
  bytes?: Uint8Array;
}
