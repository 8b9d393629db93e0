/**
 * Vietnamese text helpers. SQLite's LOWER/LIKE fold ASCII only, so every name is
 * stored NFC-normalised beside an accent-folded search key computed here, and the
 * renderer's quick filter folds the same way ("dong anh" finds "Đông Anh").
 */

/** NFC-normalises and trims; collapses inner runs of whitespace to one space. */
export function normalizeName(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Lower-case, diacritics removed (đ → d), whitespace collapsed: the search/compare key. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
