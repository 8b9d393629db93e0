import { describe, expect, it } from 'vitest';
import { formatIndicatorValue, formatPercent, metText } from './indicator-format';

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
