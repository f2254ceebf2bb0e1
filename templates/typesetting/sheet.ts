// The page kit every template draws with: an A4 official letter in the manner of GB/T 9704-2012
// (三号宋体 body of 28 characters a line, 二号 bold title, page numbers "— 1 —"), forms drawn as
// ruled tables, a seal area and a tear-off service receipt 送达回执.
//
// Determinism (R-F2): the creation date is the issue instant and the file ID is derived from the
// document's id and number, so the same stored data renders to the same bytes.
import PDFDocument from 'pdfkit';
import type { DocumentData } from '../content';
import { typefaces } from './fonts';
import { zhDate, zhDateUpper } from './zh';

const mm = (v: number) => (v * 72) / 25.4;

export const A4 = { width: mm(210), height: mm(297) };
const letterMargins = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const formMargins = { top: mm(25), bottom: mm(25), left: mm(25), right: mm(25) };

export const size = { title: 22, unit: 18, body: 16, small: 14, form: 12, footnote: 10.5 };
const gray = '#555555';
const rule = '#000000';

export interface SheetOptions {
  /** Forms (登记表, 记录) use narrower margins and a smaller body size. */
  form?: boolean;
  /** Producer line: `kind@version` of the template that drew it. */
  template: string;
}

export interface Cell {
  text: string;
  /** Columns this cell spans (default 1). */
  span?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface ReceiptFacts {
  documentTitle: string;
  number: string;
  recipient: string;
  address?: string;
  issuer: string;
}

export class Sheet {
  readonly doc: PDFKit.PDFDocument;
  readonly bodySize: number;
  private readonly margins: typeof letterMargins;

  constructor(
    readonly data: DocumentData,
    options: SheetOptions,
  ) {
    const fonts = typefaces();
    this.margins = options.form ? formMargins : letterMargins;
    this.bodySize = options.form ? size.form : size.body;
    const issued = new Date(data.issuedAt);
    this.doc = new PDFDocument({
      size: 'A4',
      margins: this.margins,
      bufferPages: true,
      compress: true,
      lang: 'zh-CN',
      displayTitle: true,
      // Our own typeface as the default spares pdfkit parsing Helvetica for every document.
      font: fonts.regular as unknown as string,
      info: {
        Title: `${data.content.title ?? ''} ${data.number}`.trim(),
        Subject: data.number,
        Author: data.content.issuingUnit?.fullName ?? data.content.issuingUnit?.name ?? '',
        Creator: options.template,
        Producer: 'Sandiao (三调联动) pdfkit',
        CreationDate: issued,
        // Part of the file ID pdfkit hashes from the info dictionary: the ID follows the document.
        Keywords: data.id,
      },
    });
    this.body();
  }

  get width(): number {
    return this.doc.page.width - this.margins.left - this.margins.right;
  }

  get left(): number {
    return this.margins.left;
  }

  /** The lowest y text may reach on this page. */
  get bottom(): number {
    return this.doc.page.height - this.margins.bottom;
  }

  get remaining(): number {
    return this.bottom - this.doc.y;
  }

  /** The size in force (pdfkit keeps it privately). */
  private fontSize = 12;

  body(sizePt = this.bodySize): this {
    this.fontSize = sizePt;
    // Selecting a font object by its PostScript name hits pdfkit's font cache without the costly
    // equality check a registered alias would trigger on first use.
    const { regular } = typefaces();
    this.doc.font(regular as unknown as string, regular.postscriptName).fontSize(sizePt).fillColor('black');
    return this;
  }

  bold(sizePt = this.bodySize): this {
    this.fontSize = sizePt;
    const { bold } = typefaces();
    this.doc.font(bold as unknown as string, bold.postscriptName).fontSize(sizePt).fillColor('black');
    return this;
  }

  /** Line spacing of the body: 22 lines a page at 三号 (GB/T 9704). */
  private get lineGap(): number {
    return Math.max(2, this.fontSize * 0.36);
  }

  space(lines = 0.5): this {
    this.doc.y += this.doc.currentLineHeight(true) * lines;
    return this;
  }

  ensure(height: number): this {
    if (this.remaining < height) this.doc.addPage();
    return this;
  }

  // ---- letter parts -------------------------------------------------------------------------

  /** Issuing unit, title and number, as a letter opens. */
  letterhead(unit: string, title: string, number: string): this {
    const { doc } = this;
    if (unit) {
      this.bold(size.unit);
      doc.text(unit, this.left, doc.y, { width: this.width, align: 'center', characterSpacing: 1 });
      this.space(0.3);
    }
    this.bold(size.title);
    doc.text(spaced(title), this.left, doc.y, { width: this.width, align: 'center' });
    this.space(0.4);
    this.body(size.small);
    doc.text(number, this.left, doc.y, { width: this.width, align: 'right' });
    this.space(0.6);
    return this.body();
  }

