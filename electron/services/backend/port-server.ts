/**
 * The backend's end of the port: runs each call (concurrently, as the hosts do), sends
 * its progress, and aborts its signal on a cancel frame. A cancelled call that did not
 * finish its work answers CALL_CANCELLED; one that finished anyway answers what it did,
 * so the window never believes a write was undone when it was not. A handler that
 * blocks the thread (better-sqlite3 is synchronous) sees the cancel only when it yields.
 */
import type { ApiResult } from '../../../shared/api/contract';
import type { Language } from '../../../shared/i18n/format';
import { PROTOCOL, readToBackend, type CallProgress, type FromBackend, type PortLike } from '../../../shared/transport/protocol';

/** What a call may use besides its input: the cancel signal, and a way to report progress. */
export type CallContext = { signal: AbortSignal; progress(progress: CallProgress): void };

export type BackendRunner = {
  run(method: string, input: unknown, context: CallContext): Promise<ApiResult<unknown>>;
  language(): Language;
  cancelled(): ApiResult<never>;
  /** The shell asked to quit: close the workspace and end the process. */
  shutdown(): void;
};

export type BackendServer = {
  /** Pushes an event (e.g. data.changed) to the window. */
  emit(name: string, payload: unknown): void;
  close(): void;
};

export function serveBackend(port: PortLike, runner: BackendRunner): BackendServer {
  const running = new Map<number, AbortController>();
  const send = (frame: FromBackend): void => port.postMessage(frame);

  const start = async (id: number, method: string, input: unknown): Promise<void> => {
    const controller = new AbortController();
    running.set(id, controller);
    const context: CallContext = {
      signal: controller.signal,
      progress: (progress) => {
        if (!controller.signal.aborted) send({ p: PROTOCOL, kind: 'progress', id, progress });
      },
    };
    let result: ApiResult<unknown>;
    try {
      result = await runner.run(method, input, context);
    } catch {
      // run is dispatch, which already turns throws into envelopes; this is the backstop.
      result = { ok: false, error: { code: 'INTERNAL', message: 'INTERNAL' } };
    }
    running.delete(id);
    if (controller.signal.aborted && !result.ok) result = runner.cancelled();
    send({ p: PROTOCOL, kind: 'result', id, result, language: runner.language() });
  };

  const unsubscribe = port.onMessage((raw) => {
    const frame = readToBackend(raw);
    if (frame === null) return;
    if (frame.kind === 'shutdown') runner.shutdown();
    else if (frame.kind === 'cancel') running.get(frame.id)?.abort();
    else if (!running.has(frame.id)) void start(frame.id, frame.method, frame.input);
  });

  return {
    emit: (name, payload) => send({ p: PROTOCOL, kind: 'event', name, payload }),
    close: () => {
      unsubscribe();
      for (const controller of running.values()) controller.abort();
    },
  };
}
