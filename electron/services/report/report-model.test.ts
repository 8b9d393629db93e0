/**
 * The report model of Huyện Đông Anh, 2025-Q2 (the fixture `pcmt report`'s test loads),
 * read through the contract: what each part of the body says follows from the stored
 * records, the settings round-trip, and the default report carries no hotspot address.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import type { ReportBlock, ReportFile, ReportModel } from '../../../shared/api/report-types';
import { openServices, type Services } from '../index';
import { checkDumpShape, loadDump } from '../load-service';
import { setOffice } from '../office-service';
import { importUnitList } from '../units-service';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../../tests/fixtures/report/dong-anh-2025-Q2.json', import.meta.url));
const PERIOD = '2025-Q2';
let dir = '';
let s: Services;

async function call<T>(method: string, input: unknown): Promise<{ ok: true; data: T } | { ok: false; code: string }> {
  const result = await dispatch(s.handlers, method, input, { language: s.language, onInternalError: (_m, e) => { throw e; } });
  return result.ok ? { ok: true, data: result.data as T } : { ok: false, code: result.error.code };
}

async function model(isHotspotListIncluded = false): Promise<ReportModel> {
  const r = await call<ReportModel>('report.get', { periodId: PERIOD, isHotspotListIncluded });
  if (!r.ok) throw new Error(r.code);
  return r.data;
}

const texts = (m: ReportModel): string[] => m.body.flatMap((b: ReportBlock) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : b.kind === 'table' ? b.table.rows.map((r) => r.join(' | ')) : []));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-report-model-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  const shape = checkDumpShape(JSON.parse(fs.readFileSync(FIXTURE, 'utf8')), null);
  if (!shape.ok) throw new Error(shape.where);
  loadDump(s.workspace, shape.input);
}, 60_000);

afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('report.get', () => {
  it('counts the communes by class and names the criteria of each key commune', async () => {
    const m = await model();
    expect(m.office).toEqual({ code: '017', name: 'Huyện Đông Anh' });
    expect(m.figures).toMatchObject({ communes: 24, communesEntered: 24, drugFree: 8, keyCommunes: 2 });
    const body = texts(m);
    expect(body).toContain('Trọng điểm loại II | 1 | 4,2%');
    expect(body).toContain('1 | Thị trấn Đông Anh | Trọng điểm loại II | a: I, b: II, c: II, đ: I');
    expect(body).toContain('2 | Xã Xuân Nộn | Trọng điểm loại III | a: III, b: II, c: III');
    expect(body).toContain('1 | Xã Thuỵ Lâm | 125/QĐ-UBND | 20/12/2024');
    expect(body).toContain('Có 8 đơn vị không ma túy, trong đó 1 đơn vị đã được công nhận.');
  });

  it('gives the period’s hotspot flows and the model sites still running, without addresses by default', async () => {
    const m = await model();
    expect(m.figures.hotspots).toEqual({ activeAtStart: 2, new: 1, eliminated: 1, activeAtEnd: 2 });
    // The dissolved one (GIAI_THE) is not counted.
    expect(m.figures.modelSites).toBe(2);
    expect(m.secrecy).toBeNull();
    expect(JSON.stringify(m)).not.toContain('Bãi đất trống');
    const secret = await model(true);
    expect(secret.secrecy).toBe('MẬT');
    expect(texts(secret).some((t) => t.includes('Bãi đất trống ven đê, thôn Lỗ Khê'))).toBe(true);
  });

  it('assesses each indicator against the phase’s target and charts the percentages', async () => {
    const m = await model();
    const table = m.body.filter((b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table').at(-1)?.table;
    const elim = table?.rows.find((r) => r[1]?.startsWith('Tỷ lệ điểm nóng bị triệt xóa'));
    // Of the three hotspots active since 2021 or found since, one was eliminated by 30/6/2025: 1/3 at the previous period's end, 1/2 now.
    expect(elim?.slice(3)).toEqual(['50%', '33,3%', 'Chưa đạt']);
    const chart = m.body.find((b): b is Extract<ReportBlock, { kind: 'chart' }> => b.kind === 'chart');
    expect(chart?.bars.find((b) => b.label.startsWith('Tỷ lệ điểm nóng'))).toMatchObject({ current: 50, target: 80 });
  });
});

describe('report.saveSettings and report.file', () => {
  it('keeps the office’s settings and this period’s number, date and paragraph', async () => {
    const before = await model();
    expect(before.header.numberLine).toBe('Số: \u00a0\u00a0\u00a0\u00a0\u00a0/BC-BCĐ');
    const saved = await call<ReportModel>('report.saveSettings', {
      periodId: PERIOD,
      isHotspotListIncluded: false,
      settings: { ...before.settings, number: ' 15 ', date: '2025-02-03', signerName: 'Nguyễn  Văn Hùng', situation: 'Tình hình ổn định.\nKhông phát sinh điểm mới.', recipients: ['UBND Thành phố (b/c);', ' '] },
    });
    expect(saved.ok).toBe(true);
    const after = await model();
    expect(after.header.numberLine).toBe('Số: 15/BC-BCĐ');
    expect(after.header.dateLine).toBe('Đông Anh, ngày 03 tháng 02 năm 2025');
    expect(after.signature).toEqual({ lines: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], name: 'Nguyễn Văn Hùng' });
    expect(after.recipients).toEqual(['UBND Thành phố (b/c);', 'Lưu: VT, BCĐ.']);
    expect(texts(after)).toContain('Không phát sinh điểm mới.');
    // Another period keeps its own number and date; the office's header is shared.
    const q3 = await call<ReportModel>('report.get', { periodId: '2025-Q1', isHotspotListIncluded: false });
    expect(q3.ok && q3.data.header.numberLine).toBe('Số: \u00a0\u00a0\u00a0\u00a0\u00a0/BC-BCĐ');
    expect(q3.ok && q3.data.recipients).toEqual(['UBND Thành phố (b/c);', 'Lưu: VT, BCĐ.']);
  });

  it('refuses a date that does not exist and stores nothing', async () => {
    const before = await model();
    const bad = await call('report.saveSettings', { periodId: PERIOD, isHotspotListIncluded: false, settings: { ...before.settings, number: '99', date: '2025-02-30' } });
    expect(bad).toEqual({ ok: false, code: 'INVALID_INPUT' });
    expect((await model()).header.numberLine).toBe(before.header.numberLine);
  });

  it('returns the .docx and the PDF named after the office and period', async () => {
    const docx = await call<ReportFile>('report.file', { periodId: PERIOD, format: 'docx', isHotspotListIncluded: false });
    const pdf = await call<ReportFile>('report.file', { periodId: PERIOD, format: 'pdf', isHotspotListIncluded: true });
    if (!docx.ok || !pdf.ok) throw new Error('report.file failed');
    expect(docx.data.fileName).toBe('BaoCao_017_2025-Q2.docx');
    expect(Buffer.from(docx.data.bytesBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(pdf.data.fileName).toBe('BaoCao_017_2025-Q2_MAT.pdf');
    expect(Buffer.from(pdf.data.bytesBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
