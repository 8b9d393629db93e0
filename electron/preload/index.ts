/**
 * Sandboxed preload: exposes exactly one object, `window.app` (style.md B2). The page
 * never sees ipcRenderer or an IPC event, and can reach only the contract's own
 * `app:` channels, so a compromised page cannot talk to anything else in main.
 * Bundled to one CommonJS file, because a sandboxed preload can require only `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_PREFIX,
  isMethodName,
  type ApiEvents,
  type ApiInput,
  type ApiOutput,
  type ApiResult,
  type AppBridge,
  type EventName,
  type MethodName,
} from '../../shared/api/contract';

/** Push events the page may subscribe to; the check below keeps it in step with ApiEvents. */
const EVENT_NAMES = ['data.changed'] as const satisfies readonly EventName[];
type AssertNever<T extends never> = T;
export type AllEventsListed = AssertNever<Exclude<EventName, (typeof EVENT_NAMES)[number]>>;

function isEventName(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name);
}

const bridge = {
  call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> {
    // The page is untrusted and may pass any string at runtime, whatever the types say.
    if (typeof method !== 'string' || !isMethodName(method)) {
      return Promise.reject(new Error('Unknown API method'));
    }
    return ipcRenderer.invoke(IPC_PREFIX + method, input) as Promise<ApiResult<ApiOutput<M>>>;
  },
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    if (typeof event !== 'string' || !isEventName(event) || typeof listener !== 'function') {
      throw new Error('Unknown API event');
    }
    const channel = IPC_PREFIX + event;
    const forward = (_event: Electron.IpcRendererEvent, payload: ApiEvents[E]): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
} satisfies AppBridge;

contextBridge.exposeInMainWorld('app', bridge);
