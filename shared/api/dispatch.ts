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

export type Handlers = { [M in MethodName]: (input: ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>> };

export type DispatchOptions = {
  language: () => Language;
  /** Called with errors that are bugs, for the host's log. */
  onInternalError: (method: string, error: unknown) => void;
};

function failure(code: Parameters<typeof errorMessage>[0], params: Record<string, string | number>, language: Language): ApiResult<never> {
  return { ok: false, error: { code, message: errorMessage(code, params, language), params } };
}

async function run<M extends MethodName>(handlers: Handlers, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const handler = handlers[method] as (arg: ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
  return handler(input);
}

export async function dispatch(handlers: Handlers, method: string, rawInput: unknown, options: DispatchOptions): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) return failure('UNKNOWN_METHOD', { method: method.slice(0, 80) }, options.language());
  const parsed = schemas[method].safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'input';
    return failure('INVALID_INPUT', { detail: detail.slice(0, 200) }, options.language());
  }
  try {
    const data = await run(handlers, method, parsed.data as ApiInput<typeof method>);
    return { ok: true, data };
  } catch (error) {
    if (isAppError(error)) return failure(error.code, error.params, options.language());
    const storage = storageFailureCode(error);
    if (storage !== null) return failure(storage, {}, options.language());
    options.onInternalError(method, error);
    return failure('INTERNAL', {}, options.language());
  }
}
