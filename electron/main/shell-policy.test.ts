import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  bundleFile,
  bundleHeaders,
  isAppUrl,
  isNavigationAllowed,
  isRequestAllowed,
  isTrustedSender,
  type FrameLike,
} from './shell-policy';

const ROOT = '/opt/pcmt/resources/app.asar/dist/renderer';

describe('bundleFile: app://bundle/ serves only files inside the bundle', () => {
  it('maps the entry and nested assets', () => {
    expect(bundleFile(ROOT, APP_ENTRY_URL)).toBe(`${ROOT}/index.html`);
    expect(bundleFile(ROOT, 'app://bundle/')).toBe(`${ROOT}/index.html`);
    expect(bundleFile(ROOT, 'app://bundle/assets/index-abc.js?x=1#y')).toBe(`${ROOT}/assets/index-abc.js`);
    expect(bundleFile(ROOT, 'app://bundle/assets/T%C3%AAn.css')).toBe(`${ROOT}/assets/Tên.css`);
  });

  it.each([
    ['encoded slash traversal', 'app://bundle/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['encoded dots and slash', 'app://bundle/assets/..%2F..%2F..%2Fsecret.txt'],
    ['NUL byte', 'app://bundle/index.html%00.png'],
    ['malformed escape', 'app://bundle/%E0%A4%A'],
    ['the bundle folder itself', 'app://bundle/%2e%2f'],
    ['a user name before the host', 'app://x@bundle/index.html'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['not a URL', 'app//bundle/index.html'],
  ])('refuses %s', (_label, url) => {
    expect(bundleFile(ROOT, url)).toBeNull();
  });

  it('plain and %2E-spelt ../ are folded by the URL parser before the disk is asked, so they stay inside', () => {
    expect(bundleFile(ROOT, 'app://bundle/../../etc/passwd')).toBe(`${ROOT}/etc/passwd`);
    expect(bundleFile(ROOT, 'app://bundle/%2E%2E/%2E%2E/etc/passwd')).toBe(`${ROOT}/etc/passwd`);
    expect(bundleFile(ROOT, 'app://bundle/.')).toBe(`${ROOT}/index.html`);
  });

  it('on Windows, backslashes and drive letters do not escape either', () => {
    const winRoot = 'C:\\Users\\an\\AppData\\Local\\Programs\\PCMT Desk\\resources\\app.asar\\dist\\renderer';
    expect(bundleFile(winRoot, 'app://bundle/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(bundleFile(winRoot, 'app://bundle/..%5C..%5C..%5Cwin.ini', path.win32)).toBeNull();
    const unc = bundleFile(winRoot, 'app://bundle/%5C%5Cserver%5Cshare%5Cx', path.win32);
    expect(unc === null || unc.startsWith(`${winRoot}\\`)).toBe(true);
    const drive = bundleFile(winRoot, 'app://bundle/C:%5CWindows%5Cwin.ini', path.win32);
    expect(drive === null || drive.startsWith(`${winRoot}\\`)).toBe(true);
  });
});

describe('navigation and requests', () => {
  it('the window may be only on app://bundle', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isNavigationAllowed('app://bundle/index.html#/hotspots')).toBe(true);
  });

  it.each([
    'file:///C:/Windows/System32/drivers/etc/hosts',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JavaScript:window.app.call("backups.restore")',
    'data:text/html,<script>alert(1)</script>',
    'https://example.org/',
    'http://127.0.0.1:4173/',
    'app://bundle.evil.org/index.html',
    'app://evil/index.html',
    'app://bundle:8080/index.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses to navigate to %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });

  it('requests reach only the bundle, devtools and inline data', () => {
    expect(isRequestAllowed('app://bundle/assets/a.js')).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,AAAA')).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html')).toBe(true);
    for (const url of ['https://example.org/x.js', 'http://localhost/', 'ws://127.0.0.1:1/', 'file:///etc/passwd', 'blob:null/1', '::']) {
      expect(isRequestAllowed(url)).toBe(false);
    }
  });
});

describe('isTrustedSender: only the main frame of the app', () => {
  const main: FrameLike = { url: APP_ENTRY_URL };

  it('accepts the app main frame', () => {
    expect(isTrustedSender({ senderFrame: main, sender: { mainFrame: main } })).toBe(true);
  });

  it('refuses a foreign frame, even one on the app origin', () => {
    const iframe: FrameLike = { url: 'app://bundle/index.html' };
    expect(isTrustedSender({ senderFrame: iframe, sender: { mainFrame: main } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: main } })).toBe(false);
  });

  it('refuses a destroyed frame and a main frame that navigated away', () => {
    expect(isTrustedSender({ senderFrame: null, sender: { mainFrame: main } })).toBe(false);
    const away: FrameLike = { url: 'file:///tmp/evil.html' };
    expect(isTrustedSender({ senderFrame: away, sender: { mainFrame: away } })).toBe(false);
  });
});

describe('page headers and CSP', () => {
  it('HTML gets a strict CSP with this load’s nonce and no caching', () => {
    const headers = bundleHeaders('/b/index.html', 'n0nce');
    const csp = headers['Content-Security-Policy'] ?? '';
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['Cache-Control']).toBe('no-store');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'nonce-n0nce'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/u);
  });

  it('assets are typed and never sniffed; unknown types are opaque bytes', () => {
    expect(bundleHeaders('/b/a.JS', 'n')['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(bundleHeaders('/b/a.js', 'n')['Cache-Control']).toBeUndefined();
    expect(bundleHeaders('/b/a.exe', 'n')['Content-Type']).toBe('application/octet-stream');
    expect(bundleHeaders('/b/a.js', 'n')['X-Content-Type-Options']).toBe('nosniff');
  });
});

it('shell-policy.ts imports no electron, so it runs in Node and in CI', () => {
  const file = path.join(import.meta.dirname, 'shell-policy.ts');
  const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
  expect(imports.filter((name) => name === 'electron' || name.startsWith('electron/'))).toEqual([]);
});
