import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/i18n/format';
import { interpolate } from '../../../shared/i18n/format';
import { indicatorResources } from '../../i18n/indicators';
import { formatIndicatorValue, formatPercent, metText, noteText, type NoteTexts } from './indicator-format';

const texts = { met: 'Đạt', notMet: 'Chưa đạt', unknown: '—' };

describe('indicator formatting', () => {
  it('writes percents the Vietnamese way', () => {
    expect(formatPercent(12.5, 'vi')).toBe('12,5\u00a0%');
    expect(formatPercent(80, 'vi')).toBe('80\u00a0%');
    expect(formatPercent(12.5, 'en')).toBe('12.5%');
  });

  it('follows the unit and shows a dash when not computable', () => {
    expect(formatIndicatorValue(null, 'PCT', 'vi')).toBe('—');
    expect(formatIndicatorValue(1234, 'COUNT', 'vi')).toBe('1.234');
    expect(formatIndicatorValue(-3.25, 'PCT_CHANGE', 'vi')).toBe('−3,3\u00a0%');
    expect(formatIndicatorValue(5, 'PCT_CHANGE', 'vi')).toBe('+5\u00a0%');
  });

  it('names the assessment', () => {
    expect(metText(true, texts)).toBe('Đạt');
    expect(metText(false, texts)).toBe('Chưa đạt');
    expect(metText(null, texts)).toBe('—');
  });
});

/** The catalogue's own sentences, filled the way i18next fills them. */
function catalogue(language: Language): NoteTexts {
  const n = indicatorResources[language].notes;
  return {
    reported: (p) => interpolate(n.reported, p),
    capped: (p) => interpolate(n.capped, p),
    cumulative: (p) => interpolate(n.cumulative, p),
    unconfirmed: (p) => interpolate(n.unconfirmed, p),
  };
}

describe('indicator notes', () => {
  it('say reported of all communes, capped, cumulative and unconfirmed in Vietnamese and English', () => {
    const vi = catalogue('vi');
    const en = catalogue('en');
    expect(noteText({ kind: 'REPORTED', reported: 4, total: 1234 }, vi, 'vi')).toBe('Đã có tình trạng 4/1.234 xã; tỷ lệ chia cho tất cả 1.234 xã (xã chưa nhập không tính là không ma túy).');
    expect(noteText({ kind: 'REPORTED', reported: 4, total: 24 }, en, 'en')).toBe('4 of 24 communes have a status; the share divides by all 24 (a commune not entered is not drug-free).');
    expect(noteText({ kind: 'CAPPED', numerator: 120, denominator: 100 }, vi, 'vi')).toBe('Tử số 120 lớn hơn mẫu số 100: tỷ lệ giữ ở 100 % và chưa đánh giá. Hãy kiểm tra lại hai số này.');
    expect(noteText({ kind: 'CAPPED', numerator: 120, denominator: 100 }, en, 'en')).toContain('Numerator 120 exceeds denominator 100');
    expect(noteText({ kind: 'CUMULATIVE', since: '2021-01-01' }, vi, 'vi')).toBe('Cộng dồn từ 01/01/2021 (đầu giai đoạn) đến cuối kỳ.');
    expect(noteText({ kind: 'CUMULATIVE', since: '2026-01-01' }, en, 'en')).toBe('Cumulative from 01/01/2026 (the phase start) to the end of the period.');
    expect(noteText({ kind: 'UNCONFIRMED', detail: 'x' }, vi, 'vi')).toBe('Mục tiêu chưa xác nhận: x.');
    expect(noteText({ kind: 'UNCONFIRMED', detail: 'x' }, en, 'en')).toBe('Target not confirmed: x.');
  });
});
