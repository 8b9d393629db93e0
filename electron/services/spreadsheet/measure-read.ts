/**
 * Test helper run as a child process (hostile.test.ts): reads one file and prints one
 * JSON line with the outcome, the wall time, the process's peak RSS (worker included)
 * and the slowest answer of a local HTTP server meanwhile, which shows whether the main
 * thread stayed free. `--main-thread` parses with SheetJS directly, as the old reader
 * did, so the same measurement can be taken of the code before the fix.
 */
import * as http from 'node:http';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as XLSX from 'xlsx';
import { isAppError } from '../../../shared/errors';
import { readSpreadsheetFile } from './read-workbook';

const [file = '', mode = ''] = process.argv.slice(2);
const server = http.createServer((_req, res) => res.end('ok'));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

let slowestAnswerMs = 0;
let answers = 0;
let isReading = true;
const pinging = (async () => {
  while (isReading) {
    const sent = performance.now();
    await fetch(url).then((r) => r.text());
    slowestAnswerMs = Math.max(slowestAnswerMs, performance.now() - sent);
    answers += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
})();

const started = performance.now();
let outcome = 'read';
try {
  if (mode === '--main-thread') XLSX.read(fs.readFileSync(file), { type: 'buffer', dense: true });
  else await readSpreadsheetFile(file, 'bomb.xlsx');
} catch (error) {
  outcome = isAppError(error) ? error.code : String(error);
}
const ms = performance.now() - started;
isReading = false;
await pinging;
server.close();
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ outcome, ms: Math.round(ms), peakRssMb, slowestAnswerMs: Math.round(slowestAnswerMs), answers })}\n`);
