import { describe, expect, it } from 'vitest';
import { archiveLine, dateLine, numberLine, percentText, placeOf, signatureLines, textDate } from './report-text';

describe('dateLine (Decree 30/2020, Appendix I)', () => {
  it('writes a zero before days below 10', () => {
    expect(dateLine('Đông Anh', '2025-12-04')).toBe('Đông Anh, ngày 04 tháng 12 năm 2025');
    expect(dateLine('Đông Anh', '2025-07-09')).toBe('Đông Anh, ngày 09 tháng 7 năm 2025');
  });

  it('writes a zero before months 1 and 2 only', () => {
    expect(dateLine('Hà Nội', '2026-01-15')).toBe('Hà Nội, ngày 15 tháng 01 năm 2026');
    expect(dateLine('Hà Nội', '2026-02-28')).toBe('Hà Nội, ngày 28 tháng 02 năm 2026');
    expect(dateLine('Hà Nội', '2026-03-10')).toBe('Hà Nội, ngày 10 tháng 3 năm 2026');
    expect(dateLine('Hà Nội', '2026-10-31')).toBe('Hà Nội, ngày 31 tháng 10 năm 2026');
  });

  it('leaves the place out when none is set', () => {
    expect(dateLine('  ', '2025-06-30')).toBe('ngày 30 tháng 6 năm 2025');
  });
});

describe('the fixed lines of the report', () => {
  it('numbers the report, or leaves the blank for the clerk', () => {
    expect(numberLine('15', 'BC-BCĐ')).toBe('Số: 15/BC-BCĐ');
    expect(numberLine('', 'BC-BCĐ')).toBe('Số: \u00a0\u00a0\u00a0\u00a0\u00a0/BC-BCĐ');
  });

  it('ends the recipients with the archive line', () => {
    expect(archiveLine('BCĐ')).toBe('Lưu: VT, BCĐ.');
    expect(archiveLine('BCĐ.')).toBe('Lưu: VT, BCĐ.');
    expect(archiveLine('')).toBe('Lưu: VT.');
  });

  it('writes the signature block in capitals with its authority mark', () => {
    expect(signatureLines({ signerAuthority: 'KT.', signerOnBehalfOf: 'Trưởng ban', signerTitle: 'Phó Trưởng ban' })).toEqual(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN']);
    expect(signatureLines({ signerAuthority: '', signerOnBehalfOf: '', signerTitle: 'Trưởng ban' })).toEqual(['TRƯỞNG BAN']);
  });

  it('takes the place from the office name', () => {
    expect(placeOf('Huyện Đông Anh')).toBe('Đông Anh');
    expect(placeOf('Thành phố Thủ Đức')).toBe('Thủ Đức');
    expect(placeOf('Thị xã Sơn Tây')).toBe('Sơn Tây');
    expect(placeOf('Ba Đình')).toBe('Ba Đình');
  });

  it('writes shares and dates the Vietnamese way', () => {
    expect(percentText(12.5)).toBe('12,5%');
    expect(percentText(80)).toBe('80%');
    expect(percentText(null)).toBe('—');
    expect(textDate('2025-06-03')).toBe('3/6/2025');
  });
});
