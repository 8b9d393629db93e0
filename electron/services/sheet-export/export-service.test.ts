import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { parseCsv } from '../../../shared/domain/csv';
import { formatDate, parseVietnameseNumber } from '../../../shared/domain/field-values';
import { dispatch } from '../../../shared/api/dispatch';
import { listCommuneRows } from '../commune-status-service';
import { listHotspotRows, listUnitsUnderOffice } from '../register-service';
import { exportSheetXlsx } from './export-service';
import { openTestWorkspace, PERIOD, type TestWorkspace } from './test-workspace';

let t: TestWorkspace;
beforeAll(async () => {
  t = await openTestWorkspace();
});
afterAll(() => t.close());

const bytesOf = (file: { bytesBase64: string }) => Buffer.from(file.bytesBase64, 'base64');

/** The text of one part of the .xlsx (a zip), read with SheetJS's zip reader. */
function xmlPart(bytes: Buffer, name: string): string {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, `/${name}`);
  if (!entry?.content) throw new Error(`no ${name}`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}

const HEADER_ROW = 6;

describe('exportSheetXlsx', () => {
  it('writes the rows given, in that order, with only the columns given, from the stored values', async () => {
    const [first = '', , third = ''] = t.hotspotIds;
    const columns = ['local_code', 'commune_code', 'discovered_date', 'persons_involved', 'drug_types', 'lat', 'isActiveAtEnd'];
    const file = await exportSheetXlsx(t.services.workspace, { sheet: 'hotspots', periodId: PERIOD, columns, rowIds: [third, first] });
    expect(file.fileName).toMatch(/^diem-tu-diem_2025-Q3_\d{8}\.xlsx$/u);
    const sheet = XLSX.read(bytesOf(file), { type: 'buffer', cellNF: true, cellDates: false }).Sheets['Điểm, tụ điểm'];
    if (!sheet) throw new Error('no sheet');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
    expect(rows[0]?.[0]).toBe('ĐIỂM, TỤ ĐIỂM');
    expect(String(rows[1]?.[0])).toContain('Huyện Đông Anh');
    expect(String(rows[2]?.[0])).toBe('Kỳ báo cáo: Quý III/2025');
    expect(rows[HEADER_ROW - 1]).toEqual(['Mã điểm', 'Xã/phường', 'Ngày phát hiện', 'Số đối tượng', 'Loại ma túy', 'Vĩ độ', 'Hoạt động cuối kỳ']);
    expect(rows).toHaveLength(HEADER_ROW + 2);

    const stored = listHotspotRows(t.services.workspace, PERIOD, false).rows;
    const byId = new Map(stored.map((r) => [r.id, r]));
    const communeName = listUnitsUnderOffice(t.services.workspace).find((u) => u.code === byId.get(first)?.values.commune_code)?.name;
    // Row 7 is the third hotspot (empty date and count), row 8 the first.
    expect(rows[HEADER_ROW]?.[0]).toBe(byId.get(third)?.values.local_code);
    expect(rows[HEADER_ROW]?.slice(2, 4)).toEqual([null, null]);
    expect(rows[HEADER_ROW + 1]).toEqual([byId.get(first)?.values.local_code, communeName, new Date(Date.UTC(2025, 0, 15)), 1234, 'Heroin; Cần sa', 21.123456, '✓']);

    const date = sheet[XLSX.utils.encode_cell({ r: HEADER_ROW + 1, c: 2 })] as XLSX.CellObject;
    expect(date).toMatchObject({ t: 'n', v: 45672, z: 'dd/mm/yyyy' });
    expect(XLSX.SSF.format('dd/mm/yyyy', 45672)).toBe('15/01/2025');
    const count = sheet[XLSX.utils.encode_cell({ r: HEADER_ROW + 1, c: 3 })] as XLSX.CellObject;
    expect(count).toMatchObject({ t: 'n', v: 1234, z: '#,##0' });
  });

  it('freezes the header row and the pinned code and commune columns, and sets widths', async () => {
    const file = await exportSheetXlsx(t.services.workspace, { sheet: 'hotspots', periodId: PERIOD, columns: null, rowIds: null });
    const xml = xmlPart(bytesOf(file), 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<pane xSplit="2" ySplit="6" topLeftCell="C7" activePane="bottomRight" state="frozen"\/>/u);
    expect(xml).toMatch(/<col min="1" max="1" width="12/u);
    expect(xml).toMatch(/<col min="4" max="4" width="32/u);
  });

  it('writes commune codes as text with their leading zeros, and each column as the grid shows it', async () => {
    const [code = ''] = t.communes;
    expect(code).toMatch(/^0/u);
    const file = await exportSheetXlsx(t.services.workspace, {
      sheet: 'communeStatuses',
      periodId: PERIOD,
      columns: ['code', 'name', 'resident_population', 'plants_destroyed_area_m2', 'commitment_signed', 'drug_free_certificate_date', 'activeHotspots'],
      rowIds: [code],
    });
    const sheet = XLSX.read(bytesOf(file), { type: 'buffer', cellNF: true, cellDates: false }).Sheets['Xã, phường'];
    if (!sheet) throw new Error('no sheet');
    const codeCell = sheet[XLSX.utils.encode_cell({ r: HEADER_ROW, c: 0 })] as XLSX.CellObject;
    expect(codeCell).toMatchObject({ t: 's', v: code, z: '@' });
    const row = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null })[HEADER_ROW];
    const stored = listCommuneRows(t.services.workspace, PERIOD).find((r) => r.code === code);
    expect(row).toEqual([code, stored?.name, 12_345, 12.5, 'Có', new Date(Date.UTC(2025, 6, 1)), stored?.activeHotspots]);
    expect(XLSX.SSF.format('dd/mm/yyyy', 45839)).toBe('01/07/2025');
    // Code and name are pinned in the communes grid.
    expect(xmlPart(bytesOf(file), 'xl/worksheets/sheet1.xml')).toContain('<pane xSplit="2" ySplit="6"');
  });

  it('exports every row and column when none are named (the command line)', async () => {
    const file = await exportSheetXlsx(t.services.workspace, { sheet: 'modelSites', periodId: PERIOD, columns: null, rowIds: null });
    const sheet = XLSX.read(bytesOf(file), { type: 'buffer' }).Sheets['Mô hình'];
    if (!sheet) throw new Error('no sheet');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
    expect(rows[HEADER_ROW - 1]?.[0]).toBe('Tên mô hình');
    expect(rows[HEADER_ROW]?.[0]).toBe('Câu lạc bộ “Gia đình không ma túy”');
    expect(file.rowCount).toBe(1);
  });
});

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

