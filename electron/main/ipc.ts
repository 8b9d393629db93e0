/**
 * Exposes the typed API over Electron IPC: one `app:<method>` channel per contract
 * method, relayed to the backend process, which runs the shared `dispatch`
 * (validation, envelope), so the browser host and Electron run exactly the same checks.
 * Only the app's own main frame may call (VS Code's validatedIpcMain): an injected
 * iframe or a page that somehow navigated elsewhere gets nothing.
 */
import { ipcMain } from 'electron';
import { IPC_PREFIX, METHOD_NAMES, type ApiResult } from '../../shared/api/contract';
import { isTrustedSender } from './shell-policy';

export type Relay = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

export function registerIpc(relay: Relay): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(IPC_PREFIX + method, async (event, input: unknown) => {
      // A rejection, not an envelope: an untrusted frame is an attack, not a user error to explain.
      if (!isTrustedSender(event)) throw new Error(`Refused ${method} from an untrusted frame`);
      return relay(method, input);
    });
  }
}
