/**
 * Electron entry point: wiring only (style.md B5). Everything the app does lives in
 * electron/services, which runs in a utilityProcess (backend-process.ts), so an scrypt
 * unlock, a large decrypt or a 100,000-cell paste never freezes the window; the CLI and
 * the browser host run the same services in-process.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { IPC_PREFIX } from '../../shared/api/contract';
import { superviseBackend, type Backend } from '../../shared/transport/supervisor';
import { WORKSPACE_FILE } from '../services/paths';
import { forkBackend } from './backend-process';
import { registerIpc } from './ipc';
import { registerAppScheme, serveBundle } from './protocol';
import { installSecurity } from './security';
import { createMainWindow } from './window';

/** How long the backend may take to close the workspace on quit before it is killed. */
const QUIT_GRACE_MS = 3000;

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

function workspacePath(): string {
  return process.env['PCMT_WORKSPACE'] ?? path.join(app.getPath('userData'), WORKSPACE_FILE);
}

async function start(): Promise<void> {
  // Created only on first run at the default path, or on an explicit "New" (`pcmt start --new`).
  const isCreateAllowed = process.env['PCMT_WORKSPACE'] === undefined || process.env['PCMT_NEW_WORKSPACE'] === '1';
  const open = { workspacePath: workspacePath(), hostKind: 'electron' as const, isCreateAllowed };
  const supervised = superviseBackend({
    spawn: () => forkBackend(open),
    onEvent: (name, payload) => mainWindow?.webContents.send(IPC_PREFIX + name, payload),
    onCrash: (exitCode, willRestart) => console.error(`[main] backend exited with ${String(exitCode)}; ${willRestart ? 'restarting' : 'given up'}`),
  });
  backend = supervised;
  const ready = await supervised.ready();
  if (ready.failure !== null) {
    // Nothing works without the workspace file; say why instead of showing an empty window.
    dialog.showErrorBox('PCMT Desk', ready.failure.message);
    supervised.kill();
    app.exit(1);
    return;
  }
  installSecurity(session.defaultSession);
  serveBundle(path.join(app.getAppPath(), 'dist', 'renderer'));
  registerIpc((method, input) => supervised.call(method, input));
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
  app.on('will-quit', (event) => {
    const running = backend;
    if (running === null) return;
    backend = null;
    // Let the backend close the workspace cleanly (WAL folded back) before the app exits.
    event.preventDefault();
    running.stop();
    const timer = setTimeout(() => running.kill(), QUIT_GRACE_MS);
    void running.exited().then(() => {
      clearTimeout(timer);
      app.quit();
    });
  });
  app.whenReady().then(start).catch((error: unknown) => {
    console.error('[main] start-up failed', error);
    app.exit(1);
  });
}
