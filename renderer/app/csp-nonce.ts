/**
 * Reads the per-load CSP nonce the host wrote into index.html. AG Grid needs it for
 * the <style> tags its theme injects, because the CSP forbids unnamed inline styles.
 * An unreplaced placeholder (e.g. a plain `vite preview`) means there is no nonce.
 */
const PLACEHOLDER = '__CSP_NONCE__';

export function readCspNonce(doc: Document = document): string | undefined {
  const content = doc.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
  return content === '' || content === PLACEHOLDER ? undefined : content;
}
