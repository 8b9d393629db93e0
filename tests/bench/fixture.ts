/**
 * Bench workspaces at three sizes, generated deterministically through the product's own
 * load path (the unit-list import and `loadDump`, what `pcmt units import` and `pcmt load`
 * run — never raw SQL), so their files hold what real use writes: history, indexes, WAL
 * stamp and all.
 *
 *   import { fixtureWorkspace, fixtureCopy, FIXTURE_SIZES } from './fixture';
 *   const file = await fixtureWorkspace('national'); // path of the cached file: open it read-only, or…
 *   const mine = await fixtureCopy('national', dir);  // …a private copy to write to.
 *
 * | size     | office                                  | communes | quarters | hotspots | model sites |
 * |----------|-----------------------------------------|----------|----------|----------|-------------|
 * | district | Huyện Đông Anh (GSO_2004 district 017)   |       24 |       20 |      300 |          30 |
 * | province | Thành phố Hà Nội (province 01)           |      526 |       20 |    3,000 |         300 |
 * | national | "Toàn quốc" (province 99, see below)     |   10,047 |       20 |   30,000 |       3,000 |
 *
 * No office level spans the country, so the national workspace imports the 2025-03-01
 * dvhcvn list regrouped under one synthetic province 99 holding all 696 districts: the
 * office then sees every commune of the country, as a central office receiving every
 * package would. Values come from a seeded generator (same bytes of data every time).
 *
 * Files are cached in `$TMPDIR/pcmt-bench-cache/<size>-<hash>.sqlite`; the hash covers
 * this file's source and the schema version, so a change to the generator or a new
 * migration regenerates them. Generating the national size takes minutes; later runs
 * reuse it. `PCMT_BENCH_CACHE` moves the cache folder.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LATEST_VERSION } from '../../db/migrations/index';
import { openServices } from '../../electron/services/index';
import { loadDump, type DumpRecord } from '../../electron/services/load-service';
import { setOffice } from '../../electron/services/office-service';
import { importUnitJson } from '../../electron/services/units-service';
import type { UnitLevel } from '../../shared/domain/admin-units';

export const FIXTURE_SIZES = ['district', 'province', 'national'] as const;
export type FixtureSize = (typeof FIXTURE_SIZES)[number];

type Spec = { level: UnitLevel; code: string; hotspots: number; modelSites: number };
const SPECS: Record<FixtureSize, Spec> = {
  district: { level: 'DISTRICT', code: '017', hotspots: 300, modelSites: 30 },
  province: { level: 'PROVINCE', code: '01', hotspots: 3_000, modelSites: 300 },
  national: { level: 'PROVINCE', code: '99', hotspots: 30_000, modelSites: 3_000 },
};

/** 20 quarters, oldest first; the newest is the one benches edit. */
export const FIXTURE_PERIODS: readonly string[] = Array.from({ length: 20 }, (_, i) => `${2021 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
export const FIXTURE_LATEST_PERIOD = FIXTURE_PERIODS[FIXTURE_PERIODS.length - 1] ?? '2025-Q4';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const SOURCE = fileURLToPath(import.meta.url);

export function fixtureCacheFolder(): string {
  return process.env.PCMT_BENCH_CACHE ?? path.join(os.tmpdir(), 'pcmt-bench-cache');
}

function generatorHash(): string {
  return createHash('sha256').update(fs.readFileSync(SOURCE)).update(`schema ${LATEST_VERSION}`).digest('hex').slice(0, 12);
}

/** mulberry32: a tiny seeded generator, so every run writes the same data. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type JsonUnit = { level2s?: unknown[] } & Record<string, unknown>;

/** The national list: the 63 provinces' districts regrouped under one province 99. */
function nationalUnitList(): Buffer {
  const list = JSON.parse(fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json'), 'utf8')) as { data: JsonUnit[] };
  const districts = list.data.flatMap((p) => p.level2s ?? []);
  return Buffer.from(JSON.stringify({ data: [{ level1_id: '99', name: 'Toàn quốc', type: 'Tỉnh', level2s: districts }] }));
}

function statusRecord(code: string, random: () => number): DumpRecord {
  const population = 3_000 + Math.floor(random() * 40_000);
  const addicts = Math.floor(random() * 40);
  const users = Math.floor(random() * 20);
  return {
    code,
    resident_population: population,
    addicts_with_records: addicts,
    users_with_records: users,
    on_substitution_treatment: Math.floor(addicts / 4),
    in_family_community_rehab: Math.floor(addicts / 5),
    under_post_rehab_management: Math.floor(addicts / 6),
    residents_violating_drug_law: Math.floor(random() * 10),
    wanted_drug_fugitives_hiding: random() < 0.05 ? 1 : 0,
    drug_offenders_arrested: Math.floor(random() * 8),
    harboring_points: Math.floor(random() * 3),
    plants_destroyed_count: 0,
    commitment_signed: random() < 0.9,
    drug_cases: Math.floor(random() * 6),
    administrative_violations: Math.floor(random() * 12),
    seized_heroin_g: Math.round(random() * 50_000) / 100,
    propaganda_sessions: Math.floor(random() * 10),
  };
}

const CATEGORIES = ['TU_DIEM', 'DIEM', 'DIEM_NGUY_CO', 'DIEM_TO_CHUC_CHUA_CHAP'];
const VENUES = ['NHA_RIENG', 'NHA_TRO', 'NHA_NGHI_KHACH_SAN', 'KARAOKE_BAR_VU_TRUONG', 'QUAN_CA_PHE', 'NOI_CONG_CONG'];
const MODEL_TYPES = ['TU_QUAN_KHU_DAN_CU', 'TO_AN_NINH_TO_DOAN_KET', 'CLB_PCTP_TNXH', 'CLB_SAU_CAI'];

function hotspotRecord(i: number, communes: readonly string[], random: () => number): DumpRecord {
  const year = 2018 + (i % 8);
  const month = String((i % 12) + 1).padStart(2, '0');
  const isEliminated = random() < 0.33;
  return {
    id: `bench-hotspot-${i}`,
    commune_code: communes[Math.floor(random() * communes.length)] ?? '',
    village: `Thôn ${(i % 15) + 1}`,
    address: `Số ${(i % 300) + 1}, ngõ ${(i % 40) + 1}`,
    category: CATEGORIES[i % CATEGORIES.length] ?? null,
    venue_type: VENUES[i % VENUES.length] ?? null,
    drug_types: i % 2 === 0 ? ['HEROIN'] : ['MA_TUY_TONG_HOP', 'CAN_SA'],
    persons_involved: (i % 9) + 1,
    discovered_date: `${year}-${month}-15`,
    status: isEliminated ? 'DA_TRIET_XOA' : 'DANG_HOAT_DONG',
    eliminated_date: isEliminated ? `${year + 1}-${month}-20` : null,
    elimination_method: isEliminated ? 'XU_PHAT_HANH_CHINH' : null,
  };
}

function modelSiteRecord(i: number, communes: readonly string[], random: () => number): DumpRecord {
  return {
    id: `bench-model-${i}`,
    name: `Mô hình ${i + 1}`,
    model_type: MODEL_TYPES[i % MODEL_TYPES.length] ?? null,
    level: 'XA',
    host_unit_code: communes[Math.floor(random() * communes.length)] ?? '',
    establishment_date: `${2015 + (i % 10)}-0${(i % 9) + 1}-01`,
    status: 'DANG_HOAT_DONG',
    members: 5 + (i % 30),
    funding_sources: ['NGAN_SACH_DIA_PHUONG'],
  };
}

/** Builds the workspace at `file` through the unit-list import and loadDump. */
function generate(size: FixtureSize, file: string): void {
  const spec = SPECS[size];
  const services = openServices({ workspacePath: file, hostKind: 'cli', isCreateAllowed: true });
  try {
    const ws = services.workspace;
    const units = size === 'national' ? nationalUnitList() : fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json'));
    importUnitJson(ws, units, 'dvhcvn-2025-03-01.json');
    setOffice(ws, 'GSO_2004', spec.level, spec.code);
    const communes = (
      ws.db
        .prepare(
          `WITH RECURSIVE below(level, code) AS (SELECT level, code FROM admin_units WHERE scheme = 'GSO_2004' AND level = ? AND code = ?
             UNION ALL SELECT u.level, u.code FROM admin_units u JOIN below b ON u.scheme = 'GSO_2004' AND u.parent_level = b.level AND u.parent_code = b.code)
           SELECT code FROM below WHERE level = 'COMMUNE' ORDER BY code`,
        )
        .all(spec.level, spec.code) as { code: string }[]
    ).map((r) => r.code);
    const random = seeded(18);
    for (const periodId of FIXTURE_PERIODS) {
      loadDump(ws, { periodId, statuses: communes.map((c) => statusRecord(c, random)), hotspots: [], modelSites: [] });
    }
    const hotspots = Array.from({ length: spec.hotspots }, (_, i) => hotspotRecord(i, communes, random));
    const modelSites = Array.from({ length: spec.modelSites }, (_, i) => modelSiteRecord(i, communes, random));
    loadDump(ws, { periodId: null, statuses: [], hotspots, modelSites });
  } finally {
    services.close();
  }
}

/**
 * The cached workspace of this size (generated first when missing or stale). Shared by
 * every bench run: open it read-only, or take a `fixtureCopy` to write to.
 */
export function fixtureWorkspace(size: FixtureSize): string {
  const folder = fixtureCacheFolder();
  const file = path.join(folder, `${size}-${generatorHash()}.sqlite`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(folder, { recursive: true });
  // Built under a private name and renamed when complete: two benches at once never see half a file.
  const temp = `${file}.${process.pid}.building`;
  const started = performance.now();
  process.stderr.write(`bench fixture: generating the ${size} workspace (cached for later runs)…\n`);
  try {
    generate(size, temp);
    fs.renameSync(temp, file);
  } finally {
    for (const leftover of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}.wal-owner`]) fs.rmSync(leftover, { force: true });
    fs.rmSync(`${temp}.backups`, { recursive: true, force: true });
  }
  process.stderr.write(`bench fixture: ${size} ready in ${((performance.now() - started) / 1000).toFixed(0)} s: ${file}\n`);
  return file;
}

/** A private copy of the fixture in `dir` (the cached file is never written by benches). */
export function fixtureCopy(size: FixtureSize, dir: string): string {
  const target = path.join(dir, `${size}.sqlite`);
  fs.copyFileSync(fixtureWorkspace(size), target);
  return target;
}

/** `--size district,province` / `PCMT_BENCH_SIZES`: the sizes a bench run covers (default district and province). */
export function benchSizes(argv: readonly string[] = process.argv): FixtureSize[] {
  const flag = argv.find((a) => a.startsWith('--size='))?.slice('--size='.length) ?? argv[argv.indexOf('--size') + 1];
  const raw = (argv.includes('--size') || argv.some((a) => a.startsWith('--size=')) ? flag : process.env.PCMT_BENCH_SIZES) ?? 'district,province';
  const sizes = raw === 'all' ? [...FIXTURE_SIZES] : raw.split(',').map((s) => s.trim());
  for (const s of sizes) if (!(FIXTURE_SIZES as readonly string[]).includes(s)) throw new Error(`unknown bench size "${s}" (district, province, national or all)`);
  return sizes as FixtureSize[];
}
