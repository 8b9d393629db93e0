/**
 * The report model as a print-ready PDF (pdfkit), with the Liberation Serif fonts the
 * app ships (assets/fonts, SIL OFL 1.1, Times New Roman metrics) embedded as subsets,
 * so the printout is the same on every machine. Layout per Decree 30/2020/NĐ-CP,
 * Appendix I: A4 portrait, margins 20 / 15 / 20 / 30 mm (top, right, bottom, left),
 * 14 pt body, header block in two columns with short rules, page numbers centred in
 * the top margin from page 2. Tables break across pages and repeat their header row.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { ReportBlock, ReportModel, ReportTable } from '../../../shared/api/report-types';
import { percentText } from '../../../shared/domain/report/report-text';

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = { top: 20 * MM, right: 15 * MM, bottom: 20 * MM, left: 30 * MM };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

type FontName = 'R' | 'B' | 'I' | 'BI';
const FONT_FILES: Record<FontName, string> = { R: 'LiberationSerif-Regular.ttf', B: 'LiberationSerif-Bold.ttf', I: 'LiberationSerif-Italic.ttf', BI: 'LiberationSerif-BoldItalic.ttf' };

/** assets/fonts beside the sources (tsx, tests) or beside the bundled main (dist-electron/). */
export function fontsDir(): string {
  const env = process.env['PCMT_FONTS_DIR'];
  if (env !== undefined && env !== '') return env;
  const relative = import.meta.url.endsWith('.ts') ? '../../../assets/fonts/' : '../assets/fonts/';
  return fileURLToPath(new URL(relative, import.meta.url));
}

type Doc = PDFKit.PDFDocument;

function write(doc: Doc, text: string, font: FontName, size: number, x: number, width: number, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.font(font).fontSize(size).text(text, x, doc.y, { width, ...options });
}

function centredLines(doc: Doc, lines: readonly { text: string; font: FontName; size: number; rule?: number }[], x: number, width: number, top: number): number {
  doc.y = top;
  for (const line of lines) {
    write(doc, line.text, line.font, line.size, x, width, { align: 'center' });
    if (line.rule !== undefined) {
      // A share of the (last) line's width: 1/3 to 1/2 under the issuer, the full slogan under the motto.
      const w = Math.min(doc.widthOfString(line.text), width) * line.rule;
      const y = doc.y + 3;
      doc.moveTo(x + (width - w) / 2, y).lineTo(x + (width + w) / 2, y).lineWidth(0.6).stroke();
      doc.y = y + 5;
    }
  }
  return doc.y;
}

