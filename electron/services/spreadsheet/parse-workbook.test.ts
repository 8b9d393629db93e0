import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { MAX_ZIP_ENTRIES } from '../../../shared/domain/spreadsheet';
import { AppError } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n/messages';
import { parseSpreadsheet } from './parse-workbook';
import { deflatedPart, partsOf, sheetJsWorkbook, zipOf, type RawPart } from './test-zips';

const ROWS = [
  ['Mã tỉnh', 'Mã xã', 'Tên xã'],
  ['01', '00001', 'Xã Kim Chung'],
  ['01', '00004', 'Phường Ba Đình'],
];

/** The refusal's code, and that its sentence in both languages is ours, not SheetJS's. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    for (const language of ['vi', 'en'] as const) {
      const message = errorMessage(error.code, error.params, language);
      expect(message).not.toMatch(/Unsupported|Major Version|Expected|undefined|\{\{/u);
    }
    return error.code;
  }
  throw new Error('expected a refusal');
}

function withSheet(xml: string): Buffer {
  return zipOf(partsOf(sheetJsWorkbook(ROWS)).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? deflatedPart(p.name, Buffer.from(xml)) : p)));
}

describe('parseSpreadsheet reads what offices save', () => {
  it.each(['xlsx', 'xls', 'ods'] as const)('reads %s by content, codes kept as text', (bookType) => {
    const data = parseSpreadsheet(sheetJsWorkbook(ROWS, bookType === 'xls' ? 'biff8' : bookType), 'danh-muc.bin');
    expect(data.format).toBe(bookType);
    expect(data.sheets[0]?.name).toBe('Danh mục');
    expect(data.sheets[0]?.firstRow).toBe(1);
    expect(data.sheets[0]?.rows[1]?.map((c) => c?.text)).toEqual(['01', '00001', 'Xã Kim Chung']);
  });

  it('marks date cells, keeps merges and the first row', () => {
    const sheet = XLSX.utils.aoa_to_sheet([[null], [null], ['Ngày', new Date(Date.UTC(2025, 2, 1))]], { cellDates: false });
    sheet['!merges'] = [{ s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }];
    sheet['!ref'] = 'A3:B3';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const data = parseSpreadsheet(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, 'a.xlsx');
    const only = data.sheets[0];
    expect(only?.firstRow).toBe(3);
    expect(only?.rows[0]?.[1]).toMatchObject({ isDate: true, value: 45717 });
    expect(only?.rows[0]?.[0]).toMatchObject({ isDate: false, value: 'Ngày' });
    expect(only?.merges).toEqual([{ s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }]);
  });

  it('reads CSV in UTF-8 with or without a BOM, fields as written', () => {
    const csv = 'Mã xã;Tên xã\r\n00001;Xã Kim Chung\r\n';
    for (const bytes of [Buffer.from(csv), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])]) {
      const data = parseSpreadsheet(bytes, 'xa.csv');
      expect(data.format).toBe('csv');
      expect(data.sheets[0]?.rows[1]).toEqual([
        { value: '00001', text: '00001', isDate: false },
        { value: 'Xã Kim Chung', text: 'Xã Kim Chung', isDate: false },
      ]);
    }
  });
});

describe('parseSpreadsheet refuses hostile and broken files with one sentence per cause', () => {
  it('a Windows-1252 CSV is told to save as CSV UTF-8', () => {
    const latin = Buffer.from('Tên;Mã\r\nCafé Hà;01\r\n', 'latin1');
    expect(refusal(() => parseSpreadsheet(latin, 'xa.csv'))).toBe('SPREADSHEET_NOT_UTF8');
    expect(errorMessage('SPREADSHEET_NOT_UTF8', { file: 'xa.csv' }, 'vi')).toContain('CSV UTF-8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tên\tMã\r\nXã A\t01\r\n', 'utf16le')]);
    expect(refusal(() => parseSpreadsheet(utf16, 'xa.txt'))).toBe('SPREADSHEET_NOT_UTF8');
  });

  it('random bytes named .xlsx are "not a spreadsheet", not "save as CSV UTF-8"', () => {
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 251;
    expect(refusal(() => parseSpreadsheet(random, 'ds.xlsx'))).toBe('SPREADSHEET_NOT_A_SPREADSHEET');
  });

  it('one flipped bit in a stored part is refused by its CRC-32 (SheetJS would read a renamed commune)', () => {
    const intact = sheetJsWorkbook(ROWS);
    const stored = XLSX.write(XLSX.read(intact), { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;
    const at = stored.indexOf('Kim Chung');
    const flipped = Buffer.from(stored);
    flipped[at] = (flipped[at] as number) ^ 0x01;
    const sheetJsSees = XLSX.utils.sheet_to_json<string[]>(XLSX.read(flipped).Sheets['Danh mục'] ?? {}, { header: 1 });
    expect(sheetJsSees[1]?.[2]).toBe('Xã Jim Chung');
    expect(refusal(() => parseSpreadsheet(flipped, 'a.xlsx'))).toBe('SPREADSHEET_DAMAGED');
  });

  it('billion laughs: a DOCTYPE or ENTITY in an XML part is refused before parsing', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    expect(refusal(() => parseSpreadsheet(withSheet(laughs), 'a.xlsx'))).toBe('SPREADSHEET_XML_DECLARATIONS');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(laughs, 'utf16le')]);
    const parts = partsOf(sheetJsWorkbook(ROWS)).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? deflatedPart(p.name, utf16) : p));
    expect(refusal(() => parseSpreadsheet(zipOf(parts), 'a.xlsx'))).toBe('SPREADSHEET_XML_DECLARATIONS');
  });

  it('a truncated xlsx is "incomplete"', () => {
    const whole = sheetJsWorkbook(ROWS);
    expect(refusal(() => parseSpreadsheet(whole.subarray(0, Math.floor(whole.length / 2)), 'a.xlsx'))).toBe('SPREADSHEET_TRUNCATED');
  });

  it('declared sizes over the limits are refused before anything is inflated', () => {
    const fake = (name: string, size: number): RawPart => ({ name, method: 8, compressed: Buffer.from([0x03, 0x00]), size, crc32: 0 });
    expect(refusal(() => parseSpreadsheet(zipOf([fake('xl/workbook.xml', 150 * 1024 * 1024)]), 'a.xlsx'))).toBe('SPREADSHEET_INFLATES_TOO_MUCH');
    const three = [fake('a.xml', 90 * 1024 * 1024), fake('b.xml', 90 * 1024 * 1024), fake('c.xml', 90 * 1024 * 1024)];
    expect(refusal(() => parseSpreadsheet(zipOf(three), 'a.xlsx'))).toBe('SPREADSHEET_INFLATES_TOO_MUCH');
    // 20 MB from 2 bytes: within the part limit, but no sheet compresses 10 million to one.
    expect(refusal(() => parseSpreadsheet(zipOf([fake('xl/workbook.xml', 20 * 1024 * 1024)]), 'a.xlsx'))).toBe('SPREADSHEET_INFLATES_TOO_MUCH');
  });

  it('a ZIP64 size field (which SheetJS would prefer to the sizes checked) is refused', () => {
    const zip64 = Buffer.alloc(20);
    zip64.writeUInt16LE(0x0001, 0);
    zip64.writeUInt16LE(16, 2);
    zip64.writeUInt32LE(0x40000000, 4);
    const parts = partsOf(sheetJsWorkbook(ROWS)).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, extra: zip64 } : p));
    expect(refusal(() => parseSpreadsheet(zipOf(parts), 'a.xlsx'))).toBe('SPREADSHEET_INFLATES_TOO_MUCH');
    expect(parseSpreadsheet(zipOf(parts.map((p) => ({ ...p, extra: Buffer.from([0x55, 0x54, 1, 0, 0]) }))), 'a.xlsx').format).toBe('xlsx');
  });

  it('a second end record hidden in the ZIP comment (read by SheetJS, not by a checker scanning less far) is refused', () => {
    const zip = sheetJsWorkbook(ROWS);
    const comment = Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    const withComment = Buffer.concat([zip, comment]);
    withComment.writeUInt16LE(comment.length, zip.length - 2);
    expect(refusal(() => parseSpreadsheet(withComment, 'a.xlsx'))).toBe('SPREADSHEET_DAMAGED');
  });

  it('a part that inflates past its declared size is refused as damaged', () => {
    const parts = partsOf(sheetJsWorkbook(ROWS)).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, size: 10 } : p));
    expect(refusal(() => parseSpreadsheet(zipOf(parts), 'a.xlsx'))).toBe('SPREADSHEET_DAMAGED');
  });

  it('more parts than a workbook ever has are refused', () => {
    const parts = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => deflatedPart(`p${i}.bin`, Buffer.from('x')));
    expect(refusal(() => parseSpreadsheet(zipOf(parts), 'a.xlsx'))).toBe('SPREADSHEET_TOO_MANY_PARTS');
  });

  it('a ZIP that is not a workbook, and broken workbook XML, get our sentence, never SheetJS English', () => {
    expect(refusal(() => parseSpreadsheet(zipOf([deflatedPart('word/document.xml', Buffer.from('<w/>'))]), 'a.xlsx'))).toBe('SPREADSHEET_NOT_A_SPREADSHEET');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 0x41)]);
    expect(() => XLSX.read(ole)).toThrow(/Major Version/u);
    expect(refusal(() => parseSpreadsheet(ole, 'a.xls'))).toBe('SPREADSHEET_UNREADABLE');
  });

  it('an empty file is "empty"', () => {
    expect(refusal(() => parseSpreadsheet(new Uint8Array(0), 'a.xlsx'))).toBe('SPREADSHEET_EMPTY');
  });
});
