/**
 * The explanation of a commune's classification (classification.ts), one short line per
 * criterion, then Art. 6, the result and any flags: the computed-class tooltip and side panel.
 */
import { COMMUNE_STATUS_FIELDS, type CommuneClass } from './commune-status';
import type { Language } from '../i18n/format';
import { criteriaCountFor, rankOf, type Art6Field, type Classification, type ClassificationFlag, type Level, type Reading } from './classification';

const CLASS_TEXT: Record<CommuneClass, { vi: string; en: string }> = {
  KHONG_MA_TUY: { vi: 'Không ma túy', en: 'Drug-free' },
  CO_MA_TUY: { vi: 'Có ma túy – chưa đủ tiêu chí trọng điểm', en: 'Has drugs – not a key area' },
  TRONG_DIEM_III: { vi: 'Trọng điểm loại III', en: 'Key area, level III' },
  TRONG_DIEM_II: { vi: 'Trọng điểm loại II', en: 'Key area, level II' },
  TRONG_DIEM_I: { vi: 'Trọng điểm loại I', en: 'Key area, level I' },
  CHUA_XAC_DINH: { vi: 'Chưa xác định', en: 'Not determined' },
};

function numberText(value: number, language: Language, decimals: number): string {
  return value.toLocaleString(language === 'en' ? 'en-US' : 'vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: decimals, useGrouping: true });
}

/** A ratio as a percentage with 2 decimals, more when 2 would round onto a threshold it does not reach. */
function percentText(fraction: number, language: Language): string {
  const pct = fraction * 100;
  let decimals = 2;
  const thresholds = [0.5, 0.1, 0.05];
  while (decimals < 6 && thresholds.some((t) => Number(pct.toFixed(decimals)) === t && pct !== t)) decimals += 1;
  return `${pct.toLocaleString(language === 'en' ? 'en-US' : 'vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: decimals })} %`;
}

type Words = {
  level: (l: Level) => string;
  none: string;
  a: string;
  b: string;
  c: string;
  d: string;
  dd: string;
  area: string;
  plants: string;
  noRoute: string;
  route: (l: Level | null, n2: number, n3: number) => string;
  zero: string;
  count: (target: 'I' | 'II', n: number) => string;
  levelIII: string;
  art6: (ok: boolean, parts: string[]) => string;
  art6Parts: { users: string; violators: string; points: string };
  flag: Record<ClassificationFlag, (other: string) => string>;
  result: string;
  reading: Record<Reading, string>;
  missing: (fields: string) => string;
};

const WORDS: Record<Language, Words> = {
  vi: {
    level: (l) => `loại ${l}`,
    none: 'không đạt',
    a: 'a. Tỷ lệ người nghiện, sử dụng có hồ sơ',
    b: 'b. Số điểm tổ chức, chứa chấp',
    c: 'c. Tỷ lệ đối tượng bị bắt',
    d: 'd. Cây có chứa chất ma túy bị phá',
    dd: 'đ. Tuyến trọng điểm',
    area: 'm²',
    plants: 'cây',
    noRoute: 'không nằm trên tuyến trọng điểm → không đạt',
    route: (l, n2, n3) =>
      l === null
        ? `nằm trên tuyến trọng điểm nhưng chỉ ${n3} tiêu chí từ loại III trở lên (cần ≥ 2) → không đạt`
        : l === 'I'
          ? `nằm trên tuyến trọng điểm, ${n2} tiêu chí từ loại II trở lên → loại I`
          : `nằm trên tuyến trọng điểm, ${n3} tiêu chí từ loại III trở lên → loại II`,
    zero: 'Nhân khẩu bằng 0: không tính được tỷ lệ → chưa xác định',
    count: (t, n) => `${n} tiêu chí đạt loại ${t} (cần ≥ 3)`,
    levelIII: 'loại III cần ít nhất 1 trong các tiêu chí a, c, d',
    art6: (ok, parts) => (ok ? 'Điều 6 (không ma túy): đạt cả 3 điều kiện' : `Điều 6 (không ma túy): không đạt — ${parts.join('; ')}`),
    art6Parts: {
      users: 'còn người nghiện, sử dụng ngoài diện điều trị thay thế, cai tại gia đình/cộng đồng, quản lý sau cai',
      violators: 'có người vi phạm pháp luật về ma túy hoặc đối tượng truy nã lẩn trốn',
      points: 'có điểm tổ chức, chứa chấp',
    },
    flag: {
      ZERO_POPULATION: () => 'Cần nhập nhân khẩu cư trú.',
      ART6_INCOMPLETE: () => 'Chưa đủ số liệu để xét Điều 6 (không ma túy): hãy nhập các ô còn trống, không có thì nhập 0.',
      ART6_HOLDS_BUT_KEY: () => 'Đạt Điều 6 (không ma túy) nhưng cũng đủ tiêu chí trọng điểm: cần quyết định thủ công, ghi ở cột “Lý do khác kết quả tính”.',
      ONLY_HARBORING_POINT: () => 'Chỉ có điểm tổ chức, chứa chấp: không phải trọng điểm (loại III không có tiêu chí b) cũng không phải không ma túy — cần xem xét.',
      MANUAL_REVIEW: () => 'Không đủ tiêu chí trọng điểm, cũng không đạt Điều 6 — cần xem xét.',
      DRUG_FREE_WITH_RECORDS: () => 'Đạt Điều 6 nhưng tỷ lệ a > 0 do người thuộc diện được loại trừ: đề xuất “Không ma túy”, cần xác nhận.',
      LITERAL_DIFFERS: (other) => `Theo cách đọc khác của các khoảng mức độ, kết quả là: ${other} — cần thống nhất với Công an tỉnh (PC04).`,
    },
    result: 'Kết quả',
    reading: { cumulative: 'cách đọc cộng dồn', literal: 'cách đọc theo khoảng' },
    missing: (fields) => `Chưa nhập (để trống khác với 0): ${fields}`,
  },
  en: {
    level: (l) => `level ${l}`,
    none: 'not met',
    a: 'a. Addicts and users with records',
    b: 'b. Organising/harbouring points',
    c: 'c. Offenders arrested',
    d: 'd. Drug plants destroyed',
    dd: 'đ. Key route',
    area: 'm²',
    plants: 'plants',
    noRoute: 'not on a key route → not met',
    route: (l, n2, n3) =>
      l === null
        ? `on a key route but only ${n3} criteria at level III or higher (needs ≥ 2) → not met`
        : l === 'I'
          ? `on a key route, ${n2} criteria at level II or higher → level I`
          : `on a key route, ${n3} criteria at level III or higher → level II`,
    zero: 'Population is 0: ratios cannot be computed → not determined',
    count: (t, n) => `${n} criteria at level ${t} (needs ≥ 3)`,
    levelIII: 'level III needs at least one of criteria a, c, d',
    art6: (ok, parts) => (ok ? 'Art. 6 (drug-free): all 3 conditions hold' : `Art. 6 (drug-free): not met — ${parts.join('; ')}`),
    art6Parts: {
      users: 'addicts or users outside substitution treatment, family/community rehab and post-rehab management',
      violators: 'residents violating drug law or wanted fugitives hiding',
      points: 'organising/harbouring points',
    },
    flag: {
      ZERO_POPULATION: () => 'Enter the resident population.',
      ART6_INCOMPLETE: () => 'Not enough figures to assess Art. 6 (drug-free): fill in the blank cells, entering 0 where there is none.',
      ART6_HOLDS_BUT_KEY: () => 'Art. 6 (drug-free) holds but the key-area criteria are also met: decide by hand and record it in the “Override reason” column.',
      ONLY_HARBORING_POINT: () => 'Only harbouring points: not a key area (level III has no criterion b) and not drug-free — review by hand.',
      MANUAL_REVIEW: () => 'Not enough for a key area and Art. 6 does not hold — review by hand.',
      DRUG_FREE_WITH_RECORDS: () => 'Art. 6 holds but ratio a > 0 because of excluded persons: proposed “drug-free”, to be confirmed.',
      LITERAL_DIFFERS: (other) => `The other reading of the level bands gives: ${other} — confirm with the provincial police (PC04).`,
    },
    result: 'Result',
    reading: { cumulative: 'cumulative reading', literal: 'literal (band) reading' },
    missing: (fields) => `Not entered (blank is not 0): ${fields}`,
  },
};

function verdict(w: Words, level: Level | null): string {
  return level === null ? w.none : w.level(level);
}

function ratioLine(label: string, ratio: number, level: Level | null, bounds: { I: number; II: number }, w: Words, language: Language): string {
  const value = percentText(ratio, language);
  const pct = (x: number): string => `${numberText(x * 100, language, 2)} %`;
  const why = level === 'I' ? `≥ ${pct(bounds.I)}` : level === 'II' ? `≥ ${pct(bounds.II)}` : level === 'III' ? `< ${pct(bounds.II)}` : '= 0';
  return `${label} ${value} ${why} → ${verdict(w, level)}`;
}

const FIELD_LABELS = new Map(COMMUNE_STATUS_FIELDS.map((f) => [f.key as string, f.labels]));

/** The blank Art. 6 fields by their column names, "count / area" for the plants. */
function missingText(missing: readonly Art6Field[], language: Language): string {
  const names = missing.map((key) => FIELD_LABELS.get(key)?.[language] ?? key);
  return names.join('; ');
}

/** One short line per criterion, then Art. 6, the blank fields, the result and any flags (for a tooltip). */
export function explainClassification(c: Classification, language: Language): string[] {
  const w = WORDS[language];
  const f = c.figures;
  if (c.r1 === null || c.r2 === null) return [w.zero, ...c.flags.filter((x) => x !== 'ZERO_POPULATION').map((x) => w.flag[x](''))];
  const crit = c.criteria_met;
  const k = f.harboring_points;
  const plants = numberText(f.plants_destroyed_count, language, 0);
  const area = numberText(f.plants_destroyed_area_m2, language, 2);
  const levels = [crit.a, crit.b, crit.c, crit.d];
  const n2 = levels.filter((l) => rankOf(l) >= rankOf('II')).length;
  const n3 = levels.filter((l) => l !== null).length;
  const lines = [
    ratioLine(w.a, c.r1, crit.a, { I: 0.005, II: 0.001 }, w, language),
    `${w.b} ${k} ${k >= 2 ? '≥ 2' : k === 1 ? '= 1' : '= 0'} → ${verdict(w, crit.b)}`,
    ratioLine(w.c, c.r2, crit.c, { I: 0.001, II: 0.0005 }, w, language),
    `${w.d} ${plants} ${w.plants}, ${area} ${w.area} → ${verdict(w, crit.d)}`,
    `${w.dd}: ${f.key_route === 'NONE' ? w.noRoute : w.route(crit.dd, n2, n3)}`,
  ];
  const art6Parts = [
    ...(c.art6.no_users ? [] : [w.art6Parts.users]),
    ...(c.art6.no_violators ? [] : [w.art6Parts.violators]),
    ...(c.art6.no_points ? [] : [w.art6Parts.points]),
  ];
  // With blanks and nothing failing, the blank fields are the whole Art. 6 answer.
  if (art6Parts.length > 0 || c.missing.length === 0) lines.push(w.art6(art6Parts.length === 0, art6Parts));
  if (c.missing.length > 0) lines.push(w.missing(missingText(c.missing, language)));
  const counts = `${w.count('I', criteriaCountFor(c, 'I', c.reading))}; ${w.count('II', criteriaCountFor(c, 'II', c.reading))}; ${w.levelIII}`;
  lines.push(`${w.result} (${w.reading[c.reading]}): ${CLASS_TEXT[c.computed_class][language]} — ${counts}`);
  for (const flag of c.flags) lines.push(w.flag[flag](CLASS_TEXT[c.other_reading_class][language]));
  return lines;
}
