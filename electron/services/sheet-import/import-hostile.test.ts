/**
 * Hostile spreadsheets on the import path (issue 11, "Done when"): imports.analyze and
 * imports.apply, through dispatch as the hosts call them, answer each with its sentence
 * (vi, naming the file, saying nothing was imported) and store nothing — no rows, no
 * history, no remembered mapping — within a memory bound. The 200 MB CSV is refused by
 * its size before it is read: electron/cli/import.test.ts (a file on disk) and the
 * wizard's own check (the browser never loads it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWorkbook } from '../../../tests/support/hotspot-register';
import { dispatch } from '../../../shared/api/dispatch';
import { openServices, type Services } from '../index';
import { setOffice } from '../office-service';
import { bombSheetPart, deflatedPart, partsOf, zipOf } from '../spreadsheet/test-zips';
import { importUnitList } from '../units-service';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const SHEET = 'xl/worksheets/sheet1.xml';
/** Growth of the process's peak RSS allowed over all the files below (the parse worker's own start-up included). */
const MEMORY_BOUND_MB = 200;
let dir = '';
let s: Services;
const options = { language: () => s.language(), onInternalError: (_m: string, e: unknown) => console.error(e) };

const register = registerWorkbook();
const withSheet = (part: (name: string) => ReturnType<typeof deflatedPart>) => zipOf(partsOf(register).map((p) => (p.name === SHEET ? part(p.name) : p)));
const LAUGHS = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';

const HOSTILE: [string, string, () => Buffer][] = [
  ['a zip bomb (2 MB that inflates to 470 MB)', 'SPREADSHEET_INFLATES_TOO_MUCH', () => withSheet((name) => bombSheetPart(name, 470))],
  ['billion laughs', 'SPREADSHEET_XML_DECLARATIONS', () => withSheet((name) => deflatedPart(name, Buffer.from(LAUGHS)))],
  ['a truncated .xlsx', 'SPREADSHEET_TRUNCATED', () => register.subarray(0, Math.floor(register.length / 2))],
  ['random bytes named .xlsx', 'SPREADSHEET_NOT_A_SPREADSHEET', () => Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919 + (i >> 8)) % 256))],
];

function stored(): unknown {
  const one = (sql: string) => s.workspace.db.prepare(sql).pluck().get();
  return { hotspots: one('SELECT count(*) FROM hotspots'), history: one('SELECT count(*) FROM history'), settings: one('SELECT count(*) FROM settings') };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-import-hostile-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  // The worker and the reader warmed up once, so the bound measures the files, not the first start.
  await dispatch(s.handlers, 'imports.analyze', { sheet: 'hotspots', periodId: '2024-Q4', file: { fileName: 'so.xlsx', bytesBase64: register.toString('base64') }, sheetName: null, headerRow: null, mapping: null, keyFields: null }, options);
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('hostile spreadsheets through imports.analyze and imports.apply', () => {
  const peakBefore = { mb: 0 };
  beforeAll(() => {
    peakBefore.mb = process.resourceUsage().maxRSS / 1024;
  });

  it.each(HOSTILE)('%s: a sentence, nothing stored', async (_name, code, make) => {
    const before = stored();
    const file = { fileName: 'so-theo-doi.xlsx', bytesBase64: make().toString('base64') };
    for (const method of ['imports.analyze', 'imports.apply'] as const) {
      const answer = await dispatch(s.handlers, method, { sheet: 'hotspots', periodId: '2024-Q4', file, sheetName: null, headerRow: null, mapping: null, keyFields: null }, options);
      expect(answer).toMatchObject({ ok: false, error: { code } });
      const message = answer.ok ? '' : answer.error.message;
      expect(message).toContain('“so-theo-doi.xlsx”');
      expect(message).toContain('Không có gì được nhập');
      expect(stored()).toEqual(before);
    }
  }, 30_000);

  it(`stays within ${MEMORY_BOUND_MB} MB of peak memory over all of them`, () => {
    expect(process.resourceUsage().maxRSS / 1024 - peakBefore.mb).toBeLessThan(MEMORY_BOUND_MB);
  });
});