  /** The form title with its number, for registers and records. */
  formhead(unit: string, title: string, number: string): this {
    const { doc } = this;
    this.bold(size.title - 2);
    doc.text(spaced(title), this.left, doc.y, { width: this.width, align: 'center' });
    this.space(0.5);
    this.body(size.form);
    const y = doc.y;
    if (unit) doc.text(`填报单位：${unit}`, this.left, y, { width: this.width * 0.62 });
    const afterUnit = doc.y;
    doc.text(number, this.left, y, { width: this.width, align: 'right' });
    doc.y = Math.max(afterUnit, doc.y) + 4;
    return this;
  }

  addressee(name: string): this {
    this.body();
    this.doc.text(`${name || '　　　　'}：`, this.left, this.doc.y, { width: this.width, lineGap: this.lineGap });
    return this;
  }

  /** A paragraph of running text, first line indented two characters. */
  paragraph(text: string, options: { bold?: boolean; indent?: boolean } = {}): this {
    if (!text) return this;
    if (options.bold) this.bold();
    else this.body();
    const indent = options.indent === false ? 0 : this.fontSize * 2;
    this.doc.text(text, this.left, this.doc.y, { width: this.width, indent, lineGap: this.lineGap, paragraphGap: 0 });
    return this.body();
  }

  /** 一、二、… sub-heading inside a letter. */
  heading(text: string): this {
    return this.paragraph(text, { bold: true });
  }

  /** Numbered items (（一）…) as separate indented paragraphs. */
  items(items: string[]): this {
    const numerals = '一二三四五六七八九十';
    items.filter(Boolean).forEach((item, i) => this.paragraph(`（${numerals[i] ?? i + 1}）${item}`));
    return this;
  }

  /** Right-hand signature block with the seal area over the unit name and the date. */
  signature(unit: string, at: string, extra: string[] = [], options: { court?: boolean } = {}): this {
    const { doc } = this;
    const date = options.court ? zhDateUpper(at) : zhDate(at);
    this.body();
    const lineH = doc.currentLineHeight(true) + this.lineGap;
    const blockH = lineH * (2 + extra.length) + lineH;
    this.ensure(blockH);
    this.space(1);
    const blockW = Math.min(this.width, Math.max(doc.widthOfString(unit), doc.widthOfString(date)) + this.fontSize * 2);
    const x = this.left + this.width - blockW;
    const top = doc.y;
    for (const line of extra) doc.text(line, x, doc.y, { width: blockW, align: 'center', lineGap: this.lineGap });
    const unitY = doc.y;
    doc.text(unit, x, unitY, { width: blockW, align: 'center', lineGap: this.lineGap });
    doc.text(date, x, doc.y, { width: blockW, align: 'center', lineGap: this.lineGap });
    const bottom = doc.y;
    // The seal (42 mm) is pressed over the unit name and the date; here only its place is marked.
    const cx = x + blockW / 2;
    const cy = (unitY + bottom) / 2;
    doc.save().lineWidth(0.6).dash(3, { space: 3 }).strokeColor('#b0b0b0').circle(cx, cy, mm(20)).stroke().undash().restore();
    this.body(size.footnote);
    doc.fillColor('#9a9a9a').text('（盖章）', cx - 40, cy - mm(20) + 14, { width: 80, align: 'center' });
    doc.y = Math.max(bottom, top);
    return this.body();
  }

