/**
 * The demo's figures (issue 15 item 2): a seeded, deterministic generator — the same
 * seed gives the same records, byte for byte — for a real district's communes over
 * 2021–2025. Commune profiles spread the computed classes over every class of
 * Decision 28/2025 (drug-free, with drugs, key levels III–I, not determinable), the
 * hotspot register has life cycles (discovered, eliminated, re-emerged), and a few
 * deliberate problems are left for the trainer to show (named in DEMO_PROBLEMS).
 */
import type { DumpRecord } from '../load-service';

export type DemoCommune = { code: string; name: string };
export type DemoPeriod = { periodId: string; statuses: DumpRecord[] };
export type DemoData = { periods: DemoPeriod[]; hotspots: DumpRecord[]; modelSites: DumpRecord[] };

/** What a trainer can point at in the last period (Quý II/2025): each is a real rule's problem. */
export const DEMO_PROBLEMS = [
  'V5: a commune declared drug-free with an active hotspot',
  'H4: a hotspot discovered in the period, against the "no new points" target',
  'M5: a pilot model site without a target year',
] as const;

/** mulberry32: small, fast and well distributed enough for plausible demo figures. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Per profile: (addicts + users with records) and offenders arrested per resident, chosen
 * inside Decision 28/2025's bands so that criteria a and c give levels III, II and I; a
 * commune "with drugs" has no users on record but a wanted fugitive hiding (Art. 6 fails,
 * no key criterion), and one "being verified" leaves its Art. 6 figures blank.
 */
const PROFILES = [
  { kind: 'free', rate: 0, arrests: 0, declared: 'KHONG_MA_TUY' },
  { kind: 'drugs', rate: 0, arrests: 0, declared: 'CO_MA_TUY' },
  { kind: 'key', rate: 0.0012, arrests: 0.0002, declared: 'TRONG_DIEM_III' },
  { kind: 'key', rate: 0.003, arrests: 0.0007, declared: 'TRONG_DIEM_II' },
  { kind: 'key', rate: 0.007, arrests: 0.0013, declared: 'TRONG_DIEM_I' },
  { kind: 'unknown', rate: 0, arrests: 0, declared: 'CO_MA_TUY' },
] as const;

const QUARTERS = ['2021', '2022', '2023', '2024', '2025'].flatMap((year) => (year === '2025' ? ['Q1', 'Q2'] : ['Q1', 'Q2', 'Q3', 'Q4']).map((q) => `${year}-${q}`));
const YEARS = ['2021', '2022', '2023', '2024'];

