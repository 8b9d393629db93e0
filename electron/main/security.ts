/**
 * Electron hardening that applies to every web contents (stack.md §3, Actual's
 * security.ts). The app is offline and single-window: nothing may navigate away from
 * app://bundle, open windows, attach webviews, get permissions or reach the network.
 * The decisions are shell-policy.ts's; this file only attaches them to Electron.
 */
import { app, type Session } from 'electron';
import { isNavigationAllowed, isRequestAllowed } from './shell-policy';

/** Call once, before the first window is created. */
export function installSecurity(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url) });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!isNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