  /** Left-aligned lines such as 附件 or 抄送 under the signature. */
  note(text: string): this {
    this.body(size.small);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: 4 });
    return this.body();
  }

  // ---- forms ----------------------------------------------------------------------------------

  /**
   * A ruled table. `columns` are relative widths; each row is a list of cells that may span
   * columns. Rows split across pages whole; a row taller than a page is cut by pdfkit's flow.
   */
  table(columns: number[], rows: Cell[][], options: { minRowHeight?: number; fontSize?: number } = {}): this {
    const { doc } = this;
    const total = columns.reduce((a, b) => a + b, 0);
    const widths = columns.map((c) => (c / total) * this.width);
    const pad = 5;
    const fontSize = options.fontSize ?? size.form;
    const minH = options.minRowHeight ?? fontSize * 2.2;
    for (const row of rows) {
      const cells = this.placeCells(row, widths);
      const heightOf = (cell: (typeof cells)[number]) => {
        if (cell.bold) this.bold(fontSize);
        else this.body(fontSize);
        return doc.heightOfString(cell.text || ' ', { width: cell.w - 2 * pad, lineGap: 3 });
      };
      const h = Math.max(minH, ...cells.map((c) => heightOf(c) + 2 * pad));
      if (doc.y + h > this.bottom) doc.addPage();
      const y = doc.y;
      for (const cell of cells) {
        doc.save().lineWidth(0.75).strokeColor(rule).rect(cell.x, y, cell.w, h).stroke().restore();
        if (cell.bold) this.bold(fontSize);
        else this.body(fontSize);
        const textH = heightOf(cell);
        const ty = y + Math.max(pad, (h - textH) / 2);
        doc.text(cell.text, cell.x + pad, ty, { width: cell.w - 2 * pad, align: cell.align ?? 'left', lineGap: 3 });
      }
      doc.x = this.left;
      doc.y = y + h;
    }
    return this.body();
  }

  private placeCells(row: Cell[], widths: number[]) {
    let col = 0;
    let x = this.left;
    return row.map((cell) => {
      const span = cell.span ?? 1;
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const placed = { ...cell, x, w };
      col += span;
      x += w;
      return placed;
    });
  }

  /** Label–value rows in two columns, the common shape of a register. */
  fields(rows: [string, string][], labelWidth = 1, valueWidth = 3): this {
    return this.table(
      [labelWidth, valueWidth],
      rows.map(([label, value]) => [{ text: label, align: 'center' }, { text: value }]),
    );
  }

  /** A signature line for forms: 当事人（签名）：______ 日期：______ */
  signLines(labels: string[]): this {
    const { doc } = this;
    this.body(size.form);
    for (const label of labels) {
      this.ensure(doc.currentLineHeight(true) * 2.2);
      this.space(0.8);
      doc.text(`${label}：`, this.left, doc.y, { width: this.width * 0.55, continued: false });
      const y = doc.y - 4;
      doc.save().lineWidth(0.5).moveTo(this.left + doc.widthOfString(`${label}：`) + 4, y).lineTo(this.left + this.width * 0.6, y).stroke().restore();
      doc.text('年　　月　　日', this.left + this.width * 0.62, y - doc.currentLineHeight(true) + 4, { width: this.width * 0.38, align: 'right' });
      doc.x = this.left;
    }
    return this.body();
  }

  // ---- service receipt ------------------------------------------------------------------------

  /** The tear-off 送达回执 at the foot of a served letter (R-F3), kept whole on one page. */
  receipt(facts: ReceiptFacts): this {
    const { doc } = this;
    const needed = 330;
    if (this.remaining < needed + 30) doc.addPage();
    else this.space(1);
    const y = doc.y;
    doc.save().lineWidth(0.6).dash(4, { space: 3 }).strokeColor(gray).moveTo(this.left - 10, y).lineTo(this.left + this.width + 10, y).stroke().undash().restore();
    this.body(size.footnote);
    const label = '（沿此线剪下）';
    doc.save().rect(this.left + this.width / 2 - 42, y - 7, 84, 14).fill('white').restore();
    doc.fillColor(gray).text(label, this.left + this.width / 2 - 50, y - 6, { width: 100, align: 'center', lineBreak: false });
    doc.x = this.left;
    doc.y = y + 14;
    this.bold(size.body);
    doc.text(spaced('送达回执'), this.left, doc.y, { width: this.width, align: 'center' });
    this.space(0.4);
    const blank = '';
    this.table(
      [1.2, 2.8],
      [
        [{ text: '送达文书', align: 'center' }, { text: `${facts.documentTitle}\n${facts.number}` }],
        [{ text: '受送达人', align: 'center' }, { text: facts.recipient }],
        [{ text: '送达地址', align: 'center' }, { text: facts.address ?? blank }],
        [{ text: '送达方式', align: 'center' }, { text: '□直接送达　□留置送达　□邮寄送达　□电子送达　□委托送达' }],
        [{ text: '受送达人签名\n或盖章', align: 'center' }, { text: '\n\n　　　　　　　　　　　　　　　　　年　　月　　日' }],
        [{ text: '代收人及代收理由', align: 'center' }, { text: blank }],
        [{ text: '送达人', align: 'center' }, { text: `${facts.issuer}  送达人签名：` }],
        [{ text: '备注', align: 'center' }, { text: '受送达人拒绝签收的，送达人应当注明情况并签名。' }],
      ],
      { minRowHeight: 26, fontSize: size.form },
    );
    return this.body();
  }

  // ---- finishing ------------------------------------------------------------------------------

  /** Page numbers "— n —" below the text area of every page, then the bytes. */
  finish(): Promise<Buffer> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing below the text area must not open a new page
      this.body(size.small);
      const label = range.count > 1 ? `— ${i + 1} —` : '';
      if (label) doc.text(label, 0, doc.page.height - bottomMargin + mm(7), { width: doc.page.width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottomMargin;
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.end();
    });
  }
}

/** Titles of two to four characters are letter-spaced in official layouts: 劝 导 书. */
export function spaced(title: string): string {
  return title.length <= 4 ? [...title].join('　') : title;
}