const VILLAGES = ['Thôn Đông', 'Thôn Đoài', 'Thôn Trung', 'Thôn Bắc', 'Thôn Nam', 'Tổ dân phố 1', 'Tổ dân phố 2', 'Xóm Mới'];
const PLACES = ['Bãi đất trống ven đê', 'Nhà trọ công nhân', 'Quán cà phê đầu ngõ', 'Khu lán trại công trình', 'Gầm cầu', 'Nhà hoang cuối xóm', 'Bờ mương cạnh chợ', 'Karaoke ven quốc lộ'];
const MODEL_TYPES = ['TU_QUAN_KHU_DAN_CU', 'TO_AN_NINH_TO_DOAN_KET', 'CLB_PCTP_TNXH', 'CLB_SAU_CAI', 'DIEM_TU_VAN_HO_TRO_DIEU_TRI_CONG_DONG'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function quarterDay(periodId: string, dayOfQuarter: number): string {
  const year = Number(periodId.slice(0, 4));
  const q = Number(periodId.slice(6));
  const month = (q - 1) * 3 + 1 + Math.min(2, Math.floor(dayOfQuarter / 30));
  return `${year}-${pad(month)}-${pad(1 + (dayOfQuarter % 28))}`;
}

function statusOf(commune: DemoCommune, profile: (typeof PROFILES)[number], population: number, drift: number): DumpRecord {
  const persons = Math.round(population * profile.rate * drift);
  const addicts = Math.round(persons * 0.6);
  const record: DumpRecord = {
    code: commune.code,
    declared_class: profile.declared,
    resident_population: population,
    addicts_with_records: addicts,
    users_with_records: persons - addicts,
    commitment_signed: true,
  };
  // A commune still "being verified" leaves Art. 6 figures blank: computed CHUA_XAC_DINH, as the rules say.
  if (profile.kind === 'unknown') return record;
  return {
    ...record,
    residents_violating_drug_law: Math.round(persons * 0.3),
    wanted_drug_fugitives_hiding: profile.kind === 'drugs' ? 1 : 0,
    drug_offenders_arrested: Math.ceil(population * profile.arrests * drift),
    harboring_points: 0,
    plants_destroyed_count: 0,
    plants_destroyed_area_m2: 0,
    // Levels II and I need three criteria: a and c in the band, and đ from the intra-provincial route (Art. 4).
    key_route: profile.declared === 'TRONG_DIEM_II' || profile.declared === 'TRONG_DIEM_I' ? 'INTRA_PROVINCE' : 'NONE',
  };
}

export function generateDemo(communes: readonly DemoCommune[], seed: number): DemoData {
  const next = random(seed);
  const plan = communes.map((commune, index) => ({
    commune,
    profile: PROFILES[index % PROFILES.length] ?? PROFILES[0],
    population: 6_000 + Math.round(next() * 18_000),
  }));
  const periods: DemoPeriod[] = [...QUARTERS, ...YEARS].map((periodId, step) => ({
    periodId,
    statuses: plan.map(({ commune, profile, population }) => statusOf(commune, profile, population + step * 40, 0.9 + next() * 0.2)),
  }));

  // ~150 hotspots: most in key communes, discovered over the five years; about half eliminated, a few re-emerged.
  const hotspots: DumpRecord[] = [];
  const hosts = plan.filter((p) => p.profile.kind !== 'free');
  for (let i = 0; i < 150; i++) {
    const host = hosts[Math.floor(next() * hosts.length)] ?? hosts[0];
    if (host === undefined) break;
    const discoveredIn = QUARTERS[Math.floor(next() * (QUARTERS.length - 1))] ?? '2021-Q1';
    const discovered = quarterDay(discoveredIn, Math.floor(next() * 88));
    const isEliminated = next() < 0.5;
    const id = `demo-hs-${pad(i + 1, 3)}`;
    const record: DumpRecord = {
      id,
      commune_code: host.commune.code,
      village: VILLAGES[Math.floor(next() * VILLAGES.length)] ?? null,
      address: `${PLACES[Math.floor(next() * PLACES.length)] ?? ''}, ${host.commune.name}`,
      category: next() < 0.25 ? 'TU_DIEM' : 'DIEM',
      persons_involved: 2 + Math.floor(next() * 8),
      discovered_date: discovered,
      status: isEliminated ? 'DA_TRIET_XOA' : 'DANG_HOAT_DONG',
      eliminated_date: isEliminated ? quarterDay(QUARTERS[Math.min(QUARTERS.length - 1, QUARTERS.indexOf(discoveredIn) + 1 + Math.floor(next() * 3))] ?? '2025-Q2', 10) : null,
      elimination_method: isEliminated ? 'XU_PHAT_HANH_CHINH' : null,
    };
    hotspots.push(record);
  }
  // Re-emerged points: a new record naming the eliminated one it came back from (after its elimination).
  for (const source of hotspots.filter((h) => h.status === 'DA_TRIET_XOA').slice(0, 6)) {
    const eliminated = String(source.eliminated_date);
    if (eliminated >= '2025-04-01') continue;
    hotspots.push({ ...source, id: `${String(source.id)}-r`, status: 'TAI_HOAT_DONG', discovered_date: '2025-04-20', eliminated_date: null, elimination_method: null, reappeared_from: String(source.id) });
  }
  // Deliberate V5: the first drug-free commune gets an active point.
  const freeCommune = plan.find((p) => p.profile.kind === 'free');
  if (freeCommune !== undefined) {
    hotspots.push({ id: 'demo-hs-v5', commune_code: freeCommune.commune.code, address: `Nhà trọ ven sông, ${freeCommune.commune.name}`, category: 'DIEM', persons_involved: 3, discovered_date: '2025-05-12', status: 'DANG_HOAT_DONG' });
  }

  // ~20 model sites, one in three a pilot; one pilot without a target year (M5) for the trainer.
  const modelSites: DumpRecord[] = plan.slice(0, 20).map(({ commune }, i) => ({
    id: `demo-ms-${pad(i + 1)}`,
    name: `${i % 2 === 0 ? 'CLB' : 'Mô hình'} ${commune.name}`,
    host_unit_code: commune.code,
    model_type: MODEL_TYPES[i % MODEL_TYPES.length] ?? 'KHAC',
    level: 'XA',
    status: 'DANG_HOAT_DONG',
    is_pilot_model: i % 3 === 0,
    target_year: i % 3 === 0 && i !== 0 ? 2022 + (i % 4) : null,
    establishment_date: `${2021 + (i % 4)}-${pad(1 + (i % 12))}-15`,
    members: 10 + Math.floor(next() * 30),
  }));
  return { periods, hotspots, modelSites };
}
