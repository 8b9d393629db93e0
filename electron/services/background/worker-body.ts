/**
 * The background worker's body: each job opens its own connection to the workspace (WAL
 * lets it read while the app writes), so a check or a copy of a large file costs the app
 * no time on its main thread.
 */
import { parentPort } from 'node:worker_threads';
import { writeCheckedCopy } from '../../../db/backup-file';
import { quickCheck, withReadOnlyFile } from '../../../db/integrity';
import { isAppError } from '../../../shared/errors';
import type { BackgroundJob, BackgroundReply } from './background-jobs';

function run(job: BackgroundJob): BackgroundReply {
  return withReadOnlyFile(job.file, (db): BackgroundReply => {
    if (job.kind === 'check') return { kind: 'checked', problem: quickCheck(db) };
    writeCheckedCopy(db, job.target, job.takenAt, job.reason);
    return { kind: 'copied' };
  });
}

parentPort?.on('message', (job: BackgroundJob) => {
  let reply: BackgroundReply;
  try {
    reply = run(job);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
    reply = { kind: 'failed', code, isAppError: isAppError(error), params: isAppError(error) ? error.params : {}, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
