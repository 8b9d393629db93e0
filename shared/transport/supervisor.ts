/**
 * The window process's end: starts the backend, relays calls to it and keeps it alive.
 * Every call gets exactly one answer. When the backend dies, each unanswered call is
 * answered BACKEND_CRASHED (a sentence, not a hang) and a new backend is started; after
 * `maxRestarts` deaths within `windowMs` it is given up on and calls answer
 * BACKEND_UNAVAILABLE. Electron's utilityProcess and a worker thread both fit
 * BackendProcess, so CI exercises this exact code.
 */
import type { ApiResult } from '../api/contract';
import type { Language } from '../i18n/format';
import { errorMessage } from '../i18n/messages';
import { PROTOCOL, readFromBackend, type CallProgress, type PortLike, type ReadyFrame, type ToBackend } from './protocol';

export type BackendProcess = {
  port: PortLike;
  onExit(listener: (exitCode: number | null) => void): void;
  kill(): void;
};

export type SupervisorOptions = {
  spawn(): BackendProcess;
  onEvent?(name: string, payload: unknown): void;
  /** For the log and for telling the window; willRestart false means given up. */
  onCrash?(exitCode: number | null, willRestart: boolean): void;
  maxRestarts?: number;
  windowMs?: number;
  now?: () => number;
};

/** The parts of an AbortSignal the relay uses (shared/ has no DOM or Node types). */
export type SignalLike = {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
};

export type CallOptions = { signal?: SignalLike; onProgress?: (progress: CallProgress) => void };

export type Backend = {
  /** The current backend's first frame: opened, or why not. */
  ready(): Promise<ReadyFrame>;
  call(method: string, input: unknown, options?: CallOptions): Promise<ApiResult<unknown>>;
  /** Intentional shutdown: asks the backend to close the workspace and exit; that exit is not a crash. */
  stop(): void;
  /** For a backend that does not exit after stop() (stuck in a synchronous job): SQLite keeps the file consistent. */
  kill(): void;
  /** Settles when the current backend has exited. */
  exited(): Promise<void>;
};

type Pending = { resolve: (result: ApiResult<unknown>) => void; onProgress?: (progress: CallProgress) => void };

type Live = { process: BackendProcess; ready: Promise<ReadyFrame>; exited: Promise<void>; pending: Map<number, Pending>; isGone: boolean };

export function superviseBackend(options: SupervisorOptions): Backend {
  const maxRestarts = options.maxRestarts ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? (() => Date.now());
  let language: Language = 'vi';
  let nextId = 1;
  let isStopped = false;
  let isGivenUp = false;
  const crashes: number[] = [];
  const failure = (code: 'BACKEND_CRASHED' | 'BACKEND_UNAVAILABLE'): { ok: false; error: { code: string; message: string; params: Record<string, never> } } => ({
    ok: false,
    error: { code, message: errorMessage(code, {}, language), params: {} },
  });

  const start = (): Live => {
    const process = options.spawn();
    const pending = new Map<number, Pending>();
    let markReady: (frame: ReadyFrame) => void = () => undefined;
    let markExited: () => void = () => undefined;
    const live: Live = {
      process,
      pending,
      isGone: false,
      ready: new Promise<ReadyFrame>((resolve) => (markReady = resolve)),
      exited: new Promise<void>((resolve) => (markExited = resolve)),
    };
    process.port.onMessage((raw) => {
      const frame = readFromBackend(raw);
      if (frame === null) return;
      if (frame.kind === 'ready') {
        language = frame.language;
        markReady(frame);
      } else if (frame.kind === 'result') {
        language = frame.language;
        pending.get(frame.id)?.resolve(frame.result);
        pending.delete(frame.id);
      } else if (frame.kind === 'progress') {
        pending.get(frame.id)?.onProgress?.(frame.progress);
      } else {
        options.onEvent?.(frame.name, frame.payload);
      }
    });
    process.onExit((exitCode) => {
      live.isGone = true;
      markExited();
      const isCrash = !isStopped;
      for (const call of pending.values()) call.resolve(failure(isStopped ? 'BACKEND_UNAVAILABLE' : 'BACKEND_CRASHED'));
      pending.clear();
      // A backend that dies before it is ready must not leave ready() waiting forever.
      markReady({ p: PROTOCOL, kind: 'ready', language, failure: { code: 'BACKEND_CRASHED', message: failure('BACKEND_CRASHED').error.message } });
      if (!isCrash || current !== live) return;
      const at = now();
      crashes.push(at);
      while (crashes.length > 0 && (crashes[0] ?? at) <= at - windowMs) crashes.shift();
      const willRestart = crashes.length <= maxRestarts;
      options.onCrash?.(exitCode, willRestart);
      if (willRestart) current = start();
      else isGivenUp = true;
    });
    return live;
  };

  let current = start();

  return {
    ready: () => current.ready,
    call: async (method, input, callOptions = {}) => {
      if (isStopped || isGivenUp) return failure('BACKEND_UNAVAILABLE');
      const live = current;
      const opened = await live.ready;
      if (live.isGone) return failure(isGivenUp || isStopped ? 'BACKEND_UNAVAILABLE' : 'BACKEND_CRASHED');
      if (opened.failure !== null) return { ok: false, error: { code: opened.failure.code, message: opened.failure.message } };
      const id = nextId;
      nextId += 1;
      const { signal, onProgress } = callOptions;
      return new Promise<ApiResult<unknown>>((resolve) => {
        const onAbort = (): void => live.process.port.postMessage({ p: PROTOCOL, kind: 'cancel', id } satisfies ToBackend);
        live.pending.set(id, {
          resolve: (result) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(result);
          },
          ...(onProgress === undefined ? {} : { onProgress }),
        });
        live.process.port.postMessage({ p: PROTOCOL, kind: 'call', id, method, input } satisfies ToBackend);
        if (signal?.aborted === true) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    stop: () => {
      isStopped = true;
      const live = current;
      if (live.isGone) return;
      live.process.port.postMessage({ p: PROTOCOL, kind: 'shutdown', id: 1 } satisfies ToBackend);
    },
    kill: () => {
      isStopped = true;
      current.process.kill();
    },
    exited: () => current.exited,
  };
}
