/**
 * The National Target Programme to 2030, in the wording the National Assembly adopted
 * (Nghị quyết 163/2024/QH15, 27/11/2024) and Kết luận 132-KL/TW (18/3/2025): "hằng năm,
 * giảm số người nghiện ma túy, người sử dụng trái phép chất ma túy; phấn đấu đến năm
 * 2030 đạt ít nhất 50% số xã, phường, thị trấn … không ma túy; … 100% các điểm, tụ điểm
 * phức tạp về ma túy, điểm nguy cơ … được phát hiện và triệt phá". The draft's "< 1 %
 * growth" and "> 20 % drug-free" are not the adopted text. The draft's other figures
 * (80 % counselled, 90 % post-rehab supported, +3 % cases) could not be found in the
 * adopted text: they are kept, marked unconfirmed.
 *
 * The resolution runs the programme from 2025, but 2025 periods belong to QĐ 1452's
 * phase (one set per period), so this phase starts on 1/1/2026.
 */
import { ADDICTS_LABELS, crimeGrowth, ELIMINATED_IN_PHASE, HOTSPOTS_IN_PHASE, personsChange, postRehab, serviceAccess, USERS_LABELS } from './common-defs';
import { L, type IndicatorSet } from './set-types';

const NQ163 = 'NQ 163/2024/QH15; KL 132-KL/TW';
const DRAFT_ONLY = (what: string, whatEn: string) =>
  L(`${what} lấy từ dự thảo (Tờ trình của Chính phủ), chưa đối chiếu được với văn bản Nghị quyết 163/2024/QH15 đã thông qua`, `${whatEn} comes from the draft (the Government's submission); it could not be checked against the adopted text of Resolution 163/2024/QH15`);
const DECREASE = L('Giảm so với năm trước (< 0 %)', 'A decrease on the previous year (< 0 %)');

export const SET_2026_2030: IndicatorSet = {
  id: '2026_2030_CTMTQG',
  names: L('Chương trình mục tiêu quốc gia PCMT đến 2030 (NQ 163/2024/QH15)', 'National target programme on drug prevention to 2030 (Res. 163/2024/QH15)'),
  scope: { kind: 'NATIONAL' },
  startDate: '2026-01-01',
  endDate: '2030-12-31',
  // Later periods keep the last adopted set until a new programme is added here.
  defaultFor: { from: '2026-01-01', to: null },
  baselineYear: 2026,
  indicators: [
    {
      code: 'DRUG_FREE_COMMUNES_PCT',
      names: L('Tỷ lệ xã không ma túy', 'Share of drug-free communes'),
      unit: 'PCT',
      // Divided by every commune of the office: an unreported commune is not drug-free.
      formula: { kind: 'RATIO', numerator: 'communesDrugFree', denominator: 'communesTotal' },
      numeratorLabel: L('Xã không ma túy (khai hoặc theo kết quả tính)', 'Drug-free communes (declared, else computed)'),
      denominatorLabel: L('Tất cả xã của đơn vị', 'All communes of the office'),
      targetText: L('≥ 50 % đến 2030', '≥ 50 % by 2030'),
      targetMin: 50,
      targetMax: null,
      comparison: 'GE',
      // A state at the period's end (not a flow), so nothing to add up since the phase start.
      span: 'PERIOD',
      unconfirmed: null,
      source: NQ163,
    },
    {
      code: 'HOTSPOTS_ELIMINATED_ALL',
      names: L('Điểm, tụ điểm được phát hiện, triệt xóa (cộng dồn từ 2026)', 'Hotspots found and eliminated (cumulative since 2026)'),
      unit: 'PCT',
      formula: { kind: 'RATIO', numerator: 'hotspotsInPhaseEliminated', denominator: 'hotspotsInPhase' },
      numeratorLabel: ELIMINATED_IN_PHASE,
      denominatorLabel: HOTSPOTS_IN_PHASE,
      targetText: L('100 % (đến 2030)', '100 % (by 2030)'),
      targetMin: 100,
      targetMax: null,
      comparison: 'GE',
      span: 'PHASE',
      unconfirmed: null,
      source: NQ163,
    },
    personsChange('ADDICTS_DECREASE', 'addictsWithRecords', L('Người nghiện có hồ sơ so với kỳ trước', 'Addicts with records vs the previous period'), ADDICTS_LABELS, { min: null, max: 0, comparison: 'LT', text: DECREASE }, { source: NQ163 }),
    personsChange('USERS_DECREASE', 'usersWithRecords', L('Người sử dụng trái phép có hồ sơ so với kỳ trước', 'Illegal users with records vs the previous period'), USERS_LABELS, { min: null, max: 0, comparison: 'LT', text: DECREASE }, { source: NQ163 }),
    serviceAccess({ min: 80, max: null, comparison: 'GE', text: L('≥ 80 %', '≥ 80 %') }, { source: NQ163, unconfirmed: DRAFT_ONLY('Mức 80 % người nghiện được tư vấn cai nghiện', 'The 80 % of addicts counselled on rehab') }),
    postRehab(90, L('Người sau cai được hỗ trợ phòng, chống tái nghiện', 'Post-rehab persons supported against relapse'), {
      source: NQ163,
      unconfirmed: DRAFT_ONLY('Mức 90 % người sau cai được hỗ trợ', 'The 90 % of post-rehab persons supported'),
    }),
    crimeGrowth({ min: 3, max: null, comparison: 'GT', text: L('> +3 %/năm', '> +3 %/year') }, { source: NQ163, unconfirmed: DRAFT_ONLY('Mức tăng trên 3 %/năm số vụ phát hiện', 'The more than +3 %/year of cases detected') }),
  ],
};
