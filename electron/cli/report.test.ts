/**
 * `pcmt report` on a district period with data (Huyện Đông Anh, 2025-Q2, loaded with
 * `pcmt load` as the e2e helpers do): the .docx, converted to PDF by LibreOffice headless,
 * and the PDF itself are read back with poppler (pdftotext, pdffonts) and checked for
 * the Decree 30/2020 fixed lines, the office, the date line and the indicator figures;
 * each first page is rendered to PNG under test-results/report/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorResult } from '../../shared/api/indicator-types';
import { percentText } from '../../shared/domain/report/report-text';
import { listIndicators } from '../services/indicator-service';
import { openServices } from '../services/index';
import { readReportSettings, saveReportSettings } from '../services/report/report-settings';
import { requireOfficeDetails } from '../services/office-service';
import { main } from './main';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const UNITS = path.join(DATA, 'dvhcvn-2025-03-01.json');
const FIXTURE = path.join(REPO, 'tests/fixtures/report/dong-anh-2025-Q2.json');
const SHOTS = path.join(REPO, 'test-results/report');
const PERIOD = '2025-Q2';
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

let dir = '';
let ws = '';
let indicators: IndicatorResult[] = [];

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The PDF's text with line breaks and runs of spaces as single spaces (pdftotext wraps where the page does). */
function textOf(pdf: string, isLayout = false): string {
  const args = isLayout ? ['-layout', '-enc', 'UTF-8', pdf, '-'] : ['-enc', 'UTF-8', pdf, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' }).normalize('NFC').replace(/\s+/gu, ' ');
}

/** pdffonts rows: name and whether the font is embedded ("emb" column). */
function fontsOf(pdf: string): { name: string; isEmbedded: boolean }[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/u);
    // name type… encoding emb sub uni object ID: emb is the 5th field from the end.
    return { name: cols[0] ?? '', isEmbedded: cols[cols.length - 5] === 'yes' };
  });
}

function firstPagePng(pdf: string, name: string): string {
  fs.mkdirSync(SHOTS, { recursive: true });
  const prefix = path.join(SHOTS, name);
  execFileSync('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-singlefile', '-png', pdf, prefix]);
  return `${prefix}.png`;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-report-'));
  ws = path.join(dir, 'dong-anh.sqlite');
  expect((await run('init', '--workspace', ws, '--units', UNITS, '--office', '017', '--scheme', 'GSO_2004')).code).toBe(0);
  expect((await run('load', FIXTURE, '--workspace', ws)).code).toBe(0);
  // The settings an office fills once, and this report's number and date.
  const s = openServices({ workspacePath: ws, hostKind: 'cli', isCreateAllowed: false });
  try {
    const current = readReportSettings(s.workspace, requireOfficeDetails(s.workspace), PERIOD);
    saveReportSettings(s.workspace, PERIOD, { ...current, number: '15', date: '2025-07-04', signerName: 'Nguyễn Văn Hùng', situation: 'Tình hình tội phạm về ma túy trên địa bàn cơ bản được kiềm chế.' });
    indicators = listIndicators(s.workspace, PERIOD, null).indicators;
  } finally {
    s.close();
  }
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What both PDFs must say: prose in reading order, table rows as laid out (-layout keeps a row on one line). */
function expectReportText(pdf: string): void {
  const text = textOf(pdf);
  const rows = textOf(pdf, true);
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(text).toContain('BÁO CÁO');
  expect(text).toContain('Kết quả công tác phòng, chống ma túy Quý II/2025');
  expect(text).toContain('huyện Đông Anh');
  expect(text).toContain('Đông Anh, ngày 04 tháng 7 năm 2025');
  expect(text).toContain('Số: 15/BC-BCĐ');
  expect(text).toContain('Nguyễn Văn Hùng');
  expect(text).toContain('- Lưu: VT, BCĐ.');
  // The fixture's hotspots: two active on 1/4 (one of them eliminated on 20/5), one found on 12/4.
  expect(text).toContain('Đầu kỳ có 2 điểm, tụ điểm hoạt động; trong kỳ phát hiện mới 1, triệt xóa 1; cuối kỳ còn 2 điểm, tụ điểm hoạt động.');
  expect(rows).toContain('1 Thị trấn Đông Anh Trọng điểm loại II a: I, b: II, c: II, đ: I');
  expect(rows).toContain('1 Xã Thuỵ Lâm 125/QĐ-UBND 20/12/2024');
  // Every indicator the service computed for the period is in the table with its figure and assessment.
  const computed = indicators.filter((i) => i.unit === 'PCT' && i.current.value !== null);
  expect(computed.length).toBeGreaterThan(0);
  for (const i of computed) {
    expect(rows).toContain(`${percentText(i.current.value)} ${percentText(i.previous.value)} ${i.isMet === true ? 'Đạt' : 'Chưa đạt'}`);
  }
  expect(text).not.toContain('MẬT');
  expect(text).not.toContain('Bãi đất trống ven đê');
  // Page numbers from page 2, at the top (Appendix I): page 1 starts with the header block.
  const firstLine = (page: number): string => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).trim().split('\n')[0]?.trim() ?? '';
  expect(firstLine(1)).toMatch(/^ỦY BAN NHÂN DÂN/u);
  expect(firstLine(2)).toBe('2');
}

