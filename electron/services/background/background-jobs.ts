/**
 * Work on the workspace that the first screen must not wait for: the whole-file
 * integrity check and the day's backup copy, each in a worker thread with its own
 * read-only connection. The main thread (the Electron main process, the browser host)
 * keeps answering while a national-size file is read end to end.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorParams } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/i18n/errors-vi';

export type BackgroundJob = { kind: 'check'; file: string } | { kind: 'copy'; file: string; target: string; takenAt: string; reason: string };

export type BackgroundReply =
  | { kind: 'checked'; problem: string | null }
  | { kind: 'copied' }
  | { kind: 'failed'; code: string; isAppError: boolean; params: ErrorParams; message: string };

/** From source (tsx, vitest) the .mjs launcher registers tsx; the Electron bundle ships background.js beside main.js. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker.mjs' : './background.js', import.meta.url);
}

function failure(reply: Extract<BackgroundReply, { kind: 'failed' }>): Error {
  if (reply.isAppError) return new AppError(reply.code as ErrorCode, reply.params);
  // The code survives (SQLITE_FULL, ENOSPC…), so storageFailureCode tells a full disk as before.
  return Object.assign(new Error(reply.message), { code: reply.code });
}

function runJob(job: BackgroundJob): Promise<BackgroundReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl());
    let isSettled = false;
    const settle = (outcome: () => void): void => {
      if (isSettled) return;
      isSettled = true;
      void worker.terminate();
      outcome();
    };
    worker.on('message', (reply: BackgroundReply) => settle(() => (reply.kind === 'failed' ? reject(failure(reply)) : resolve(reply))));
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`background worker exited with ${code}`))));
    worker.postMessage(job);
  });
}

/** The whole-file quick_check of a workspace: null when sound, else SQLite's first problems. */
export async function checkFileInBackground(file: string): Promise<string | null> {
  const reply = await runJob({ kind: 'check', file });
  return reply.kind === 'checked' ? reply.problem : null;
}

/** A checked backup copy of the workspace file (db/backup-file.ts writeCheckedCopy), written off the main thread. */
export async function copyFileInBackground(file: string, target: string, takenAt: string, reason: string): Promise<void> {
  await runJob({ kind: 'copy', file, target, takenAt, reason });
}
