/**
 * Texts of the Indicators sheet (programme indicators, domain.md §8). Merged by
 * setup.ts under the namespace 'indicators'.
 */
const vi = {
  title: 'Chỉ tiêu',
  set: 'Bộ chỉ tiêu',
  loading: 'Đang tính các chỉ tiêu…',
  none: 'Bộ chỉ tiêu này chưa có chỉ tiêu nào.',
  met: 'Đạt',
  notMet: 'Chưa đạt',
  unknown: '—',
  columns: {
    name: 'Chỉ tiêu',
    numerator: 'Tử số',
    denominator: 'Mẫu số',
    value: 'Kết quả kỳ này',
    target: 'Mục tiêu',
    isMet: 'Đánh giá',
    previous: 'Kỳ trước',
    baseline: 'Kỳ gốc',
    notes: 'Ghi chú',
  },
  notes: {
    reported: 'Đã có tình trạng {{reported}}/{{total}} xã; tỷ lệ chia cho tất cả {{total}} xã (xã chưa nhập không tính là không ma túy).',
    capped: 'Tử số {{numerator}} lớn hơn mẫu số {{denominator}}: tỷ lệ giữ ở 100 % và chưa đánh giá. Hãy kiểm tra lại hai số này.',
    cumulative: 'Cộng dồn từ {{since}} (đầu giai đoạn) đến cuối kỳ.',
    unconfirmed: 'Mục tiêu chưa xác nhận: {{detail}}.',
  },
  unconfirmedTarget: 'Mục tiêu chưa xác nhận trong văn bản đã thông qua',
  chart: {
    title: 'So sánh các chỉ tiêu tỷ lệ',
    subtitle: 'Kỳ này, kỳ trước và kỳ gốc (%)',
    current: 'Kỳ này ({{period}})',
    previous: 'Kỳ trước ({{period}})',
    baseline: 'Kỳ gốc ({{period}})',
    noBaseline: 'Kỳ gốc',
    empty: 'Bộ chỉ tiêu này không có chỉ tiêu tỷ lệ để vẽ biểu đồ.',
    label: 'Biểu đồ cột so sánh các chỉ tiêu tỷ lệ',
  },
  summary: '{{met}} / {{total}} chỉ tiêu đạt',
};

export type IndicatorMessages = typeof vi;

const en: IndicatorMessages = {
  title: 'Indicators',
  set: 'Indicator set',
  loading: 'Computing the indicators…',
  none: 'This set has no indicators.',
  met: 'Met',
  notMet: 'Not met',
  unknown: '—',
  columns: {
    name: 'Indicator',
    numerator: 'Numerator',
    denominator: 'Denominator',
    value: 'This period',
    target: 'Target',
    isMet: 'Assessment',
    previous: 'Previous period',
    baseline: 'Baseline',
    notes: 'Notes',
  },
  notes: {
    reported: '{{reported}} of {{total}} communes have a status; the share divides by all {{total}} (a commune not entered is not drug-free).',
    capped: 'Numerator {{numerator}} exceeds denominator {{denominator}}: the share is held at 100 % and not assessed. Check these two figures.',
    cumulative: 'Cumulative from {{since}} (the phase start) to the end of the period.',
    unconfirmed: 'Target not confirmed: {{detail}}.',
  },
  unconfirmedTarget: 'Target not confirmed in the adopted text',
  chart: {
    title: 'Percentage indicators compared',
    subtitle: 'This period, previous period and baseline (%)',
    current: 'This period ({{period}})',
    previous: 'Previous period ({{period}})',
    baseline: 'Baseline ({{period}})',
    noBaseline: 'Baseline',
    empty: 'This set has no percentage indicators to chart.',
    label: 'Bar chart comparing the percentage indicators',
  },
  summary: '{{met}} of {{total}} indicators met',
};

export const indicatorResources = { vi, en };
