/**
 * The boundary every transport goes through (Electron IPC, the browser host, tests):
 * validate the raw input against the method's schema, run the handler, and wrap the
 * outcome in the `{ ok, data } | { ok: false, error }` envelope. Thrown errors lose
 * their fields across IPC, hence the envelope; unexpected errors become INTERNAL so no
 * stack trace reaches the page.
 */
import { isAppError, storageFailureCode } from '../errors';
import type { Language } from '../i18n/format';
import { errorMessage } from '../i18n/messages';
import type { ApiInput, ApiOutput, ApiResult, MethodName } from './contract';
import { isMethodName } from './contract';
import { schemas } from './schemas';

/**
 * What a transport may give a call besides its input (the backend's port does): a cancel
 * signal and a progress callback. Optional, so a handler that takes only its input fits.
 */
export type CallContext = {
  signal: { readonly aborted: boolean };
  progress(progress: { fraction: number; stage?: string }): void;
};

export type Handlers = { [M in MethodName]: (input: ApiInput<M>, context?: CallContext) => ApiOutput<M> | Promise<ApiOutput<M>> };

export type DispatchOptions = {
  language: () => Language;
  /** Called with errors that are bugs, for the host's log. */
  onInternalError: (method: string, error: unknown) => void;
};

function failure(code: Parameters<typeof errorMessage>[0], params: Record<string, string | number>, language: Language): ApiResult<never> {
  return { ok: false, error: { code, message: errorMessage(code, params, language), params } };
}

async function run<M extends MethodName>(handlers: Handlers, method: M, input: ApiInput<M>, context: CallContext | undefined): Promise<ApiOutput<M>> {
  const handler = handlers[method] as (arg: ApiInput<M>, context?: CallContext) => ApiOutput<M> | Promise<ApiOutput<M>>;
  return handler(input, context);
}

export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
  options: DispatchOptions,
  context?: CallContext,
): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) return failure('UNKNOWN_METHOD', { method: method.slice(0, 80) }, options.language());
  const parsed = schemas[method].safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'input';
    return failure('INVALID_INPUT', { detail: detail.slice(0, 200) }, options.language());
  }
  try {
    const data = await run(handlers, method, parsed.data as ApiInput<typeof method>, context);
    return { ok: true, data };
  } catch (error) {
    if (isAppError(error)) return failure(error.code, error.params, options.language());
    const storage = storageFailureCode(error);
    if (storage !== null) return failure(storage, {}, options.language());
    options.onInternalError(method, error);
    return failure('INTERNAL', {}, options.language());
  }
}