describe.skipIf(SOFFICE === undefined)('the export read by LibreOffice (headless, converted to CSV)', () => {
  it('shows codes with their leading zeros, dates dd/mm/yyyy and the numbers the sheet shows', async () => {
    const ws = t.services.workspace;
    const file = await exportSheetXlsx(ws, { sheet: 'communeStatuses', periodId: PERIOD, columns: null, rowIds: null });
    const xlsxPath = path.join(t.dir, 'communes.xlsx');
    fs.writeFileSync(xlsxPath, bytesOf(file));
    const outDir = path.join(t.dir, 'csv');
    // A private profile: a user's running LibreOffice or a parallel test must not share it.
    const profile = `file://${path.join(t.dir, 'lo-profile')}`;
    execFileSync(SOFFICE as string, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, xlsxPath], { timeout: 120_000, stdio: 'ignore' });
    const lines = parseCsv(fs.readFileSync(path.join(outDir, 'communes.csv'), 'utf8'), ',');
    const header = lines[HEADER_ROW - 1] ?? [];
    const at = (row: string[] | undefined, label: string) => row?.[header.indexOf(label)] ?? '';
    const stored = listCommuneRows(ws, PERIOD);
    expect(lines.length).toBe(HEADER_ROW + stored.length);
    stored.forEach((commune, i) => {
      const line = lines[HEADER_ROW + i];
      expect(at(line, 'Mã')).toBe(commune.code);
      expect(at(line, 'Tên xã/phường')).toBe(commune.name);
    });
    const first = lines[HEADER_ROW];
    expect(at(first, 'Mã')).toMatch(/^0\d{4}$/u);
    expect(at(first, 'Ngày công nhận')).toBe(formatDate('2025-07-01'));
    expect(parseVietnameseNumber(at(first, 'Nhân khẩu cư trú'), true)).toBe(12_345);
    expect(parseVietnameseNumber(at(first, 'Diện tích cây bị phá (m²)'))).toBe(12.5);
    expect(at(first, 'Đã ký cam kết')).toBe('Có');
  }, 180_000);
});

describe('through the contract', () => {
  const options = { language: () => 'vi' as const, onInternalError: () => undefined };

  it('exports and writes templates, and refuses a column the sheet does not have', async () => {
    const handlers = t.services.handlers;
    const ok = await dispatch(handlers, 'sheets.exportXlsx', { sheet: 'hotspots', periodId: PERIOD, columns: ['local_code', 'address'], rowIds: null }, options);
    expect(ok.ok && (ok.data as { rowCount: number }).rowCount).toBe(3);
    const bad = await dispatch(handlers, 'sheets.exportXlsx', { sheet: 'hotspots', periodId: PERIOD, columns: ['local_code', 'resident_population'], rowIds: null }, options);
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
    const template = await dispatch(handlers, 'sheets.template', { sheet: 'modelSites' }, options);
    expect(template.ok && (template.data as { fileName: string }).fileName).toBe('mau-nhap_mo-hinh.xlsx');
  });
});
