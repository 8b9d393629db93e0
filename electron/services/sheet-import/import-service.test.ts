import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REGISTER_FIRST_DATA_ROW, REGISTER_ROWS, registerWorkbook } from '../../../tests/support/hotspot-register';
import { dispatch } from '../../../shared/api/dispatch';
import type { ImportAnalysis, ImportApplyResult } from '../../../shared/api/import-types';
import { AppError } from '../../../shared/errors';
import { openServices, type Services } from '../index';
import { setOffice } from '../office-service';
import { listHotspotRows } from '../register-service';
import { importUnitList } from '../units-service';
import { analyzeImport, applyImport, type ImportRequest } from './import-service';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const P = '2024-Q4';
let dir = '';
let s: Services;
const options = { language: () => s.language(), onInternalError: (_m: string, e: unknown) => console.error(e) };

function request(bytes: Buffer, more: Partial<ImportRequest> = {}): ImportRequest {
  return { sheet: 'hotspots', periodId: P, file: { fileName: 'so-theo-doi.xlsx', bytesBase64: bytes.toString('base64') }, sheetName: null, headerRow: null, mapping: null, keyFields: null, ...more };
}

function hotspots() {
  return listHotspotRows(s.workspace, P, false).rows;
}

function countOf(sql: string): number {
  return (s.workspace.db.prepare(sql).get() as { n: number }).n;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-import-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  s.workspace.db.exec("DELETE FROM history; DELETE FROM hotspots; DELETE FROM settings WHERE key LIKE 'import_mapping:%'");
});

describe('analyzing an office register', () => {
  it('finds the header under the title block, skips the number row, stops at the totals, reads names and dates as typing does', async () => {
    const a = await analyzeImport(s.workspace, request(registerWorkbook()));
    expect(a.headerRow).toBe(7);
    expect(a.columns.map((c) => c.field)).toEqual([null, 'commune_code', 'village', 'address', 'category', 'discovered_date', 'status', 'note']);
    expect(a.rows.map((r) => r.row)).toEqual(REGISTER_ROWS.map((_, i) => REGISTER_FIRST_DATA_ROW + i));
    expect(a.rows.map((r) => r.values.commune_code)).toEqual(['00493', '00460', '00454', '00457', '00493']);
    expect(a.rows.map((r) => r.values.discovered_date)).toEqual(['2024-03-15', '2024-05-02', '2024-06-01', '2024-07-20', '2024-08-09']);
    expect(a.rows.map((r) => r.values.category)).toEqual(['TU_DIEM', 'DIEM', 'DIEM_NGUY_CO', 'DIEM', 'TU_DIEM']);
    expect(a.counts).toMatchObject({ rows: 5, added: 5, changed: 0, unchanged: 0, refused: 0, errors: 0 });
    expect(countOf('SELECT count(*) AS n FROM hotspots')).toBe(0);
  });

  it('reads the same register identically from .xls and .ods', async () => {
    const shape = (a: ImportAnalysis) => ({ header: a.headerRow, fields: a.columns.map((c) => c.field), rows: a.rows.map((r) => [r.row, r.outcome, r.values]) });
    const xlsx = shape(await analyzeImport(s.workspace, request(registerWorkbook('xlsx'))));
    expect(shape(await analyzeImport(s.workspace, request(registerWorkbook('xls'), { file: { fileName: 'so.xls', bytesBase64: registerWorkbook('xls').toString('base64') } })))).toEqual(xlsx);
    expect(shape(await analyzeImport(s.workspace, request(registerWorkbook('ods'), { file: { fileName: 'so.ods', bytesBase64: registerWorkbook('ods').toString('base64') } })))).toEqual(xlsx);
  });

  it('previews rule problems from the rules engine and a bad cell with its Excel row and column', async () => {
    const rows = REGISTER_ROWS.map((r, i) => (i === 1 ? { ...r, status: 'Đã triệt xóa' } : i === 3 ? { ...r, discovered: '31/02/2024' } : r));
    const a = await analyzeImport(s.workspace, request(registerWorkbook('xlsx', { rows })));
    const h2 = a.rows[1]?.problems.find((p) => p.code === 'H2');
    expect(h2).toMatchObject({ row: 11, severity: 'error' });
    expect(a.rows[3]?.problems[0]).toMatchObject({ row: 13, column: 'Ngày phát hiện', field: 'discovered_date', code: 'IMPORT_CELL_INVALID' });
    expect(a.rows.map((r) => r.outcome)).toEqual(['added', 'refused', 'added', 'refused', 'added']);
    expect(countOf('SELECT count(*) AS n FROM hotspots')).toBe(0);
  });
});

