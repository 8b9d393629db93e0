/**
 * The frames between the window's process and the backend (issue 13 item 1). Electron
 * runs the services in a utilityProcess and relays `app:*` calls to it over a
 * MessagePort; CI runs the very same frames over a worker_threads MessagePort. Frames
 * are plain structured-clone data with a protocol tag, read with a structural check on
 * both sides: a frame that does not parse is dropped, never trusted.
 */
import type { ApiResult } from '../api/contract';
import type { Language } from '../i18n/format';

export const PROTOCOL = 'pcmt-backend/1';

/** How far a long call is (0–1), with an optional stage name for the page to show. */
export type CallProgress = { fraction: number; stage?: string };

export type CallFrame = { p: typeof PROTOCOL; kind: 'call'; id: number; method: string; input: unknown };
export type CancelFrame = { p: typeof PROTOCOL; kind: 'cancel'; id: number };
/** Close the workspace cleanly and exit (the app is quitting); id is always 1. */
export type ShutdownFrame = { p: typeof PROTOCOL; kind: 'shutdown'; id: 1 };
export type ToBackend = CallFrame | CancelFrame | ShutdownFrame;

export type ResultFrame = { p: typeof PROTOCOL; kind: 'result'; id: number; result: ApiResult<unknown>; language: Language };
export type ProgressFrame = { p: typeof PROTOCOL; kind: 'progress'; id: number; progress: CallProgress };
export type EventFrame = { p: typeof PROTOCOL; kind: 'event'; name: string; payload: unknown };
/** First frame of a backend: the workspace opened (with the language to speak), or the sentence why not. */
export type ReadyFrame = { p: typeof PROTOCOL; kind: 'ready'; language: Language; failure: { code: string; message: string } | null };
export type FromBackend = ResultFrame | ProgressFrame | EventFrame | ReadyFrame;

/** Anything that carries structured-clone messages: a worker_threads or Electron MessagePort, behind an adapter. */
export type PortLike = {
  postMessage(message: unknown): void;
  /** Returns the unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

function isResult(value: unknown): value is ApiResult<unknown> {
  if (!isRecord(value)) return false;
  if (value['ok'] === true) return 'data' in value;
  const error = value['error'];
  return value['ok'] === false && isRecord(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string';
}

/** A frame the backend may act on, or null. */
export function readToBackend(raw: unknown): ToBackend | null {
  if (!isRecord(raw) || raw['p'] !== PROTOCOL || !isId(raw['id'])) return null;
  if (raw['kind'] === 'cancel') return { p: PROTOCOL, kind: 'cancel', id: raw['id'] };
  if (raw['kind'] === 'shutdown') return { p: PROTOCOL, kind: 'shutdown', id: 1 };
  if (raw['kind'] === 'call' && typeof raw['method'] === 'string') return { p: PROTOCOL, kind: 'call', id: raw['id'], method: raw['method'], input: raw['input'] };
  return null;
}

/** A frame the window's side may act on, or null. */
export function readFromBackend(raw: unknown): FromBackend | null {
  if (!isRecord(raw) || raw['p'] !== PROTOCOL) return null;
  switch (raw['kind']) {
    case 'result':
      return isId(raw['id']) && isResult(raw['result']) && isLanguage(raw['language'])
        ? { p: PROTOCOL, kind: 'result', id: raw['id'], result: raw['result'], language: raw['language'] }
        : null;
    case 'progress': {
      const progress = raw['progress'];
      if (!isId(raw['id']) || !isRecord(progress) || typeof progress['fraction'] !== 'number') return null;
      const fraction = Math.min(1, Math.max(0, progress['fraction']));
      const stage = typeof progress['stage'] === 'string' ? progress['stage'] : undefined;
      return { p: PROTOCOL, kind: 'progress', id: raw['id'], progress: stage === undefined ? { fraction } : { fraction, stage } };
    }
    case 'event':
      return typeof raw['name'] === 'string' ? { p: PROTOCOL, kind: 'event', name: raw['name'], payload: raw['payload'] } : null;
    case 'ready': {
      const failure = raw['failure'];
      if (!isLanguage(raw['language'])) return null;
      if (failure === null) return { p: PROTOCOL, kind: 'ready', language: raw['language'], failure: null };
      if (!isRecord(failure) || typeof failure['code'] !== 'string' || typeof failure['message'] !== 'string') return null;
      return { p: PROTOCOL, kind: 'ready', language: raw['language'], failure: { code: failure['code'], message: failure['message'] } };
    }
    default:
      return null;
  }
}
