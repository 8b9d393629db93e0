import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './shell-policy';

/** The preload is bundled next to main.js as one CommonJS file: sandboxed preloads cannot load ESM. */
const PRELOAD_PATH = path.join(import.meta.dirname, 'preload.cjs');

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // The page replaces this with the office name through document.title; Electron follows it.
    title: 'PCMT Desk',
    show: false,
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: !app.isPackaged,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
