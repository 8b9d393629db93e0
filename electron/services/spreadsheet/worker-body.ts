/**
 * The worker side of readSpreadsheet: receives the bytes, parses, posts plain data back.
 * An AppError cannot cross a thread, so it goes as its code and parameters.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../../shared/errors';
import { parseSpreadsheet } from './parse-workbook';

export type WorkerRequest = { bytes: Uint8Array; fileName: string };

const port = parentPort;
port?.once('message', (request: WorkerRequest) => {
  try {
    const data = parseSpreadsheet(request.bytes, request.fileName, (fraction) => port.postMessage({ kind: 'progress', fraction }));
    port.postMessage({ kind: 'done', data });
  } catch (error) {
    if (isAppError(error)) port.postMessage({ kind: 'refused', code: error.code, params: error.params });
    else port.postMessage({ kind: 'failed' });
  }
});
