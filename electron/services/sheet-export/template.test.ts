import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { SheetName } from '../../../shared/api/register-types';
import { templateColumns } from '../../../shared/domain/sheet-columns';
import { listUnitsUnderOffice } from '../register-service';
import { sheetTemplate } from './export-service';
import { TEMPLATE_ROWS } from './template';
import { openTestWorkspace, type TestWorkspace } from './test-workspace';

let t: TestWorkspace;
beforeAll(async () => {
  t = await openTestWorkspace();
});
afterAll(() => t.close());

/** The parts of the written .xlsx (a zip), read with SheetJS's zip reader. */
function parts(base64: string): (name: string) => string {
  const zip = XLSX.CFB.read(Buffer.from(base64, 'base64'), { type: 'buffer' });
  return (name) => {
    const entry = XLSX.CFB.find(zip, `/${name}`);
    if (!entry?.content) throw new Error(`no ${name}`);
    return Buffer.from(entry.content as Uint8Array).toString('utf8');
  };
}

type Validation = { sqref: string; formula: string; type: string };

function validationsIn(sheetXml: string): Validation[] {
  return [...sheetXml.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]*)<\/formula1>/gu)].map((m) => ({
    sqref: /sqref="([^"]*)"/u.exec(m[1] ?? '')?.[1] ?? '',
    type: /type="([^"]*)"/u.exec(m[1] ?? '')?.[1] ?? '',
    formula: (m[2] ?? '').replace(/&apos;/gu, "'"),
  }));
}

const letter = (index: number) => XLSX.utils.encode_col(index);

describe.each(['communeStatuses', 'hotspots', 'modelSites'] as const)('the %s template', (sheet: SheetName) => {
  it('has the importable headers, one example row, and a drop-down on every closed-list column', async () => {
    const file = await sheetTemplate(t.services.workspace, sheet);
    const read = parts(file.bytesBase64);
    const book = XLSX.read(Buffer.from(file.bytesBase64, 'base64'), { type: 'buffer' });
    const [main = '', lists = ''] = book.SheetNames;
    expect(lists).toBe('Danh mục');
    // The lists' sheet is hidden (state 1 = hidden in SheetJS's workbook view).
    expect(book.Workbook?.Sheets?.[1]?.Hidden).toBe(1);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[main] as XLSX.WorkSheet, { header: 1, raw: true, defval: null, blankrows: true });
    const columns = templateColumns(sheet);
    const headerIndex = rows.findIndex((r) => r[0] === columns[0]?.labels.vi);
    expect(rows[headerIndex]).toEqual(columns.map((c) => c.labels.vi));
    expect(rows).toHaveLength(headerIndex + 2);
    expect(rows[headerIndex + 1]?.filter((v) => v !== null).length).toBeGreaterThan(columns.length / 2);

    const validations = validationsIn(read('xl/worksheets/sheet1.xml'));
    const headerRow = headerIndex + 1;
    const listed = columns.flatMap((c, i) => {
      const kind = c.kind.type;
      const hasList = kind === 'enum' || kind === 'set' || kind === 'bool' || (kind === 'ref' && c.kind.type === 'ref' && c.kind.target !== 'hotspot') || c.role === 'key';
      return hasList ? [{ column: c, index: i }] : [];
    });
    expect(listed.length).toBeGreaterThan(0);
    expect(validations).toHaveLength(listed.length);
    const listBook = book.Sheets['Danh mục'] as XLSX.WorkSheet;
    for (const { column, index } of listed) {
      const sqref = `${letter(index)}${headerRow + 1}:${letter(index)}${headerRow + TEMPLATE_ROWS}`;
      const found = validations.find((v) => v.sqref === sqref);
      expect(found, column.key).toBeDefined();
      expect(found?.type).toBe('list');
      const range = /^'Danh mục'!\$([A-Z]+)\$2:\$\1\$(\d+)$/u.exec(found?.formula ?? '');
      expect(range, found?.formula).not.toBeNull();
      const values = XLSX.utils.sheet_to_json<unknown[]>(listBook, { header: 1, range: `${range?.[1]}1:${range?.[1]}${range?.[2]}`, defval: null }).map((r) => r[0]);
      expect(values[0]).toBe(column.labels.vi);
      if (column.kind.type === 'enum') expect(values.slice(1)).toEqual(column.kind.values.map((code) => (column.kind.type === 'enum' ? column.kind.labels[code]?.vi : code)));
      if (column.kind.type === 'bool') expect(values.slice(1)).toEqual(['Có', 'Không']);
    }
  });
});

describe('a template', () => {
  it('lists the office’s communes by name for the commune column', async () => {
    const file = await sheetTemplate(t.services.workspace, 'hotspots');
    const book = XLSX.read(Buffer.from(file.bytesBase64, 'base64'), { type: 'buffer' });
    const lists = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Danh mục'] as XLSX.WorkSheet, { header: 1, defval: null });
    const column = lists[0]?.indexOf('Xã/phường') ?? -1;
    const names = lists.slice(1).map((r) => r[column]).filter((v) => v !== null);
    const communes = listUnitsUnderOffice(t.services.workspace).filter((u) => u.level === 'COMMUNE').map((u) => u.name);
    expect(names).toEqual(communes);
  });

  it('is written without a workspace, the closed lists still having their drop-downs', async () => {
    const file = await sheetTemplate(null, 'hotspots');
    const validations = validationsIn(parts(file.bytesBase64)('xl/worksheets/sheet1.xml'));
    const closed = templateColumns('hotspots').filter((c) => c.kind.type === 'enum' || c.kind.type === 'set');
    expect(validations).toHaveLength(closed.length);
    expect(file.fileName).toBe('mau-nhap_diem-tu-diem.xlsx');
  });
});
