import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from './tsv';

describe('parseTsv', () => {
  it('reads an Excel block with CRLF and a trailing line break', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads LF-only text (LibreOffice on Linux) and a block without a trailing break', () => {
    expect(parseTsv('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps codes with leading zeros as text', () => {
    expect(parseTsv('00454\t1.234\r\n')).toEqual([['00454', '1.234']]);
  });

  it('reads quoted cells with tabs, embedded line breaks and doubled quotes', () => {
    expect(parseTsv('"Số 5\r\nngõ 12"\t"a\tb"\t"nói ""có"""\r\nx\ty\tz\r\n')).toEqual([
      ['Số 5\r\nngõ 12', 'a\tb', 'nói "có"'],
      ['x', 'y', 'z'],
    ]);
  });

  it('keeps empty cells and pads ragged rows', () => {
    expect(parseTsv('a\t\tc\r\nd\r\n')).toEqual([
      ['a', '', 'c'],
      ['d', '', ''],
    ]);
  });

  it('keeps an empty middle row and reads a single cell', () => {
    expect(parseTsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
    expect(parseTsv('Không ma túy')).toEqual([['Không ma túy']]);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('\r\n')).toEqual([]);
  });
});

describe('toTsv', () => {
  it('writes rows with CRLF and quotes only the cells that need it', () => {
    expect(
      toTsv([
        ['00454', '12.345', 'Thị trấn Đông Anh'],
        ['a\tb', 'dòng 1\ndòng 2', 'nói "có"'],
      ]),
    ).toBe('00454\t12.345\tThị trấn Đông Anh\r\n"a\tb"\t"dòng 1\ndòng 2"\t"nói ""có"""\r\n');
  });

  it('round-trips through parseTsv', () => {
    const rows = [
      ['x', '', '"q"'],
      ['l1\r\nl2', 'a\tb', '01/07/2025'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });

  it('neutralises texts a spreadsheet would run as formulas, and leaves plain numbers alone', () => {
    const hostile = ['=HYPERLINK("http://x","bấm")', '+1+cmd', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1)', '\t=1'];
    const text = toTsv([hostile, ['-5', '-1.234,5', '+3', '12,5%', 'Ghi chú - bình thường']]);
    const [first = '', second = ''] = text.split('\r\n');
    expect(first.split('\t').slice(0, 4)).toEqual(["'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")", "'+1+cmd", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1)"].map((c, i) => (i === 0 ? `"${c}"` : c)));
    expect(first.endsWith('"\'\t=1"')).toBe(true);
    expect(second).toBe('-5\t-1.234,5\t+3\t12,5%\tGhi chú - bình thường');
    // Copied here and pasted back here, the texts come back as they were.
    expect(parseTsv(text)).toEqual([hostile, ['-5', '-1.234,5', '+3', '12,5%', 'Ghi chú - bình thường']]);
  });
});
