import type { DocumentData } from './content';

/** One document kind's drawing, versioned: a stored document names the version it was drawn with (R-F2). */
export interface Template {
  kind: string;
  /** Bump when the drawing changes; keep the old version registered while documents cite it. */
  version: string;
  draw(data: DocumentData): Promise<Buffer>;
}
