/**
 * The browser host's transport: the same AppBridge as Electron's preload, over
 * `POST /api/<method>`. The per-run token arrives once in `?token=`; it is kept in
 * sessionStorage (so a reload still works) and removed from the address bar so it
 * does not linger in history or screenshots. The host pushes no events over HTTP.
 */
import type { ApiInput, ApiOutput, ApiResult, AppBridge, MethodName } from '../../shared/api/contract';

const TOKEN_KEY = 'pcmt.token';
const TOKEN_PARAM = 'token';

/** Transport failures, reported in the same envelope as service errors. */
export const HOST_UNREACHABLE = 'HOST_UNREACHABLE';
export const HOST_BAD_RESPONSE = 'HOST_BAD_RESPONSE';

/** Moves the token from the URL into sessionStorage; returns the token in use. */
export function takeTokenFromUrl(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl !== null) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete(TOKEN_PARAM);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const ok = (value as { ok: unknown }).ok;
  if (ok === true) return 'data' in value;
  if (ok !== false || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

export function createHttpBridge(token: string | null, fetchImpl: typeof fetch = fetch.bind(window)): AppBridge {
  return {
    async call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> {
      let response: Response;
      try {
        response = await fetchImpl(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-PCMT-Token': token ?? '' },
          body: JSON.stringify(input),
        });
      } catch {
        return { ok: false, error: { code: HOST_UNREACHABLE, message: '' } };
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return { ok: false, error: { code: HOST_BAD_RESPONSE, message: '' } };
      }
      if (!isEnvelope(body)) return { ok: false, error: { code: HOST_BAD_RESPONSE, message: '' } };
      // The envelope is the host's word for this method's output type (the contract).
      return body as ApiResult<ApiOutput<M>>;
    },
    on() {
      return () => undefined;
    },
  };
}