describe('applying', () => {
  it('stores every row in one history batch "nhập từ tệp <name>", and the same file again changes nothing', async () => {
    const bytes = registerWorkbook();
    const first: ImportApplyResult = await applyImport(s.workspace, request(bytes));
    expect(first.counts).toMatchObject({ added: 5, changed: 0, unchanged: 0 });
    expect(hotspots()).toHaveLength(5);
    // One batch; each new row's own entry says 'create', its cells 'import', all with the file's name.
    const batches = s.workspace.db.prepare('SELECT DISTINCT batch_id, cause, reason FROM v_history ORDER BY cause').all();
    expect(batches).toEqual(['create', 'import'].map((cause) => ({ batch_id: first.batchId, cause, reason: 'nhập từ tệp so-theo-doi.xlsx' })));
    // Stored compactly: one history row per new record, its cells inside it (migration 6).
    expect(countOf('SELECT count(*) AS n FROM history')).toBe(5);
    expect(countOf("SELECT count(*) AS n FROM v_history WHERE cause = 'import'")).toBeGreaterThanOrEqual(5 * 4);
    expect(first.ops.filter((o) => o.kind === 'create')).toHaveLength(5);
    const historyBefore = countOf('SELECT count(*) AS n FROM history');
    const again = await applyImport(s.workspace, request(bytes));
    expect(again.counts).toMatchObject({ rows: 5, added: 0, changed: 0, unchanged: 5 });
    expect(again.batchId).toBeNull();
    expect(countOf('SELECT count(*) AS n FROM history')).toBe(historyBefore);
  });

  it('matches by commune + address + date and changes only the fields that differ', async () => {
    await applyImport(s.workspace, request(registerWorkbook()));
    const rows = REGISTER_ROWS.map((r, i) => (i === 0 ? { ...r, note: 'Đã chuyển vào hẻm' } : r));
    const a = await analyzeImport(s.workspace, request(registerWorkbook('xlsx', { rows })));
    expect(a.counts).toMatchObject({ added: 0, changed: 1, unchanged: 4 });
    expect(a.rows[0]?.changes).toEqual([{ field: 'note', oldValue: 'Gần chợ', newValue: 'Đã chuyển vào hẻm' }]);
    const applied = await applyImport(s.workspace, request(registerWorkbook('xlsx', { rows })));
    expect(applied.ops).toEqual([expect.objectContaining({ kind: 'set', field: 'note', oldValue: 'Gần chợ', newValue: 'Đã chuyển vào hẻm' })]);
  });

  it('refuses the whole file when one commune is outside the office, names the row, stores nothing', async () => {
    const rows = REGISTER_ROWS.map((r, i) => (i === 2 ? { ...r, commune: 'Phúc Xá' } : r));
    const req = request(registerWorkbook('xlsx', { rows }));
    const a = await analyzeImport(s.workspace, req);
    expect(a.rows[2]?.problems[0]).toMatchObject({ row: 12, code: 'IMPORT_UNIT_UNKNOWN' });
    await expect(applyImport(s.workspace, req)).rejects.toMatchObject({ code: 'IMPORT_REFUSED', params: expect.objectContaining({ row: 12, count: 1 }) });
    expect(countOf('SELECT count(*) AS n FROM hotspots')).toBe(0);
    expect(countOf('SELECT count(*) AS n FROM history')).toBe(0);
  });

  it('takes a corrected mapping and remembers it for the same header set', async () => {
    const bytes = registerWorkbook();
    // "Ghi chú" into the responsible unit instead of the note, for the sake of the test.
    const corrected = await applyImport(s.workspace, request(bytes, { mapping: [{ index: 7, field: 'responsible_unit' }] }));
    expect(corrected.counts.added).toBe(5);
    expect(hotspots().find((h) => h.values.responsible_unit === 'Gần chợ')).toBeDefined();
    const later = await analyzeImport(s.workspace, request(bytes));
    expect(later.isMappingRemembered).toBe(true);
    expect(later.columns[7]?.field).toBe('responsible_unit');
  });

  it('refuses a field mapped twice and a missing sheet with a sentence', async () => {
    const bytes = registerWorkbook('xlsx', { withCoverSheet: true });
    await expect(analyzeImport(s.workspace, request(bytes, { sheetName: 'Không có' }))).rejects.toBeInstanceOf(AppError);
    // Without a name, the first sheet with a header row: the cover sheet in front is passed over.
    const a = await analyzeImport(s.workspace, request(bytes));
    expect(a.sheetNames).toEqual(['Hướng dẫn', 'Danh sách điểm']);
    expect(a.sheetName).toBe('Danh sách điểm');
    expect(a.counts.added).toBe(5);
    await expect(analyzeImport(s.workspace, request(bytes, { sheetName: 'Danh sách điểm', mapping: [{ index: 2, field: 'note' }, { index: 3, field: 'note' }] }))).rejects.toMatchObject({ code: 'IMPORT_FIELD_TWICE' });
  });
});

describe('through dispatch', () => {
  it('imports.analyze and imports.apply answer in the envelope; a bad input is refused', async () => {
    const handlers = s.handlers;
    const input = request(registerWorkbook());
    const analyzed = await dispatch(handlers, 'imports.analyze', input, options);
    expect(analyzed).toMatchObject({ ok: true, data: { counts: { added: 5 } } });
    const applied = await dispatch(handlers, 'imports.apply', input, options);
    expect(applied).toMatchObject({ ok: true, data: { counts: { added: 5 } } });
    expect(await dispatch(handlers, 'imports.apply', { ...input, sheet: 'people' }, options)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
