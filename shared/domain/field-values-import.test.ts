import { describe, expect, it } from 'vitest';
import { excelSerialToIso, matchRefOption, parseDateText, parseFieldText } from './field-values';
import type { FieldDef } from './fields';

const COMMUNES = [
  { code: '00454', label: 'Thị trấn Đông Anh' },
  { code: '00460', label: 'Xã Thuỵ Lâm' },
  { code: '00493', label: 'Xã Kim Chung' },
  { code: '017', label: 'Huyện Đông Anh' },
];
const commune: FieldDef = { key: 'commune_code', labels: { vi: 'Xã', en: 'Commune' }, kind: { type: 'ref', target: 'commune' } };
const date: FieldDef = { key: 'd', labels: { vi: 'Ngày', en: 'Date' }, kind: { type: 'date' } };

describe('what imports add to the typing parser', () => {
  it('reads Excel date serials and the usual written forms', () => {
    expect(excelSerialToIso(45371)).toBe('2024-03-20');
    expect(excelSerialToIso(45371.75)).toBe('2024-03-20');
    expect(excelSerialToIso(10)).toBeNull();
    expect(['20/03/2024', '20/3/2024', '20.03.2024', '2024-03-20', '45371'].map(parseDateText)).toEqual(Array(5).fill('2024-03-20'));
    expect(parseFieldText(date, '45371')).toEqual({ ok: true, value: '2024-03-20' });
  });

  it('finds a unit without its type, with an abbreviated type, with either tone placement, or by a code without zeros', () => {
    expect(matchRefOption(COMMUNES, 'Kim Chung')?.code).toBe('00493');
    expect(matchRefOption(COMMUNES, 'TT Đông Anh')?.code).toBe('00454');
    expect(matchRefOption(COMMUNES, 'tt. đông anh')?.code).toBe('00454');
    expect(matchRefOption(COMMUNES, 'Thụy Lâm')?.code).toBe('00460');
    expect(matchRefOption(COMMUNES, 'xã thụy lâm')?.code).toBe('00460');
    expect(matchRefOption(COMMUNES, '493')?.code).toBe('00493');
    expect(parseFieldText(commune, 'Kim Chung', { commune: COMMUNES })).toEqual({ ok: true, value: '00493' });
  });

  it('names nothing when a bare name fits two units, or the type is wrong', () => {
    expect(matchRefOption(COMMUNES, 'Đông Anh')).toBeUndefined();
    expect(matchRefOption(COMMUNES, 'Phường Kim Chung')).toBeUndefined();
  });
});
