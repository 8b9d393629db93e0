/**
 * The Electron shell's security decisions as plain functions, with no `electron` import,
 * so CI can test them in Node where Electron cannot run (stack.md §4). protocol.ts,
 * security.ts and ipc.ts only hand Electron's events to these functions; a rule
 * changed here is a rule changed everywhere the shell applies it.
 */
import path from 'node:path';
import { CONTENT_TYPES, contentSecurityPolicy } from '../../shared/security/page-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** What a request may load: the bundle itself, devtools, and inline data: images/fonts. Never file:, http(s):, ws:. */
const ALLOWED_REQUEST_SCHEMES: ReadonlySet<string> = new Set(['app:', 'devtools:', 'data:']);

/** The path API the bundle is resolved with: Node's own, or path.win32 to test Windows rules on Linux. */
export type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute'>;

/** The file under bundleDir that an app:// request names, or null for anything that escapes it. */
export function bundleFile(bundleDir: string, requestUrl: string, pathApi: PathApi = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = pathApi.resolve(bundleDir);
  const file = pathApi.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const relative = pathApi.relative(root, file);
  if (relative === '' || relative === '..' || relative.startsWith('../') || relative.startsWith('..\\')) return null;
  if (pathApi.isAbsolute(relative)) return null;
  return file;
}

/**
 * True only for a URL of the app's own origin: the one place the window may be or go.
 * Compared by scheme and host, not `URL.origin`: Node's URL (which Electron's main
 * process uses) gives every non-special scheme the opaque origin "null", so an origin
 * comparison would refuse the app's own frame.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** Whether a request (any resource the page or a frame loads) may leave at all. */
export function isRequestAllowed(url: string): boolean {
  try {
    return ALLOWED_REQUEST_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Navigation and redirects stay inside app://bundle: file:, javascript:, http(s): and data: pages are refused. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** The parts of Electron's WebFrameMain the sender check reads. */
export type FrameLike = { readonly url: string };
/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export type InvokeEventLike = { readonly senderFrame: FrameLike | null; readonly sender: { readonly mainFrame: FrameLike } };

/** Only the app's own main frame may call the API (VS Code's validatedIpcMain): not an iframe, not a page elsewhere. */
export function isTrustedSender(event: InvokeEventLike): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

/** Headers of a bundle file; an HTML page gets the CSP with this load's nonce and is never cached. */
export function bundleHeaders(file: string, nonce: string): Record<string, string> {
  const extension = path.extname(file).toLowerCase();
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
  };
  if (extension === '.html') headers['Cache-Control'] = 'no-store';
  return headers;
}
