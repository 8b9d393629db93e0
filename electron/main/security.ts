/**
 * Electron hardening that applies to every web contents (stack.md §3, Actual's
 * security.ts). The app is offline and single-window: nothing may navigate away from
 * app://bundle, open windows, attach webviews, get permissions or reach the network.
 */
import { app, type Session } from 'electron';
import { APP_ORIGIN } from './protocol';

const ALLOWED_REQUEST_SCHEMES = new Set(['app:', 'devtools:', 'data:']);

function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Call once, before the first window is created. */
export function installSecurity(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    let scheme = '';
    try {
      scheme = new URL(details.url).protocol;
    } catch {
      // An unparsable URL is cancelled like any other unknown scheme.
    }
    callback({ cancel: !ALLOWED_REQUEST_SCHEMES.has(scheme) });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
