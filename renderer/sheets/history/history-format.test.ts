import { describe, expect, it } from 'vitest';
import { fieldLabel, formatAt, periodText, valueText } from './history-format';

describe('history texts', () => {
  it('names fields and values through the field definitions', () => {
    expect(fieldLabel('model_sites', 'members', 'vi')).toBe('Số thành viên');
    expect(valueText('model_sites', 'funding_sources', ['NGAN_SACH_DIA_PHUONG', 'XA_HOI_HOA'], 'vi')).toBe('Ngân sách địa phương; Xã hội hóa');
    expect(valueText('model_sites', 'is_pilot_model', true, 'vi')).toBe('Có');
    expect(valueText('commune_statuses', 'resident_population', 12345, 'en')).toBe('12.345');
  });

  it('says removed, restored and period locks in words, never a timestamp or a status code', () => {
    expect(fieldLabel('hotspots', 'removed_at', 'vi')).toBe('Xóa / khôi phục dòng');
    expect(valueText('hotspots', 'removed_at', null, 'vi', 'old')).toBe('');
    expect(valueText('hotspots', 'removed_at', '2026-12-03T16:58:46.369Z', 'vi', 'new')).toBe('Đã xóa');
    expect(valueText('model_sites', 'removed_at', null, 'en', 'new')).toBe('Restored');
    expect(fieldLabel('periods', 'status', 'vi')).toBe('Trạng thái kỳ');
    expect(valueText('periods', 'status', 'LOCKED', 'vi', 'new', '2025-Q1')).toBe('Khóa kỳ Quý I/2025');
    expect(valueText('periods', 'status', 'OPEN', 'vi', 'new', '2025-Q1')).toBe('Mở khóa kỳ Quý I/2025');
    expect(valueText('periods', 'status', 'OPEN', 'vi', 'old', '2025-Q1')).toBe('Đang mở');
  });

  it('shows local time as dd/mm/yyyy HH:mm and periods by their official label', () => {
    expect(formatAt(new Date(2025, 6, 14, 9, 5).toISOString())).toBe('14/07/2025 09:05');
    expect(periodText('2025-Q3', 'vi')).toBe('Quý III/2025');
    expect(periodText(null, 'vi')).toBe('');
  });
});
