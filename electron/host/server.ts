/**
 * The browser host: the same renderer and the same handlers as Electron, over HTTP on
 * 127.0.0.1. It exists because Electron cannot run on every machine (and never in our
 * CI): end-to-end tests and `npm start` without Electron use it. Every API call needs
 * the random per-run token, and the Host header must be our own address, so another
 * web page in the same browser cannot drive the API (DNS rebinding, CSRF).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type Handlers } from '../../shared/api/dispatch';
import { errorMessage } from '../../shared/i18n/messages';
import type { Language } from '../../shared/i18n/format';
import { contentSecurityPolicy, NONCE_PLACEHOLDER } from '../../shared/security/page-policy';
import { readStatic } from './static-files';

export type HostOptions = {
  handlers: Handlers;
  language: () => Language;
  rendererRoot: string;
  port: number;
  /** Largest request body; unit lists arrive base64-encoded. */
  maxBodyBytes?: number;
};

export type RunningHost = { url: string; token: string; port: number; close(): Promise<void> };

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = randomBytes(24).toString('base64url');
  // A package may be 64 MiB (exchange-format.md §5.3); as base64 in JSON that is about 86 MiB.
  const limit = options.maxBodyBytes ?? 96 * 1024 * 1024;
  let allowedHosts = new Set<string>();

  const fail = (res: http.ServerResponse, status: number, code: 'UNAUTHORIZED' | 'INVALID_INPUT', detail = ''): void =>
    sendJson(res, status, { ok: false, error: { code, message: errorMessage(code, { detail }, options.language()) } });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const given = req.headers['x-pcmt-token'];
    if (typeof given !== 'string' || !sameToken(given, token)) return fail(res, 401, 'UNAUTHORIZED');
    const body = await readBody(req, limit);
    if (body === null) return fail(res, 413, 'INVALID_INPUT', 'body too large');
    let input: unknown;
    try {
      input = body === '' ? {} : JSON.parse(body);
    } catch {
      return fail(res, 400, 'INVALID_INPUT', 'JSON');
    }
    const result = await dispatch(options.handlers, method, input, {
      language: options.language,
      onInternalError: (name, error) => console.error(`[pcmt host] ${name}:`, error),
    });
    sendJson(res, 200, result);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    const file = readStatic(options.rendererRoot, pathname) ?? readStatic(options.rendererRoot, '/');
    if (!file) {
      res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Renderer not built: run "npm run build:renderer". / Chưa dựng giao diện: hãy chạy "npm run build:renderer".');
      return;
    }
    if (file.type.startsWith('text/html')) {
      const nonce = randomBytes(16).toString('base64');
      const html = file.body.toString('utf8').replaceAll(NONCE_PLACEHOLDER, nonce);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Content-Security-Policy': contentSecurityPolicy(nonce) });
      res.end(html);
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const server = http.createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, SECURITY_HEADERS);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([a-zA-Z]+\.[a-zA-Z]+)$/u.exec(url.pathname);
    if (api && req.method === 'POST') {
      handleApi(req, res, api[1] ?? '').catch((error: unknown) => {
        console.error('[pcmt host]', error);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: errorMessage('INTERNAL', {}, options.language()) } });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS);
      res.end();
      return;
    }
    handleStatic(req, res, url.pathname);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
