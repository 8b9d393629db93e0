/**
 * Exposes the typed API over Electron IPC: one `app:<method>` channel per contract
 * method, all going through the shared `dispatch` (validation, envelope), so the
 * browser host and Electron run exactly the same checks. Only the app's own main
 * frame may call (VS Code's validatedIpcMain): an injected iframe or a page that
 * somehow navigated elsewhere gets nothing.
 */
import { ipcMain } from 'electron';
import { IPC_PREFIX, METHOD_NAMES } from '../../shared/api/contract';
import { dispatch, type DispatchOptions, type Handlers } from '../../shared/api/dispatch';
import { isTrustedSender } from './shell-policy';

export function registerIpc(handlers: Handlers, options: DispatchOptions): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(IPC_PREFIX + method, async (event, input: unknown) => {
      // A rejection, not an envelope: an untrusted frame is an attack, not a user error to explain.
      if (!isTrustedSender(event)) throw new Error(`Refused ${method} from an untrusted frame`);
      return dispatch(handlers, method, input, options);
    });
  }
}
