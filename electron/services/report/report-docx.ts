/**
 * The report model as an editable .docx (offices add their narrative in Word or
 * LibreOffice), laid out per Decree 30/2020/NĐ-CP, Appendix I: A4 portrait, margins
 * 20 / 15 / 20 / 30 mm (top, right, bottom, left), Times New Roman 14 pt body, the
 * header block as a borderless two-column table with short rules under the issuer and
 * the motto, page numbers centred in the top margin from page 2 (a different first page).
 * Word shows Times New Roman; LibreOffice substitutes the metric-compatible Liberation Serif.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { ReportBlock, ReportChartBar, ReportModel, ReportTable } from '../../../shared/api/report-types';
import { percentText } from '../../../shared/domain/report/report-text';

const FONT = 'Times New Roman';
/** Half-points: 14 pt body, 13 pt header lines, 12 pt table text and the "Nơi nhận" title, 11 pt recipients. */
const PT = (points: number): number => points * 2;
const mm = convertMillimetersToTwip;
const MARGIN = { top: mm(20), right: mm(15), bottom: mm(20), left: mm(30) };
const CONTENT_WIDTH = mm(210 - 30 - 15);

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

type RunStyle = Pick<IRunOptions, 'bold' | 'italics'> & { size?: number };

function para(text: string, style: RunStyle = {}, options: Omit<IParagraphOptions, 'children' | 'text'> = {}): Paragraph {
  return new Paragraph({ ...options, children: [new TextRun({ text, font: FONT, size: PT(style.size ?? 14), bold: style.bold, italics: style.italics })] });
}

const centred = (text: string, style: RunStyle = {}, spacingAfter = 0): Paragraph => para(text, style, { alignment: AlignmentType.CENTER, spacing: { after: spacingAfter } });

/** A centred rule about a third of the column wide: an empty paragraph whose bottom border the indents shorten. */
function rule(columnWidth: number, share: number): Paragraph {
  const inset = Math.round((columnWidth * (1 - share)) / 2);
  return new Paragraph({ children: [], indent: { left: inset, right: inset }, border: { bottom: LINE }, spacing: { after: 60, line: 120 } });
}

function cell(children: Paragraph[] | Table[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, ...extra });
}

/** The header and closing blocks: no cell padding, so the motto keeps to one line. */
const TIGHT = { left: 0, right: 0, top: 0, bottom: 0 };

function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const lw = Math.round(CONTENT_WIDTH * leftShare);
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [lw, CONTENT_WIDTH - lw],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, lw, { margins: TIGHT }), cell(right, CONTENT_WIDTH - lw, { margins: TIGHT })] })],
  });
}

function headerBlock(model: ReportModel): Table {
  const lw = Math.round(CONTENT_WIDTH * 0.38);
  const h = model.header;
  const left = [
    centred(h.superiorBody, { size: 13 }),
    centred(h.issuer, { size: 13, bold: true }),
    rule(lw, 0.35),
    centred(h.numberLine, { size: 13 }),
    ...(model.secrecy === null ? [] : [centred(model.secrecy, { size: 13, bold: true }, 0)]),
  ];
  const right = [centred(h.motto, { size: 13, bold: true }), centred(h.slogan, { size: 14, bold: true }), rule(CONTENT_WIDTH - lw, 0.62), centred(h.dateLine, { size: 14, italics: true })];
  return twoColumns(left, right, 0.38);
}

function dataTable(t: ReportTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.round((CONTENT_WIDTH * w) / total));
  const row = (texts: string[], isHeader: boolean): TableRow =>
    new TableRow({
      tableHeader: isHeader,
      children: texts.map((text, i) =>
        cell([para(text, { size: 12, bold: isHeader }, { alignment: isHeader || /^[\d.,%+−—]+$/u.test(text) ? AlignmentType.CENTER : AlignmentType.LEFT })], widths[i] ?? 0, {
          verticalAlign: VerticalAlign.CENTER,
          margins: { left: 80, right: 80, top: 30, bottom: 30 },
        }),
      ),
    });
  return new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: GRID, rows: [row(t.columns, true), ...t.rows.map((r) => row(r, false))] });
}

