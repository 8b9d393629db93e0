import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('keeps codes as text and handles quotes, CRLF and a BOM', () => {
    const rows = parseCsv('\uFEFFma_tinh,ten\r\n01,"Hà Nội, Việt Nam"\r\n02,"Nói ""có"""\r\n');
    expect(rows).toEqual([
      ['ma_tinh', 'ten'],
      ['01', 'Hà Nội, Việt Nam'],
      ['02', 'Nói "có"'],
    ]);
  });
  it('detects semicolons and tabs, and keeps line breaks inside quotes', () => {
    expect(parseCsv('a;b\n1;2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a\tb\n"x\ny"\t2')).toEqual([['a', 'b'], ['x\ny', '2']]);
  });
});
