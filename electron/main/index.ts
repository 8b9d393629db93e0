/**
 * Electron entry point: wiring only (style.md B5). Everything the app does lives in
 * electron/services, which also runs without Electron (CLI, browser host, tests).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { isAppError } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n/messages';
import { openServices } from '../services/index';
import { WORKSPACE_FILE } from '../services/paths';
import { registerIpc } from './ipc';
import { registerAppScheme, serveBundle } from './protocol';
import { installSecurity } from './security';
import { createMainWindow } from './window';

type Services = ReturnType<typeof openServices>;

let services: Services | null = null;
let mainWindow: BrowserWindow | null = null;

function workspacePath(): string {
  return process.env['PCMT_WORKSPACE'] ?? path.join(app.getPath('userData'), WORKSPACE_FILE);
}

function start(): void {
  try {
    // Created only on first run at the default path, or on an explicit "New" (`pcmt start --new`).
    const isCreateAllowed = process.env['PCMT_WORKSPACE'] === undefined || process.env['PCMT_NEW_WORKSPACE'] === '1';
    services = openServices({ workspacePath: workspacePath(), hostKind: 'electron', isCreateAllowed });
  } catch (error) {
    // Nothing works without the workspace file; say why instead of showing an empty window.
    dialog.showErrorBox('PCMT Desk', isAppError(error) ? errorMessage(error.code, error.params, 'vi') : String(error));
    app.exit(1);
    return;
  }
  const opened = services;
  installSecurity(session.defaultSession);
  serveBundle(path.join(app.getAppPath(), 'dist', 'renderer'));
  registerIpc(opened.handlers, {
    language: () => opened.language(),
    onInternalError: (method, error) => console.error(`[ipc] ${method} failed`, error),
  });
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// One process per workspace file: a second writer would race the first on the same SQLite database.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    services?.close();
    services = null;
  });
  app.whenReady().then(start).catch((error: unknown) => {
    console.error('[main] start-up failed', error);
    app.exit(1);
  });
}
