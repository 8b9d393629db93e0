/**
 * The text rules of exchange-format.md §5.3 for every string in a signed document: NFC,
 * no C0/C1 controls, no zero-width or bidi-override characters, no BOM. Office names
 * and addresses are displayed to people who make decisions on them, so a bidi trick
 * must not survive into the UI.
 */
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

export function isCleanText(value: string, maxLength: number): boolean {
  return value.length <= maxLength && value.normalize('NFC') === value && !FORBIDDEN.test(value);
}

/**
 * What the exporter writes for free text typed in the app: NFC, line breaks and tabs
 * become spaces, invisible direction marks are dropped. The register keeps the original.
 */
export function cleanTextForExport(value: string): string {
  return value
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- see FORBIDDEN
    .replace(/[\u0000-\u001f\u007f-\u009f]/gu, ' ')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '');
}
