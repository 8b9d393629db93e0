/**
 * Serving the built renderer from dist/renderer. Paths are resolved inside that folder
 * only (no traversal), and index.html gets a fresh CSP nonce per load so AG Grid's
 * injected <style> tags are allowed while inline scripts stay forbidden.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_TYPES } from '../../shared/security/page-policy';

export type StaticFile = { body: Buffer; type: string };

/** Resolves a URL path to a file in root, or null when outside root or missing. */
export function readStatic(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/u, '');
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) return null;
  return { body: fs.readFileSync(resolved), type: CONTENT_TYPES[path.extname(resolved)] ?? 'application/octet-stream' };
}
