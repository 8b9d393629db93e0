/**
 * A small RFC 4180 reader for unit lists and pasted blocks. We do not let a spreadsheet
 * library read CSV because it turns codes like "01" into numbers. The delimiter (comma,
 * semicolon as written by Excel in a Vietnamese locale, or tab) is taken from the first
 * line; quoted fields may contain delimiters, doubled quotes and line breaks.
 */
export function detectDelimiter(firstLine: string): string {
  const candidates = [',', ';', '\t'];
  let best = ',';
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

export function parseCsv(input: string, delimiter?: string): string[][] {
  const textIn = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstLineEnd = textIn.search(/\r?\n/u);
  const sep = delimiter ?? detectDelimiter(firstLineEnd < 0 ? textIn : textIn.slice(0, firstLineEnd));
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  let i = 0;
  while (i < textIn.length) {
    const ch = textIn[i];
    if (isQuoted) {
      if (ch === '"') {
        if (textIn[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        isQuoted = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      isQuoted = true;
    } else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && textIn[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
