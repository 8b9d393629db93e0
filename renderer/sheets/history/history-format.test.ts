import { describe, expect, it } from 'vitest';
import { fieldLabel, formatAt, periodText, valueText } from './history-format';

describe('history texts', () => {
  it('names fields and values through the field definitions', () => {
    expect(fieldLabel('model_sites', 'members', 'vi')).toBe('Số thành viên');
    expect(valueText('model_sites', 'funding_sources', ['NGAN_SACH_DIA_PHUONG', 'XA_HOI_HOA'], 'vi')).toBe('Ngân sách địa phương; Xã hội hóa');
    expect(valueText('model_sites', 'is_pilot_model', true, 'vi')).toBe('Có');
    expect(valueText('commune_statuses', 'resident_population', 12345, 'en')).toBe('12.345');
    expect(valueText('periods', 'status', 'LOCKED', 'vi')).toBe('LOCKED');
  });

  it('shows local time as dd/mm/yyyy HH:mm and periods by their official label', () => {
    expect(formatAt(new Date(2025, 6, 14, 9, 5).toISOString())).toBe('14/07/2025 09:05');
    expect(periodText('2025-Q3', 'vi')).toBe('Quý III/2025');
    expect(periodText(null, 'vi')).toBe('');
  });
});
