/**
 * The renderer is served from `app://bundle/` rather than file:// so it gets a real
 * origin (for the IPC sender check and CSP) and cannot read arbitrary files. Every
 * load of index.html gets a fresh nonce: AG Grid injects <style> tags, which the CSP
 * allows only with that nonce, while scripts stay 'self' only.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { CONTENT_TYPES, contentSecurityPolicy, NONCE_PLACEHOLDER } from '../../shared/security/page-policy';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The file under bundleDir that a request names, or null for anything that escapes it. */
function bundleFile(bundleDir: string, requestUrl: string): string | null {
  const url = new URL(requestUrl);
  if (url.host !== 'bundle') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const file = path.resolve(bundleDir, `.${pathname === '/' ? '/index.html' : pathname}`);
  const relative = path.relative(bundleDir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

/** Serves dist/renderer on app://bundle/ for the default session. */
export function serveBundle(bundleDir: string): void {
  const root = path.resolve(bundleDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = bundleFile(root, request.url);
    if (file === null) return new Response('Forbidden', { status: 403 });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const nonce = randomBytes(18).toString('base64');
    const headers = {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy(nonce),
      'X-Content-Type-Options': 'nosniff',
    };
    if (path.extname(file).toLowerCase() === '.html') {
      const html = body.toString('utf8').replaceAll(NONCE_PLACEHOLDER, nonce);
      return new Response(html, { headers: { ...headers, 'Cache-Control': 'no-store' } });
    }
    return new Response(new Uint8Array(body), { headers });
  });
}
