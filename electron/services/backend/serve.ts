/**
 * The backend process's body: opens the workspace's services and serves them on a port,
 * through the same `dispatch` as the browser host and the CLI (validation, envelopes),
 * so a call answered over the port is byte for byte the call answered in-process.
 * The first frame says whether the workspace opened, with the sentence if not.
 */
import type { ApiResult } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { isAppError } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n/messages';
import { PROTOCOL, type PortLike } from '../../../shared/transport/protocol';
import { openServices, type Services } from '../index';
import type { HostKind } from '../workspace';
import { serveBackend, type CallContext } from './port-server';

export type BackendOpenOptions = { workspacePath: string; isCreateAllowed: boolean; hostKind: HostKind };

export type RunCall = (method: string, input: unknown, context: CallContext) => Promise<ApiResult<unknown>>;

/** Tests add jobs beyond the contract (a slow one, a crashing one) around the real run. */
export type WrapRun = (run: RunCall, services: Services) => RunCall;

export function serveServices(port: PortLike, open: BackendOpenOptions, wrapRun?: WrapRun): { close(): void } {
  let services: Services;
  try {
    services = openServices(open);
  } catch (error) {
    // The window shows this sentence instead of an empty window (no workspace, no app).
    const message = isAppError(error) ? errorMessage(error.code, error.params, 'vi') : String(error);
    port.postMessage({ p: PROTOCOL, kind: 'ready', language: 'vi', failure: { code: isAppError(error) ? error.code : 'INTERNAL', message } });
    return { close: () => undefined };
  }
  const opened = services;
  const options = { language: () => opened.language(), onInternalError: (method: string, error: unknown) => console.error(`[backend] ${method} failed`, error) };
  const run: RunCall = (method, input, context) => dispatch(opened.handlers, method, input, options, context);
  const server = serveBackend(port, {
    run: wrapRun === undefined ? run : wrapRun(run, opened),
    language: () => opened.language(),
    cancelled: () => ({ ok: false, error: { code: 'CALL_CANCELLED', message: errorMessage('CALL_CANCELLED', {}, opened.language()) } }),
    shutdown: () => {
      server.close();
      // A clean close folds the WAL back and removes its record (db/wal-guard.ts); a kill would leave both.
      opened.close();
      process.exit(0);
    },
  });
  port.postMessage({ p: PROTOCOL, kind: 'ready', language: opened.language(), failure: null });
  return {
    close: () => {
      server.close();
      opened.close();
    },
  };
}
