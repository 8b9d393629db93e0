/**
 * The one spreadsheet reader of the app (unit lists, the import wizard): .xlsx, .xls,
 * .ods and CSV, told apart by content. Parsing runs in a worker thread with a heap cap
 * and a time limit, so a hostile file is refused with a sentence while the host keeps
 * answering, and the app's own memory stays bounded whatever the file holds.
 */
import { promises as fs } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { PARSE_HEAP_LIMIT_MB, PARSE_TIME_LIMIT_MS, type SpreadsheetData } from '../../../shared/domain/spreadsheet';
import type { ErrorCode } from '../../../shared/i18n/errors-vi';
import { AppError, type ErrorParams } from '../../../shared/errors';
import { checkSize } from './parse-workbook';

export { isWorkbookBytes } from './parse-workbook';

export type { RawCell, SheetData, SpreadsheetData, SpreadsheetFormat } from '../../../shared/domain/spreadsheet';

export type ReadOptions = {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Overrides PARSE_TIME_LIMIT_MS (tests). */
  timeLimitMs?: number;
};

type WorkerReply =
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; data: SpreadsheetData }
  | { kind: 'refused'; code: ErrorCode; params: ErrorParams }
  | { kind: 'failed' };

/** From source (tsx, vitest) the .mjs launcher registers tsx; the Electron bundle ships worker.js beside main.js. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker.mjs' : './worker.js', import.meta.url);
}

export function readSpreadsheet(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<SpreadsheetData> {
  checkSize(bytes.length, fileName);
  const { signal, onProgress } = options;
  if (signal?.aborted === true) return Promise.reject(new AppError('SPREADSHEET_CANCELLED', { file: fileName }));
  return new Promise<SpreadsheetData>((resolve, reject) => {
    const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_LIMIT_MB } });
    let isSettled = false;
    const finish = (outcome: () => void): void => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const refuse = (code: ErrorCode, params: ErrorParams = {}): void => finish(() => reject(new AppError(code, { file: fileName, ...params })));
    const onAbort = (): void => refuse('SPREADSHEET_CANCELLED');
    const timer = setTimeout(() => refuse('SPREADSHEET_TOO_COMPLEX'), options.timeLimitMs ?? PARSE_TIME_LIMIT_MS);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'progress') onProgress?.(reply.fraction);
      else if (reply.kind === 'done') finish(() => {
        onProgress?.(1);
        resolve(reply.data);
      });
      else if (reply.kind === 'refused') refuse(reply.code, reply.params);
      else refuse('SPREADSHEET_UNREADABLE');
    });
    worker.on('error', (error: Error & { code?: string }) => {
      // Past the heap cap the worker dies, not the app: the file needs more than we allow.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') refuse('SPREADSHEET_TOO_COMPLEX');
      else finish(() => reject(error));
    });
    worker.on('exit', () => refuse('SPREADSHEET_TOO_COMPLEX'));
    worker.postMessage({ bytes, fileName });
  });
}

/** Reads a file from disk, checking its size before reading a byte of it. */
export async function readSpreadsheetFile(filePath: string, fileName: string, options: ReadOptions = {}): Promise<SpreadsheetData> {
  const stat = await fs.stat(filePath);
  checkSize(stat.size, fileName);
  return readSpreadsheet(await fs.readFile(filePath), fileName, options);
}
