import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCommuneRows } from '../commune-status-service';
import { openServices, type Services } from '../index';
import { setOffice } from '../office-service';
import { listModelSiteRows } from '../register-service';
import { importUnitList } from '../units-service';
import { analyzeImport, applyImport, type ImportRequest } from './import-service';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const P = '2024-Q4';
let dir = '';
let s: Services;

function csv(fileName: string, text: string, more: Partial<ImportRequest>): ImportRequest {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return { sheet: 'communeStatuses', periodId: P, file: { fileName, bytesBase64: bytes.toString('base64') }, sheetName: null, headerRow: null, mapping: null, keyFields: null, ...more };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-import-sheets-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Communes sheet', () => {
  it('matches communes by name within the office (UTF-8 CSV with a BOM) and stores their figures for the period', async () => {
    const req = csv('so-lieu.csv', 'STT,"Xã, thị trấn",Nhân khẩu cư trú,Người nghiện có hồ sơ\n1,Kim Chung,"12.345",4\n2,Thụy Lâm,8000,0\n', {});
    const a = await analyzeImport(s.workspace, req);
    expect(a.format).toBe('csv');
    expect(a.keyFields).toEqual(['name']);
    expect(a.counts).toMatchObject({ rows: 2, added: 2, refused: 0 });
    await applyImport(s.workspace, req);
    const rows = new Map(listCommuneRows(s.workspace, P).map((r) => [r.code, r.status]));
    expect(rows.get('00493')).toMatchObject({ resident_population: 12345, addicts_with_records: 4 });
    expect(rows.get('00460')).toMatchObject({ resident_population: 8000, addicts_with_records: 0 });
    expect((await analyzeImport(s.workspace, req)).counts).toMatchObject({ unchanged: 2, added: 0, changed: 0 });
  });

  it('matches by code when the file has one, and refuses a code outside the office', async () => {
    const req = csv('ma.csv', 'Mã xã,Nhân khẩu cư trú\n00493,12400\n00001,5\n', {});
    const a = await analyzeImport(s.workspace, req);
    expect(a.keyFields).toEqual(['code']);
    expect(a.rows.map((r) => r.outcome)).toEqual(['changed', 'refused']);
    await expect(applyImport(s.workspace, req)).rejects.toMatchObject({ code: 'IMPORT_REFUSED' });
    expect(listCommuneRows(s.workspace, P).find((r) => r.code === '00493')?.status.resident_population).toBe(12345);
  });

  it('needs a period', async () => {
    await expect(analyzeImport(s.workspace, csv('ma.csv', 'Mã xã,Nhân khẩu cư trú\n00493,1\n', { periodId: null }))).rejects.toMatchObject({ code: 'EDIT_NEEDS_PERIOD' });
  });
});

describe('the Model sites sheet', () => {
  it('matches by name + host unit', async () => {
    const text = 'Tên mô hình,Đơn vị thực hiện,Loại mô hình,Ngày thành lập\nCLB sau cai Kim Chung,Kim Chung,CLB sau cai,05/01/2023\n';
    const req = csv('mo-hinh.csv', text, { sheet: 'modelSites' });
    expect((await applyImport(s.workspace, req)).counts).toMatchObject({ added: 1 });
    expect(listModelSiteRows(s.workspace, P, false).map((m) => [m.values.name, m.values.host_unit_code, m.values.model_type, m.values.establishment_date])).toEqual([
      ['CLB sau cai Kim Chung', '00493', 'CLB_SAU_CAI', '2023-01-05'],
    ]);
    expect((await applyImport(s.workspace, req)).counts).toMatchObject({ added: 0, unchanged: 1 });
  });

  it('refuses a target year outside 1990–2100 with a sentence, not a storage error', async () => {
    const req = csv('nam.csv', 'Tên mô hình,Đơn vị thực hiện,Năm chỉ tiêu\nCLB Thụy Lâm,Thụy Lâm,1\nCLB Kim Chung 2,Kim Chung,2025\n', { sheet: 'modelSites' });
    const a = await analyzeImport(s.workspace, req);
    expect(a.rows.map((r) => r.outcome)).toEqual(['refused', 'added']);
    expect(JSON.stringify(a.rows[0])).toContain('1990');
    await expect(applyImport(s.workspace, req)).rejects.toMatchObject({ code: 'IMPORT_REFUSED' });
    expect(listModelSiteRows(s.workspace, P, false).map((m) => m.values.name)).toEqual(['CLB sau cai Kim Chung']);
  });
});
