// Charts drawn as vector graphics with pdfkit paths (R-T6): horizontal bars for categories and
// units, grouped columns for a 12-month trend. Every bar is labelled with its number as text.
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const palette = ['#2f5d8a', '#c0504d', '#9bbb59'];
const ink = '#333333';
const grid = '#d0d0d0';

/** One bar per item, longest first is the caller's choice; values formatted by `label`. */
export function horizontalBars(
  doc: PDFKit.PDFDocument,
  box: Box,
  title: string,
  items: { name: string; value: number }[],
  label: (value: number) => string = String,
  max = Math.max(1, ...items.map((i) => i.value)),
): void {
  doc.font('song-bold').fontSize(11).fillColor(ink).text(title, box.x, box.y, { width: box.width });
  const top = box.y + 20;
  const nameWidth = Math.min(120, box.width * 0.3);
  const barMax = box.width - nameWidth - 50;
  const rowHeight = Math.max(8, Math.min(18, (box.height - 20) / Math.max(1, items.length)));
  items.forEach((item, i) => {
    const y = top + i * rowHeight;
    doc.font('song').fontSize(Math.min(9, rowHeight - 2)).fillColor(ink);
    doc.text(item.name, box.x, y + 1, { width: nameWidth - 4, align: 'right', lineBreak: false, ellipsis: true });
    const w = (item.value / max) * barMax;
    if (w > 0) doc.rect(box.x + nameWidth, y + 1, w, rowHeight - 3).fill(palette[0]);
    doc.fillColor(ink).text(label(item.value), box.x + nameWidth + w + 3, y + 1, { lineBreak: false });
  });
  doc.moveTo(box.x + nameWidth, top).lineTo(box.x + nameWidth, top + items.length * rowHeight).strokeColor(grid).stroke();
}

/** Grouped columns per period (e.g. 调解 and 成功 for each of 12 months) with a legend. */
export function groupedColumns(
  doc: PDFKit.PDFDocument,
  box: Box,
  title: string,
  periods: string[],
  series: { name: string; values: number[] }[],
): void {
  doc.font('song-bold').fontSize(11).fillColor(ink).text(title, box.x, box.y, { width: box.width });
  const plot = { x: box.x + 30, y: box.y + 36, width: box.width - 40, height: box.height - 70 };
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  // Legend.
  series.forEach((s, i) => {
    const lx = box.x + 30 + i * 90;
    doc.rect(lx, box.y + 20, 10, 8).fill(palette[i % palette.length]);
    doc.font('song').fontSize(9).fillColor(ink).text(s.name, lx + 14, box.y + 19, { lineBreak: false });
  });
  // Axis and four grid lines with their values.
  for (let k = 0; k <= 4; k++) {
    const y = plot.y + plot.height - (k / 4) * plot.height;
    doc.moveTo(plot.x, y).lineTo(plot.x + plot.width, y).strokeColor(grid).lineWidth(0.5).stroke();
    doc.font('song').fontSize(7).fillColor(ink).text(String(Math.round((max * k) / 4)), box.x, y - 4, { width: 26, align: 'right', lineBreak: false });
  }
  const slot = plot.width / Math.max(1, periods.length);
  const barWidth = (slot * 0.8) / Math.max(1, series.length);
  periods.forEach((period, p) => {
    series.forEach((s, i) => {
      const h = (s.values[p] / max) * plot.height;
      const x = plot.x + p * slot + slot * 0.1 + i * barWidth;
      if (h > 0) doc.rect(x, plot.y + plot.height - h, barWidth - 1, h).fill(palette[i % palette.length]);
      doc.font('song').fontSize(6).fillColor(ink).text(String(s.values[p]), x - 4, plot.y + plot.height - h - 8, { width: barWidth + 8, align: 'center', lineBreak: false });
    });
    doc.font('song').fontSize(7).fillColor(ink).text(period, plot.x + p * slot, plot.y + plot.height + 3, { width: slot, align: 'center', lineBreak: false });
  });
}
