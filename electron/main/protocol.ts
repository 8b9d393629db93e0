/**
 * The renderer is served from `app://bundle/` rather than file:// so it gets a real
 * origin (for the IPC sender check and CSP) and cannot read arbitrary files. Every
 * load of index.html gets a fresh nonce: AG Grid injects <style> tags, which the CSP
 * allows only with that nonce, while scripts stay 'self' only. The rules themselves
 * live in shell-policy.ts, which runs (and is tested) without Electron.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { NONCE_PLACEHOLDER } from '../../shared/security/page-policy';
import { APP_SCHEME, bundleFile, bundleHeaders } from './shell-policy';

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
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
    const headers = bundleHeaders(file, nonce);
    if (path.extname(file).toLowerCase() === '.html') {
      return new Response(body.toString('utf8').replaceAll(NONCE_PLACEHOLDER, nonce), { headers });
    }
    return new Response(new Uint8Array(body), { headers });
  });
}
