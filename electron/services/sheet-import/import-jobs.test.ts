/**
 * Cancel and progress of the import wizard, through dispatch as the hosts call them: a
 * cancel ends the parse worker (the call answers SPREADSHEET_CANCELLED, which only the
 * abort path gives) and leaves the workspace as it was — no rows, no history, no
 * remembered mapping; a cancel that comes after the read but before the rows are
 * judged stops there too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_ROWS, registerWorkbook, type RegisterRow } from '../../../tests/support/hotspot-register';
import { dispatch } from '../../../shared/api/dispatch';
import type { ImportProgress } from '../../../shared/api/import-types';
import { openServices, type Services } from '../index';
import { setOffice } from '../office-service';
import { importUnitList } from '../units-service';
import { analyzeImport, type ImportRequest } from './import-service';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
let dir = '';
let s: Services;
const options = { language: () => s.language(), onInternalError: (_m: string, e: unknown) => console.error(e) };
// Big enough that reading it takes a while: 20,000 rows.
const BIG = registerWorkbook('xlsx', { rows: Array.from({ length: 20_000 }, (_, i) => ({ ...(REGISTER_ROWS[i % REGISTER_ROWS.length] as RegisterRow), address: `Số ${i + 1}, ngõ Chợ` })) });

function request(requestId: string): ImportRequest & { requestId: string } {
  return { sheet: 'hotspots', periodId: '2024-Q4', file: { fileName: 'so-lon.xlsx', bytesBase64: BIG.toString('base64') }, sheetName: null, headerRow: null, mapping: null, keyFields: null, requestId };
}

function stored(): { hotspots: unknown; history: unknown; mappings: unknown } {
  const one = (sql: string) => s.workspace.db.prepare(sql).pluck().get();
  return { hotspots: one('SELECT count(*) FROM hotspots'), history: one('SELECT count(*) FROM history'), mappings: one("SELECT count(*) FROM settings WHERE key LIKE 'import_mapping:%'") };
}

async function progressOf(requestId: string): Promise<ImportProgress> {
  const answer = await dispatch(s.handlers, 'imports.progress', { requestId }, options);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data as ImportProgress;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-import-jobs-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cancel and progress', () => {
  it.each(['imports.analyze', 'imports.apply'] as const)('%s: Cancel while the file is read stops the worker and stores nothing', async (method) => {
    const before = stored();
    const id = `cancel-${method.replace('.', '-')}`;
    const running = dispatch(s.handlers, method, request(id), options);
    expect((await progressOf(id)).stage).toBe('reading');
    expect(await dispatch(s.handlers, 'imports.cancel', { requestId: id }, options)).toEqual({ ok: true, data: { isCancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'SPREADSHEET_CANCELLED' } });
    expect(stored()).toEqual(before);
    expect(await progressOf(id)).toEqual({ stage: 'none', fraction: 0 });
    expect(await dispatch(s.handlers, 'imports.cancel', { requestId: id }, options)).toEqual({ ok: true, data: { isCancelled: false } });
  });

  it('a cancel after the read, before the rows are judged, stops there', async () => {
    const controller = new AbortController();
    const reading = analyzeImport(s.workspace, request('late-cancel'), { signal: controller.signal, onProgress: (f) => f >= 1 && controller.abort() });
    await expect(reading).rejects.toMatchObject({ code: 'SPREADSHEET_CANCELLED' });
    expect(stored()).toMatchObject({ mappings: 0 });
  }, 60_000);

  it('reports the reading as it goes, and answers when left alone', async () => {
    const id = 'progress-seen';
    const running = dispatch(s.handlers, 'imports.analyze', request(id), options);
    const seen: ImportProgress[] = [];
    let answer: Awaited<typeof running> | null = null;
    void running.then((a) => (answer = a));
    while (answer === null) {
      seen.push(await progressOf(id));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(answer).toMatchObject({ ok: true, data: { counts: { rows: 20_000, added: 20_000 } } });
    expect(seen[0]?.stage).toBe('reading');
    expect(seen.some((p) => p.stage === 'reading' && p.fraction > 0)).toBe(true);
    expect(await progressOf(id)).toEqual({ stage: 'none', fraction: 0 });
    // 20,000 rows read and judged: seconds, more on a loaded machine.
  }, 60_000);
});
