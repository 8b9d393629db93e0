import { describe, expect, it } from 'vitest';
import { fieldDef } from './commune-status';
import { checkFieldValue, formatDate, parseDateText, parseFieldText, parseVietnameseNumber, wellFormedText } from './field-values';

describe('parseVietnameseNumber', () => {
  it('reads dots as thousands and comma as decimal', () => {
    expect(parseVietnameseNumber('1.234')).toBe(1234);
    expect(parseVietnameseNumber('1.234.567,25')).toBe(1234567.25);
    expect(parseVietnameseNumber('12,5')).toBe(12.5);
    expect(parseVietnameseNumber(' 42 ')).toBe(42);
    expect(parseVietnameseNumber('1,234', true)).toBe(1234);
    expect(parseVietnameseNumber('1,234')).toBe(1.234);
    expect(parseVietnameseNumber('1,234.5')).toBe(1234.5);
    expect(parseVietnameseNumber('3.5')).toBe(3.5);
  });
  it('refuses text that is not a number', () => {
    for (const bad of ['abc', '-3', '1.2.3', '1e5', '']) expect(parseVietnameseNumber(bad), bad).toBeNull();
  });
});

describe('parseFieldText', () => {
  it('parses counts, areas, closed lists, flags and dates', () => {
    expect(parseFieldText(fieldDef('addicts_with_records'), '1.234')).toEqual({ ok: true, value: 1234 });
    expect(parseFieldText(fieldDef('plants_destroyed_area_m2'), '12,25')).toEqual({ ok: true, value: 12.25 });
    expect(parseFieldText(fieldDef('declared_class'), 'khong ma tuy')).toEqual({ ok: true, value: 'KHONG_MA_TUY' });
    expect(parseFieldText(fieldDef('declared_class'), 'TRONG_DIEM_II')).toEqual({ ok: true, value: 'TRONG_DIEM_II' });
    expect(parseFieldText(fieldDef('key_route'), 'Tuyến liên tỉnh')).toEqual({ ok: true, value: 'INTER_PROVINCE' });
    expect(parseFieldText(fieldDef('commitment_signed'), 'Có')).toEqual({ ok: true, value: true });
    expect(parseFieldText(fieldDef('drug_free_certificate_date'), '5/9/2025')).toEqual({ ok: true, value: '2025-09-05' });
    expect(parseFieldText(fieldDef('note'), '  ')).toEqual({ ok: true, value: null });
  });
  it('names the rule a bad value breaks', () => {
    expect(parseFieldText(fieldDef('addicts_with_records'), '2,5')).toEqual({ ok: false, rule: 'wholeNumber' });
    expect(parseFieldText(fieldDef('declared_class'), 'sạch')).toEqual({ ok: false, rule: 'closedList' });
    expect(parseFieldText(fieldDef('drug_free_certificate_date'), '31/02/2025')).toEqual({ ok: false, rule: 'dateFormat' });
    expect(parseFieldText(fieldDef('addicts_with_records'), '1,234')).toEqual({ ok: true, value: 1234 });
    expect(parseFieldText(fieldDef('plants_destroyed_area_m2'), '1,5')).toEqual({ ok: true, value: 1.5 });
  });
});

describe('checkFieldValue', () => {
  it('accepts valid stored values and refuses wrong types', () => {
    expect(checkFieldValue(fieldDef('resident_population'), 12000).ok).toBe(true);
    expect(checkFieldValue(fieldDef('resident_population'), -1).ok).toBe(false);
    expect(checkFieldValue(fieldDef('resident_population'), 1.5).ok).toBe(false);
    expect(checkFieldValue(fieldDef('resident_population'), '12').ok).toBe(false);
    expect(checkFieldValue(fieldDef('plants_destroyed_area_m2'), 1.234).ok).toBe(false);
    expect(checkFieldValue(fieldDef('commitment_signed'), 1).ok).toBe(false);
    expect(checkFieldValue(fieldDef('note'), 'x'.repeat(2001)).ok).toBe(false);
    expect(checkFieldValue(fieldDef('note'), null).ok).toBe(true);
  });
  it('counts decimals of numbers JavaScript prints with an exponent (1e-7 has 7), typed or stored', () => {
    const area = fieldDef('seized_heroin_g');
    for (const bad of [1e-7, 5e-3, 0.1 + 0.2, 1.005]) expect(checkFieldValue(area, bad), String(bad)).toEqual({ ok: false, rule: 'nonNegativeNumber' });
    expect(parseFieldText(area, '0,0000001')).toEqual({ ok: false, rule: 'nonNegativeNumber' });
    for (const good of [0, 0.01, 3.25, 1234567.89, 1e14]) expect(checkFieldValue(area, good), String(good)).toEqual({ ok: true, value: good });
  });
  it('refuses text holding half of a UTF-16 pair (it has no UTF-8 form), typed or stored; whole pairs are fine', () => {
    expect(checkFieldValue(fieldDef('note'), 'Ghi chú \ud800')).toEqual({ ok: false, rule: 'textMalformed' });
    expect(checkFieldValue(fieldDef('note'), '\udc00 đầu')).toEqual({ ok: false, rule: 'textMalformed' });
    expect(parseFieldText(fieldDef('note'), 'a\ud83d b')).toEqual({ ok: false, rule: 'textMalformed' });
    expect(checkFieldValue(fieldDef('note'), 'Đã xác minh 👍')).toEqual({ ok: true, value: 'Đã xác minh 👍' });
    expect(wellFormedText('a\ud800b👍')).toBe('a\ufffdb👍');
  });
});

describe('dates', () => {
  it('round-trips dd/mm/yyyy', () => {
    expect(parseDateText('05/09/2025')).toBe('2025-09-05');
    expect(formatDate('2025-09-05')).toBe('05/09/2025');
    expect(parseDateText('2025-13-01')).toBeNull();
  });
});
