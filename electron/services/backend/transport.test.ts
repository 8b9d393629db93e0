/**
 * The backend transport with worker_threads standing in for Electron's utilityProcess:
 * the same frames, the same supervisor, the same backend body on a real workspace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { PROTOCOL, readFromBackend, readToBackend } from '../../../shared/transport/protocol';
import { superviseBackend, type Backend, type BackendProcess, type SupervisorOptions } from '../../../shared/transport/supervisor';
import { openServices } from '../index';
import { workerPort } from './connect';
import type { BackendOpenOptions } from './serve';

const JOBS_WORKER = new URL('../../../tests/support/backend-jobs-worker.mjs', import.meta.url);
const PLAIN_WORKER = new URL('./worker.mjs', import.meta.url);

const dirs: string[] = [];
const backends: Backend[] = [];

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-backend-'));
  dirs.push(dir);
  return path.join(dir, 'workspace.pcmt');
}

function spawnWorker(entry: URL, open: BackendOpenOptions): BackendProcess {
  const worker = new Worker(entry);
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ kind: 'connect', open, port: port2 }, [port2]);
  return { port: workerPort(port1), onExit: (listener) => worker.on('exit', listener), kill: () => void worker.terminate() };
}

function start(open: BackendOpenOptions, entry = JOBS_WORKER, extra: Partial<SupervisorOptions> = {}): Backend {
  const backend = superviseBackend({ spawn: () => spawnWorker(entry, open), ...extra });
  backends.push(backend);
  return backend;
}

afterEach(async () => {
  for (const backend of backends.splice(0)) {
    backend.stop();
    await Promise.race([backend.exited(), new Promise((resolve) => setTimeout(resolve, 3000))]);
    backend.kill();
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('frames', () => {
  it('a frame without the protocol tag, a bad id or a malformed result is dropped', () => {
    expect(readToBackend({ kind: 'call', id: 1, method: 'app.info', input: {} })).toBeNull();
    expect(readToBackend({ p: PROTOCOL, kind: 'call', id: 0, method: 'app.info' })).toBeNull();
    expect(readToBackend({ p: PROTOCOL, kind: 'call', id: 1.5, method: 'app.info' })).toBeNull();
    expect(readToBackend({ p: PROTOCOL, kind: 'eval', id: 1, code: 'x' })).toBeNull();
    expect(readToBackend({ p: PROTOCOL, kind: 'call', id: 3, method: 'app.info', input: {} })).toMatchObject({ kind: 'call', id: 3 });
    expect(readFromBackend({ p: PROTOCOL, kind: 'result', id: 1, result: { ok: false, error: { code: 'X' } }, language: 'vi' })).toBeNull();
    expect(readFromBackend({ p: PROTOCOL, kind: 'result', id: 1, result: { ok: true, data: 1 }, language: 'fr' })).toBeNull();
    expect(readFromBackend({ p: PROTOCOL, kind: 'progress', id: 2, progress: { fraction: 7 } })).toMatchObject({ progress: { fraction: 1 } });
    expect(readFromBackend('ready')).toBeNull();
  });
});

// Each test starts one or two worker threads that load the services through tsx: seconds each on a loaded machine.
describe('the backend in a worker thread', { timeout: 120_000 }, () => {
  it('answers exactly what dispatch answers in-process: data, validation errors, unknown methods', async () => {
    const file = workspace();
    const open: BackendOpenOptions = { workspacePath: file, isCreateAllowed: true, hostKind: 'electron' };
    const calls: [string, unknown][] = [
      ['settings.setUserName', { userName: 'Nguyễn Thị Lan' }],
      ['app.info', {}],
      ['office.get', {}],
      ['units.children', { scheme: 'GSO_2004', parentLevel: 'PROVINCE', parentCode: 'x' }],
      ['periods.unlock', { periodId: '2025-Q5', reason: 'vì sao' }],
      ['backups.restore', { name: 'none.bak' }],
      ['no.such', {}],
    ];
    const direct: ApiResult<unknown>[] = [];
    const services = openServices(open);
    for (const [method, input] of calls) {
      direct.push(await dispatch(services.handlers, method, input, { language: () => services.language(), onInternalError: () => undefined }));
    }
    services.close();
    const backend = start(open);
    expect((await backend.ready()).failure).toBeNull();
    const relayed: ApiResult<unknown>[] = [];
    for (const [method, input] of calls) relayed.push(await backend.call(method, input));
    expect(relayed).toEqual(direct);
    expect(relayed.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'ok', 'INVALID_INPUT', 'INVALID_INPUT', 'BACKUP_NOT_FOUND', 'UNKNOWN_METHOD']);
  });

  it('a workspace that cannot be opened gives its sentence to every call', async () => {
    const missing = path.join(path.dirname(workspace()), 'missing.pcmt');
    const backend = start({ workspacePath: missing, isCreateAllowed: false, hostKind: 'electron' });
    expect((await backend.ready()).failure?.code).toBe('WORKSPACE_NOT_FOUND');
    const result = await backend.call('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'WORKSPACE_NOT_FOUND', message: expect.stringContaining(missing) } });
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('a long job reports progress, and a cancel stops it with a sentence', async () => {
    const backend = start({ workspacePath: workspace(), isCreateAllowed: true, hostKind: 'electron' });
    const seen: number[] = [];
    const done = await backend.call('test.count', { steps: 4, delayMs: 5 }, { onProgress: (p) => seen.push(p.fraction) });
    expect(done).toEqual({ ok: true, data: { counted: 4 } });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);

    const controller = new AbortController();
    const partial: number[] = [];
    const started = Date.now();
    const cancelled = await backend.call('test.count', { steps: 500, delayMs: 20 }, {
      signal: controller.signal,
      onProgress: (p) => {
        partial.push(p.fraction);
        if (partial.length === 3) controller.abort();
      },
    });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CALL_CANCELLED', message: expect.stringMatching(/hủy/u) } });
    expect(partial.length).toBeGreaterThanOrEqual(3);
    expect(partial.length).toBeLessThan(10);
    expect(Date.now() - started).toBeLessThan(5000);
    // The backend is still there and answers the next call.
    expect(await backend.call('app.info', {})).toMatchObject({ ok: true });
  });

  it('a crash answers every waiting call with a sentence, restarts the backend, and the data is still there', async () => {
    const crashes: [number | null, boolean][] = [];
    const backend = start({ workspacePath: workspace(), isCreateAllowed: true, hostKind: 'electron' }, JOBS_WORKER, {
      onCrash: (code, willRestart) => crashes.push([code, willRestart]),
    });
    expect(await backend.call('settings.setUserName', { userName: 'Trần Văn Bình' })).toMatchObject({ ok: true });
    const waiting = backend.call('test.count', { steps: 1000, delayMs: 20 });
    const crashing = backend.call('test.crash', {});
    const answers = await Promise.all([waiting, crashing]);
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'BACKEND_CRASHED', message: expect.stringMatching(/khởi động lại/u) } });
    }
    expect(crashes).toEqual([[7, true]]);
    expect(await backend.call('app.info', {})).toMatchObject({ ok: true, data: { userName: 'Trần Văn Bình' } });
  });

  it('after too many crashes in a row it stops restarting and says so', async () => {
    const crashes: boolean[] = [];
    const backend = start({ workspacePath: workspace(), isCreateAllowed: true, hostKind: 'electron' }, JOBS_WORKER, {
      maxRestarts: 1,
      onCrash: (_code, willRestart) => crashes.push(willRestart),
    });
    expect(await backend.call('test.crash', {})).toMatchObject({ error: { code: 'BACKEND_CRASHED' } });
    expect(await backend.call('test.crash', {})).toMatchObject({ error: { code: 'BACKEND_CRASHED' } });
    expect(crashes).toEqual([true, false]);
    expect(await backend.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'BACKEND_UNAVAILABLE', message: expect.stringMatching(/mở lại/u) } });
  });

  it('the plain entry (what the utility process runs) serves the contract and shuts down cleanly', async () => {
    const file = workspace();
    const backend = start({ workspacePath: file, isCreateAllowed: true, hostKind: 'electron' }, PLAIN_WORKER);
    expect(await backend.call('app.info', {})).toMatchObject({ ok: true, data: { workspacePath: file } });
    expect(await backend.call('test.count', { steps: 1, delayMs: 1 })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    backend.stop();
    await backend.exited();
    // A clean close folds the WAL back: nothing is left beside the file.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(await backend.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'BACKEND_UNAVAILABLE' } });
  });
});