describe('pcmt report', () => {
  it('writes a print-ready PDF with every font embedded', async () => {
    const pdf = path.join(dir, 'bao-cao.pdf');
    const result = await run('report', '--workspace', ws, '--period', PERIOD, '--out', pdf);
    expect(result.code).toBe(0);
    expect(result.out).toContain(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expectReportText(pdf);
    const fonts = fontsOf(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    expect(fonts.filter((f) => !f.isEmbedded)).toEqual([]);
    expect(fonts.every((f) => f.name.includes('LiberationSerif'))).toBe(true);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/u);
    expect(fs.statSync(firstPagePng(pdf, 'report-pdf-page1')).size).toBeGreaterThan(10_000);
  }, 120_000);

  it.skipIf(SOFFICE === undefined)('writes a .docx that LibreOffice converts to a PDF saying the same', async () => {
    const docx = path.join(dir, 'bao-cao.docx');
    expect((await run('report', '--workspace', ws, '--period', PERIOD, '--out', docx)).code).toBe(0);
    const outDir = path.join(dir, 'lo');
    // A private profile: a user's running LibreOffice or a parallel test must not share it.
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    execFileSync(SOFFICE as string, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { timeout: 150_000, stdio: 'ignore' });
    const pdf = path.join(outDir, 'bao-cao.pdf');
    expectReportText(pdf);
    expect(fontsOf(pdf).filter((f) => !f.isEmbedded)).toEqual([]);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/u);
    firstPagePng(pdf, 'report-docx-page1');
  }, 200_000);

  it('lists hotspot addresses and marks the report MẬT only with --with-hotspots', async () => {
    const pdf = path.join(dir, 'bao-cao-mat.pdf');
    const result = await run('report', '--workspace', ws, '--period', PERIOD, '--out', pdf, '--with-hotspots');
    expect(result.code).toBe(0);
    expect(result.err).toContain('MẬT');
    const text = textOf(pdf);
    expect(text).toContain('MẬT');
    expect(text).toContain('Bãi đất trống ven đê, thôn Lỗ Khê');
    expect(text).toContain('Nhà hoang ngõ 12 thôn Xuân Nộn');
    // Eliminated before the period: not in this period's list.
    expect(text).not.toContain('Khu lán trại cũ cạnh chợ');
  }, 120_000);

  it('refuses a file that is neither .docx nor .pdf, and a folder it cannot write, in one sentence', async () => {
    const bad = await run('report', '--workspace', ws, '--period', PERIOD, '--out', path.join(dir, 'bao-cao.odt'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('.docx hoặc .pdf');
    const missing = await run('report', '--workspace', ws, '--period', PERIOD, '--out', path.join(dir, 'no-such-folder', 'r.pdf'), '--lang', 'en');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Could not write the file');
    const noPeriod = await run('report', '--workspace', ws, '--out', path.join(dir, 'r.pdf'));
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.err).toContain('--period');
  }, 60_000);
});
