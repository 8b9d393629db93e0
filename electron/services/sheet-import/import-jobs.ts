/**
 * Imports in progress, by the request id the wizard gives (issue 11 item 1: "progress
 * for large files and a Cancel that leaves the workspace untouched"). imports.progress
 * says how far the reading has come; imports.cancel aborts it: the parse worker is
 * terminated at once, and an import whose signal is aborted never opens its transaction
 * (import-service.ts checks after the read), so nothing is stored. Judging the rows runs
 * synchronously after the read, so a cancel lands either before it or after the answer.
 */
import type { ImportProgress } from '../../../shared/api/import-types';
import type { Workspace } from '../workspace';
import type { ReadOptions } from './workbook';

type Job = { controller: AbortController; progress: ImportProgress };

const jobsOf = new WeakMap<Workspace, Map<string, Job>>();

function jobs(ws: Workspace): Map<string, Job> {
  let map = jobsOf.get(ws);
  if (!map) {
    map = new Map();
    jobsOf.set(ws, map);
  }
  return map;
}

/** Runs one import call under its request id (null: untracked, as the CLI calls it). */
export async function trackImport<T>(ws: Workspace, requestId: string | null, run: (options: ReadOptions) => Promise<T>): Promise<T> {
  if (requestId === null) return run({});
  const job: Job = { controller: new AbortController(), progress: { stage: 'reading', fraction: 0 } };
  jobs(ws).set(requestId, job);
  try {
    return await run({
      signal: job.controller.signal,
      onProgress: (fraction) => {
        job.progress = { stage: 'reading', fraction };
      },
    });
  } finally {
    if (jobs(ws).get(requestId) === job) jobs(ws).delete(requestId);
  }
}

/** Where the import with this id is; 'none' once it has answered (or never ran). */
export function importProgress(ws: Workspace, requestId: string): ImportProgress {
  return jobs(ws).get(requestId)?.progress ?? { stage: 'none', fraction: 0 };
}

/** Stops the import with this id; false when there is none running (it had already answered). */
export function cancelImport(ws: Workspace, requestId: string): { isCancelled: boolean } {
  const job = jobs(ws).get(requestId);
  if (!job) return { isCancelled: false };
  job.controller.abort();
  return { isCancelled: true };
}