function headerBlock(doc: Doc, model: ReportModel): void {
  const lw = WIDTH * 0.4;
  const h = model.header;
  const top = MARGIN.top;
  const leftEnd = centredLines(doc, [{ text: h.superiorBody, font: 'R', size: 13 }, { text: h.issuer, font: 'B', size: 13, rule: 0.45 }, { text: h.numberLine, font: 'R', size: 13 }], MARGIN.left, lw, top);
  let end = leftEnd;
  if (model.secrecy !== null) {
    doc.font('B').fontSize(13);
    const w = doc.widthOfString(model.secrecy) + 12;
    const x = MARGIN.left + (lw - w) / 2;
    doc.rect(x, leftEnd + 4, w, 20).lineWidth(1).stroke();
    doc.text(model.secrecy, x, leftEnd + 8, { width: w, align: 'center' });
    end = leftEnd + 28;
  }
  const rightEnd = centredLines(doc, [{ text: h.motto, font: 'B', size: 13 }, { text: h.slogan, font: 'B', size: 14, rule: 1 }, { text: h.dateLine, font: 'I', size: 14 }], MARGIN.left + lw, WIDTH - lw, top);
  doc.y = Math.max(end, rightEnd) + 18;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function dataTable(doc: Doc, t: ReportTable): void {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => (WIDTH * w) / total);
  const pad = 3;
  const size = 12;
  const height = (cells: readonly string[], font: FontName): number =>
    Math.max(...cells.map((c, i) => doc.font(font).fontSize(size).heightOfString(c || ' ', { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
  const drawRow = (cells: readonly string[], font: FontName, h: number): void => {
    const y = doc.y;
    let x = MARGIN.left;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      doc.rect(x, y, w, h).lineWidth(0.5).stroke();
      const isNumber = /^[\d.,%+−—]+$/u.test(c);
      doc.font(font).fontSize(size).text(c, x + pad, y + pad, { width: w - 2 * pad, align: font === 'B' || isNumber ? 'center' : 'left' });
      x += w;
    });
    doc.y = y + h;
  };
  // Each height once: heightOfString lays the text out, the costly part of a table.
  const headerHeight = height(t.columns, 'B');
  const heights = t.rows.map((row) => height(row, 'R'));
  ensureSpace(doc, headerHeight + (heights[0] ?? 0));
  drawRow(t.columns, 'B', headerHeight);
  t.rows.forEach((row, i) => {
    const h = heights[i] ?? 0;
    if (doc.y + h > BOTTOM) {
      doc.addPage();
      drawRow(t.columns, 'B', headerHeight);
    }
    drawRow(row, 'R', h);
  });
  doc.y += 8;
}

function chart(doc: Doc, block: Extract<ReportBlock, { kind: 'chart' }>): void {
  const labelW = WIDTH * 0.42;
  const barX = MARGIN.left + labelW + 6;
  const barW = WIDTH * 0.38;
  const valueX = barX + barW + 6;
  ensureSpace(doc, 60);
  write(doc, block.title, 'B', 13, MARGIN.left, WIDTH, { align: 'center' });
  const legendY = doc.y + 2;
  doc.rect(MARGIN.left + WIDTH / 2 - 120, legendY + 2, 10, 8).fill('#1f4e79');
  doc.rect(MARGIN.left + WIDTH / 2 - 20, legendY + 2, 10, 8).fill('#a6a6a6');
  doc.moveTo(MARGIN.left + WIDTH / 2 + 70, legendY).lineTo(MARGIN.left + WIDTH / 2 + 70, legendY + 12).lineWidth(1.2).strokeColor('#c00000').stroke().strokeColor('black');
  doc.fillColor('black').font('I').fontSize(11);
  doc.text(block.currentLabel, MARGIN.left + WIDTH / 2 - 106, legendY, { lineBreak: false });
  doc.text(block.previousLabel, MARGIN.left + WIDTH / 2 - 6, legendY, { lineBreak: false });
  doc.text(block.targetLabel, MARGIN.left + WIDTH / 2 + 76, legendY, { lineBreak: false });
  doc.y = legendY + 20;
  for (const b of block.bars) {
    const label = b.label;
    const h = Math.max(30, doc.font('R').fontSize(11).heightOfString(label, { width: labelW }) + 4);
    ensureSpace(doc, h);
    const y = doc.y;
    doc.font('R').fontSize(11).text(label, MARGIN.left, y, { width: labelW });
    const share = (v: number | null): number => (v === null ? 0 : (barW * Math.max(0, Math.min(100, v))) / 100);
    doc.rect(barX, y + 3, barW, 22).lineWidth(0.3).strokeColor('#bfbfbf').stroke().strokeColor('black');
    if (share(b.current) > 0) doc.rect(barX, y + 4, share(b.current), 10).fill('#1f4e79');
    if (share(b.previous) > 0) doc.rect(barX, y + 15, share(b.previous), 9).fill('#a6a6a6');
    if (b.target !== null) doc.moveTo(barX + share(b.target), y + 1).lineTo(barX + share(b.target), y + 27).lineWidth(1.2).strokeColor('#c00000').stroke().strokeColor('black');
    doc.fillColor('black').font('R').fontSize(11).text(`${percentText(b.current)} / ${percentText(b.previous)}`, valueX, y + 2, { width: MARGIN.left + WIDTH - valueX });
    doc.y = y + h + 4;
  }
  doc.y += 6;
}

function bodyBlock(doc: Doc, block: ReportBlock): void {
  switch (block.kind) {
    case 'heading':
      ensureSpace(doc, 50);
      write(doc, block.text, 'B', 14, MARGIN.left, WIDTH, { indent: 10 * MM, paragraphGap: 4 });
      return;
    case 'paragraph':
      write(doc, block.text, 'R', 14, MARGIN.left, WIDTH, { align: 'justify', indent: 10 * MM, lineGap: 2, paragraphGap: 6 });
      return;
    case 'table':
      dataTable(doc, block.table);
      return;
    case 'chart':
      chart(doc, block);
  }
}

function closingBlock(doc: Doc, model: ReportModel): void {
  const half = WIDTH / 2;
  ensureSpace(doc, 170);
  const top = doc.y + 12;
  doc.y = top;
  write(doc, 'Nơi nhận:', 'BI', 12, MARGIN.left, half);
  for (const r of model.recipients) write(doc, `- ${r}`, 'R', 11, MARGIN.left, half);
  const signLines = model.signature.lines.map((text) => ({ text, font: 'B' as const, size: 14 }));
  const end = centredLines(doc, signLines, MARGIN.left + half, half, top);
  doc.y = end + 70;
  write(doc, model.signature.name, 'B', 14, MARGIN.left + half, half, { align: 'center' });
}

/** Page numbers in the top margin, from page 2 (Decree 30/2020, Appendix I). */
function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const top = doc.page.margins.top;
    doc.page.margins.top = 0;
    doc.font('R').fontSize(13).text(String(i + 1), MARGIN.left, 10 * MM, { width: WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.top = top;
  }
}

/** The PDF bytes of the report. */
export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const dir = fontsDir();
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, font: `${dir}/${FONT_FILES.R}`, lang: 'vi-VN', info: { Title: `${model.title} ${model.summary}`, Creator: 'PCMT Desk' } });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, fs.readFileSync(`${dir}/${file}`));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  headerBlock(doc, model);
  centredLines(doc, [{ text: model.title, font: 'B', size: 14 }, { text: model.summary, font: 'B', size: 14, rule: 0.3 }], MARGIN.left, WIDTH, doc.y);
  doc.y += 14;
  for (const block of model.body) bodyBlock(doc, block);
  closingBlock(doc, model);
  numberPages(doc);
  doc.end();
  return done;
}
