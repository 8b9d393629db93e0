/**
 * The renderer's only door to the services, and the only file that touches
 * `window.app`. In Electron the preload provides it; in the browser host there is no
 * preload and the HTTP bridge stands in. Components call `call()` (or a client passed
 * to them) and get the data or an ApiCallError; envelopes never leak into components.
 */
import type { ApiInput, ApiOutput, ApiResult, AppBridge, MethodName } from '../../shared/api/contract';
import { createHttpBridge, takeTokenFromUrl } from './http-bridge';

declare global {
  interface Window {
    app?: AppBridge;
  }
}

/** A failed call: the service's code and its message, already in the user's language. */
export class ApiCallError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
  }
}

export type ApiClient = {
  call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
};

function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.data;
  throw new ApiCallError(result.error.code, result.error.message);
}

export function clientFromBridge(bridge: AppBridge): ApiClient {
  return {
    async call(method, input) {
      return unwrap(await bridge.call(method, input));
    },
  };
}

let bridge: AppBridge | null = null;

/** Chooses the transport once, at start-up (before anything reads the token). */
export function connectBridge(): void {
  if (bridge !== null) return;
  bridge = window.app ?? createHttpBridge(takeTokenFromUrl());
}

function currentBridge(): AppBridge {
  connectBridge();
  // connectBridge always assigns; the guard only satisfies the type checker.
  if (bridge === null) throw new Error('no bridge');
  return bridge;
}

/** The application's client, over whichever transport connectBridge chose. */
export const appClient: ApiClient = {
  call(method, input) {
    return clientFromBridge(currentBridge()).call(method, input);
  },
};

/** Calls one API method; throws ApiCallError on `{ ok: false }`. */
export function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return appClient.call(method, input);
}

export type FakeHandlers = {
  [M in MethodName]?: (input: ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

/**
 * A client for component tests: each handler returns data or throws; a thrown
 * ApiCallError keeps its code, anything else becomes INTERNAL, as the real boundary does.
 */
export function createFakeClient(handlers: FakeHandlers): ApiClient {
  return {
    async call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      const handler = handlers[method] as ((arg: ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>) | undefined;
      if (handler === undefined) throw new ApiCallError('UNKNOWN_METHOD', `no fake handler for ${method}`);
      try {
        return await handler(input);
      } catch (error) {
        if (error instanceof ApiCallError) throw error;
        throw new ApiCallError('INTERNAL', error instanceof Error ? error.message : String(error));
      }
    },
  };
}
