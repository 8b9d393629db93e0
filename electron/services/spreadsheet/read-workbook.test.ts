import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { readSpreadsheet, readSpreadsheetFile } from './read-workbook';
import { bombSheetPart, partsOf, sheetJsWorkbook, zipOf } from './test-zips';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-sheet-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROWS = [['Mã xã', 'Tên xã'], ['00001', 'Xã Kim Chung']];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'read';
}

/** Parses in a fresh `node` process and returns what measure-read.ts printed. */
async function measure(file: string): Promise<{ outcome: string; ms: number; peakRssMb: number; slowestAnswerMs: number; answers: number }> {
  const script = path.join(import.meta.dirname, 'measure-read.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, file], { timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Awaited<ReturnType<typeof measure>>;
}

describe('readSpreadsheet parses in a bounded worker', () => {
  it('returns plain sheet data and reports progress up to 1', async () => {
    const seen: number[] = [];
    const data = await readSpreadsheet(sheetJsWorkbook(ROWS), 'a.xlsx', { onProgress: (f) => seen.push(f) });
    expect(data.sheets[0]?.rows[1]?.map((c) => c?.value)).toEqual(['00001', 'Xã Kim Chung']);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('passes a refusal from the worker on as the same code', async () => {
    expect(await codeOf(readSpreadsheet(Buffer.from('Tên;Mã\r\nCafé;01\r\n', 'latin1'), 'a.csv'))).toBe('SPREADSHEET_NOT_UTF8');
  });

  it('cancels on the signal and stops at the time limit', async () => {
    const controller = new AbortController();
    const reading = readSpreadsheet(sheetJsWorkbook(ROWS), 'a.xlsx', { signal: controller.signal });
    controller.abort();
    expect(await codeOf(reading)).toBe('SPREADSHEET_CANCELLED');
    expect(await codeOf(readSpreadsheet(sheetJsWorkbook(ROWS), 'a.xlsx', { timeLimitMs: 1 }))).toBe('SPREADSHEET_TOO_COMPLEX');
  });

  it('a 200 MB CSV is refused by its size before it is read', async () => {
    const file = path.join(dir, 'huge.csv');
    fs.writeFileSync(file, 'Mã xã;Tên xã\r\n');
    // Sparse: the test never holds or writes 200 MB.
    fs.truncateSync(file, 200 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(await codeOf(readSpreadsheetFile(file, 'huge.csv'))).toBe('SPREADSHEET_FILE_TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('a zip bomb (about 2 MB that inflates to about 500 MB), measured in a child process', () => {
  const bomb = partsOf(sheetJsWorkbook(ROWS)).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? bombSheetPart(p.name, 470) : p));

  it.each([
    ['honest sizes', 'SPREADSHEET_INFLATES_TOO_MUCH', bomb],
    ['sizes that lie', 'SPREADSHEET_DAMAGED', bomb.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, size: 900_000 } : p))],
  ])('with %s is refused within 1 GB and 10 s while the host keeps answering', async (_label, code, parts) => {
    const file = path.join(dir, 'bomb.xlsx');
    const bytes = zipOf(parts);
    expect(bytes.length).toBeLessThan(2.5 * 1024 * 1024);
    expect(bomb.reduce((sum, p) => sum + p.size, 0)).toBeGreaterThan(500_000_000);
    fs.writeFileSync(file, bytes);
    const result = await measure(file);
    expect(result.outcome).toBe(code);
    expect(result.peakRssMb).toBeLessThanOrEqual(1024);
    expect(result.ms).toBeLessThanOrEqual(10_000);
    expect(result.slowestAnswerMs).toBeLessThan(1000);
  });

  it('a large file within the limits is parsed while the host keeps answering', async () => {
    const file = path.join(dir, 'big.xlsx');
    fs.writeFileSync(file, zipOf(bomb.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? bombSheetPart(p.name, 20) : p))));
    const result = await measure(file);
    expect(result.outcome).toBe('read');
    expect(result.peakRssMb).toBeLessThanOrEqual(1024);
    expect(result.answers).toBeGreaterThan(10);
    expect(result.slowestAnswerMs).toBeLessThan(1000);
    // Parsing 20 MB of sheet XML takes a few seconds alone, more beside other test files.
  }, 60_000);
});