const BAR_WIDTH = mm(80);

/** One bar: a shaded cell as wide as the share, beside an empty remainder. */
function bar(value: number | null, fill: string): Table {
  const share = value === null ? 0 : Math.max(0, Math.min(100, value)) / 100;
  const filled = Math.round(BAR_WIDTH * share);
  const parts = [
    { width: filled, fill },
    { width: BAR_WIDTH - filled, fill: null },
  ].filter((p) => p.width > 20);
  const cells = parts.map((p) => cell([para('', { size: 6 })], p.width, p.fill === null ? {} : { shading: { type: ShadingType.CLEAR, color: 'auto', fill: p.fill } }));
  return new Table({ width: { size: BAR_WIDTH, type: WidthType.DXA }, columnWidths: parts.map((p) => p.width), layout: TableLayoutType.FIXED, borders: NO_BORDERS, rows: [new TableRow({ children: cells })] });
}

function chart(block: Extract<ReportBlock, { kind: 'chart' }>): (Paragraph | Table)[] {
  const labelWidth = CONTENT_WIDTH - BAR_WIDTH - mm(30);
  const row = (b: ReportChartBar): TableRow =>
    new TableRow({
      children: [
        cell([para(b.label, { size: 11 })], labelWidth, { verticalAlign: VerticalAlign.CENTER }),
        cell([bar(b.current, '1F4E79'), para('', { size: 2 }, { spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT } }), bar(b.previous, 'A6A6A6')], BAR_WIDTH + mm(2), { verticalAlign: VerticalAlign.CENTER }),
        cell([para(`${percentText(b.current)} / ${percentText(b.previous)}`, { size: 11 }), para(`${block.targetLabel}: ${b.target === null ? '—' : percentText(b.target)}`, { size: 10, italics: true })], CONTENT_WIDTH - labelWidth - BAR_WIDTH - mm(2), { verticalAlign: VerticalAlign.CENTER }),
      ],
    });
  return [
    para(block.title, { size: 13, bold: true }, { alignment: AlignmentType.CENTER, spacing: { after: 80 }, keepNext: true }),
    para(`Thanh trên (xanh): ${block.currentLabel.toLocaleLowerCase('vi')}; thanh dưới (xám): ${block.previousLabel.toLocaleLowerCase('vi')}`, { size: 11, italics: true }, { alignment: AlignmentType.CENTER, spacing: { after: 80 }, keepNext: true }),
    new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: NO_BORDERS, rows: block.bars.map(row) }),
  ];
}

function bodyBlock(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [para(block.text, { bold: true }, { spacing: { before: 120, after: 60 }, indent: { firstLine: mm(10) }, keepNext: true })];
    case 'paragraph':
      return [para(block.text, {}, { alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 312 }, indent: { firstLine: mm(10) } })];
    case 'table':
      return [dataTable(block.table), para('', { size: 8 })];
    case 'chart':
      return chart(block);
  }
}

function closingBlock(model: ReportModel): Table {
  const left = [para('Nơi nhận:', { size: 12, bold: true, italics: true }), ...model.recipients.map((r) => para(`- ${r}`, { size: 11 }))];
  const right = [
    ...model.signature.lines.map((line) => centred(line, { size: 14, bold: true })),
    centred('', {}, mm(20)),
    centred(model.signature.name, { size: 14, bold: true }),
  ];
  return twoColumns(left, right, 0.5);
}

/** The .docx bytes of the report. */
export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const pageNumber = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })] })] });
  const doc = new Document({
    creator: 'PCMT Desk',
    title: `${model.title} ${model.summary}`,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { ...MARGIN, header: mm(10) } }, titlePage: true },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: [
          headerBlock(model),
          centred('', {}, 120),
          centred(model.title, { size: 14, bold: true }),
          centred(model.summary, { size: 14, bold: true }),
          rule(CONTENT_WIDTH, 0.25),
          centred('', {}, 120),
          ...model.body.flatMap(bodyBlock),
          centred('', {}, 120),
          closingBlock(model),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
