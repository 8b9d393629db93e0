/**
 * The 2017–2020 generation (QĐ 424/QĐ-TTg), as the provincial plans implementing it
 * write the targets (seeds S0 Bắc Giang 67/KH-SYT, S1 Tiền Giang): the national set.
 * Hà Nội's own plan (S4) sets higher targets (90 % access, 100 % post-rehab) for Hà Nội
 * only, so it is a provincial set beside it, never the national default.
 */
import { newTuDiem, pilotPerDistrict, postRehab, serviceAccess } from './common-defs';
import { L, type IndicatorSet } from './set-types';

const QD424 = 'QĐ 424/QĐ-TTg; S0, S1';
const HANOI = 'KH Dự án PCMT tại xã, phường, thị trấn TP Hà Nội đến năm 2020 (S4)';

const PHASE = { startDate: '2017-01-01', endDate: '2020-12-31', baselineYear: 2015 } as const;

export const SET_2017_2020: IndicatorSet = {
  id: '2017_2020_QD424',
  names: L('Chương trình PCMT đến năm 2020 (QĐ 424/QĐ-TTg)', 'Drug prevention programme to 2020 (QĐ 424/QĐ-TTg)'),
  scope: { kind: 'NATIONAL' },
  ...PHASE,
  // Every period ending up to the end of 2020, the 2015 baseline included.
  defaultFor: { from: null, to: '2020-12-31' },
  indicators: [
    newTuDiem({ source: QD424 }),
    {
      code: 'HOTSPOT_ELIM_PCT',
      names: L('Tỷ lệ điểm, tụ điểm bị triệt xóa', 'Share of hotspots eliminated'),
      unit: 'PCT',
      formula: { kind: 'RATIO', numerator: 'hotspotsActiveAtStartEliminated', denominator: 'hotspotsActiveAtStart' },
      numeratorLabel: L('Điểm hoạt động đầu kỳ bị triệt xóa trong kỳ', 'Hotspots active at the start eliminated in the period'),
      denominatorLabel: L('Điểm, tụ điểm hoạt động đầu kỳ', 'Hotspots active at the start of the period'),
      // "triệt xóa từ 5 – 10% số điểm, tụ điểm mỗi năm": 5 % is the floor; more is better, not a miss.
      targetText: L('≥ 5 %/năm (từ 5–10 %)', '≥ 5 %/year (from 5–10 %)'),
      targetMin: 5,
      targetMax: null,
      comparison: 'GE',
      span: 'PERIOD',
      unconfirmed: null,
      source: QD424,
    },
    {
      code: 'ADDICT_EXIT_PCT',
      names: L('Người nghiện đủ điều kiện đưa ra khỏi diện quản lý', 'Registered addicts removed from management'),
      unit: 'PCT',
      formula: { kind: 'RATIO', numerator: 'removedFromManagement', denominator: 'addictsWithRecords' },
      numeratorLabel: L('Người đưa ra khỏi diện quản lý trong kỳ', 'Persons removed from management in the period'),
      denominatorLabel: L('Người nghiện có hồ sơ', 'Addicts with records'),
      targetText: L('> 1 %/năm', '> 1 %/year'),
      targetMin: 1,
      targetMax: null,
      comparison: 'GT',
      span: 'PERIOD',
      unconfirmed: null,
      source: QD424,
    },
    {
      code: 'COMMUNES_WITH_DRUGS_CHANGE',
      names: L('Thay đổi số xã có ma túy so với kỳ trước', 'Change in communes with drugs vs the previous period'),
      unit: 'PCT_CHANGE',
      formula: { kind: 'CHANGE', metric: 'communesWithDrugs' },
      numeratorLabel: L('Xã có ma túy (kỳ này)', 'Communes with drugs (this period)'),
      denominatorLabel: L('Xã có ma túy (kỳ trước)', 'Communes with drugs (previous period)'),
      targetText: L('≤ −1 %/năm', '≤ −1 %/year'),
      targetMin: null,
      targetMax: -1,
      comparison: 'LE',
      span: 'PERIOD',
      unconfirmed: null,
      source: QD424,
    },
    {
      code: 'KEY_COMMUNES_REDUCED',
      names: L('Xã trọng điểm giảm mức độ phức tạp so với năm 2015', 'Key communes with lower complexity than in 2015'),
      unit: 'PCT',
      formula: { kind: 'RATIO', numerator: 'keyCommunesReducedVsBaseline', denominator: 'keyCommunesAtBaseline' },
      numeratorLabel: L('Xã trọng điểm năm gốc nay ở mức thấp hơn', 'Key communes of the baseline now at a lower class'),
      denominatorLabel: L('Xã trọng điểm ở kỳ gốc', 'Key communes in the baseline period'),
      targetText: L('≥ 20 % (đến 2020)', '≥ 20 % (by 2020)'),
      targetMin: 20,
      targetMax: null,
      comparison: 'GE',
      // A comparison of the period's classes with 2015's, already measured from the baseline.
      span: 'PERIOD',
      unconfirmed: null,
      source: QD424,
    },
    pilotPerDistrict({ source: QD424 }),
    serviceAccess({ min: 80, max: null, comparison: 'GE', text: L('≥ 80 %/năm', '≥ 80 %/year') }, { source: QD424 }),
  ],
};

export const SET_2017_2020_HANOI: IndicatorSet = {
  id: '2017_2020_HANOI',
  names: L('Kế hoạch của TP Hà Nội đến năm 2020 (cấp tỉnh)', 'Hà Nội city plan to 2020 (provincial)'),
  scope: { kind: 'PROVINCE', provinceCode: '01' },
  ...PHASE,
  defaultFor: null,
  indicators: [
    newTuDiem({ source: HANOI }),
    pilotPerDistrict({ source: HANOI }),
    serviceAccess({ min: 90, max: null, comparison: 'GE', text: L('≥ 90 %', '≥ 90 %') }, { source: HANOI }),
    postRehab(100, L('Người cai xong được quản lý sau cai', 'Persons completing rehab placed under post-rehab management'), { source: HANOI }),
  ],
};
