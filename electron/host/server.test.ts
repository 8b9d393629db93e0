import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../services/index';
import { startHost, type RunningHost } from './server';

let dir = '';
let services: Services;
let host: RunningHost;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-host-'));
  const root = path.join(dir, 'renderer');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__"><title>PCMT Desk</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  services = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'browser' });
  host = await startHost({ handlers: services.handlers, language: services.language, rendererRoot: root, port: 0 });
});
afterAll(async () => {
  await host.close();
  services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(method: string, pathname: string, headers: Record<string, string> = {}, body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const api = (method: string, input: unknown, token = host.token): Promise<Reply> =>
  request('POST', `/api/${method}`, { 'Content-Type': 'application/json', 'X-PCMT-Token': token }, JSON.stringify(input));

describe('browser host', () => {
  it('prints a loopback URL carrying the per-run token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/u);
  });

  it('serves index.html with a fresh nonce and a strict CSP', async () => {
    const first = await request('GET', '/');
    const second = await request('GET', '/');
    const nonce = /content="([^"]+)"/u.exec(first.body)?.[1] ?? '';
    expect(nonce).not.toBe('__CSP_NONCE__');
    expect(first.headers['content-security-policy']).toContain(`'nonce-${nonce}'`);
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    expect(second.body).not.toBe(first.body);
  });

  it('never serves files outside the renderer folder', async () => {
    const reply = await request('GET', '/..%2Fsecret.txt');
    expect(reply.body).not.toContain('outside the renderer');
  });

  it('answers API calls with the token, and refuses them without it', async () => {
    const ok = await api('app.info', {});
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, data: { hostKind: 'browser' } });
    const refused = await api('settings.setLanguage', { language: 'en' }, 'wrong-token');
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const info = JSON.parse((await api('app.info', {})).body) as { data: { language: string } };
    expect(info.data.language).toBe('vi');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const reply = await request('POST', '/api/app.info', { Host: 'evil.example:80', 'X-PCMT-Token': host.token }, '{}');
    expect(reply.status).toBe(421);
  });

  it('validates input at the boundary', async () => {
    const reply = await api('communes.list', { periodId: '2025-Q9' });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const broken = await request('POST', '/api/office.get', { 'X-PCMT-Token': host.token }, '{not json');
    expect(broken.status).toBe(400);
  });
});
