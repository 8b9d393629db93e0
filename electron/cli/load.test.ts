import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../services/edit-service';
import { openServices } from '../services/index';
import { main } from './main';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const UNITS = path.join(DATA, 'dvhcvn-2025-03-01.json');
let dir = '';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

type Dump = { statuses: Record<string, unknown>[]; hotspots: { id: string; local_code: string }[]; modelSites: { id: string }[] };

async function dump(ws: string): Promise<Dump> {
  const result = await run('dump', '--workspace', ws, '--period', '2025-Q3', '--json');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as Dump;
}

/** Row versions and times are bookkeeping of each workspace, not data. */
function comparable(d: Dump): Dump {
  return { ...d, statuses: d.statuses.map(({ rowVersion: _v, updatedAt: _u, ...rest }) => rest) };
}

function historyCount(ws: string): number {
  const s = openServices({ workspacePath: ws, hostKind: 'cli', isCreateAllowed: false });
  try {
    return (s.workspace.db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n;
  } finally {
    s.close();
  }
}

let source = '';
let dumpFile = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-load-'));
  source = path.join(dir, 'source.sqlite');
  expect((await run('init', '--workspace', source, '--units', UNITS, '--office', '017')).code).toBe(0);
  const s = openServices({ workspacePath: source, hostKind: 'cli' });
  const communes = s.workspace.db.prepare("SELECT code FROM admin_units WHERE scheme = 'GSO_2004' AND parent_code = '017' ORDER BY code").all() as { code: string }[];
  const [a = '', b = ''] = communes.map((c) => c.code);
  const created = applyEdits(s.workspace, {
    periodId: '2025-Q3',
    cause: 'typing',
    mode: 'all',
    edits: [
      { sheet: 'communeStatuses', op: 'set', id: a, field: 'declared_class', value: 'TRONG_DIEM_II' },
      { sheet: 'communeStatuses', op: 'set', id: a, field: 'commitment_signed', value: true },
      { sheet: 'communeStatuses', op: 'set', id: b, field: 'seized_heroin_g', value: 3.25 },
      { sheet: 'hotspots', op: 'create', values: { commune_code: a, address: 'Bãi đất trống cạnh chợ', discovered_date: '2024-03-04', drug_types: ['HEROIN', 'CAN_SA'] } },
      { sheet: 'hotspots', op: 'create', values: { commune_code: b, category: 'TU_DIEM', discovered_date: '2025-08-10', eliminated_date: '2025-09-01' } },
      { sheet: 'hotspots', op: 'create', values: { commune_code: b, note: 'sẽ bị xóa' } },
      { sheet: 'modelSites', op: 'create', values: { name: 'CLB sau cai nghiện xã', host_unit_code: b, is_pilot_model: true, funding_sources: ['TAI_TRO'], establishment_date: '2023-01-01' } },
    ],
  });
  const [first, second, third] = created.created;
  applyEdits(s.workspace, {
    periodId: null,
    cause: 'typing',
    mode: 'all',
    edits: [
      { sheet: 'hotspots', op: 'set', id: second?.id ?? '', field: 'reappeared_from', value: first?.id ?? '' },
      { sheet: 'hotspots', op: 'remove', id: third?.id ?? '' },
    ],
  });
  s.close();
  dumpFile = path.join(dir, 'dump.json');
  fs.writeFileSync(dumpFile, (await run('dump', '--workspace', source, '--period', '2025-Q3', '--json')).out);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pcmt dump → pcmt load', () => {
  it('rebuilds the same data in a fresh workspace, ids and codes kept; a second load changes nothing', async () => {
    const original = await dump(source);
    expect(original.hotspots).toHaveLength(2);
    expect(original.modelSites).toHaveLength(1);
    const target = path.join(dir, 'target.sqlite');
    await run('init', '--workspace', target, '--units', UNITS, '--office', '017');
    const loaded = await run('load', dumpFile, '--workspace', target, '--json');
    expect(loaded.code).toBe(0);
    expect(JSON.parse(loaded.out)).toEqual({
      statuses: { added: 2, changed: 0, unchanged: 0 },
      hotspots: { added: 2, changed: 0, unchanged: 0 },
      modelSites: { added: 1, changed: 0, unchanged: 0 },
    });
    expect(comparable(await dump(target))).toEqual(comparable(original));
    const before = historyCount(target);
    const again = await run('load', dumpFile, '--workspace', target);
    expect(again.out).toContain('không có gì thay đổi');
    expect(historyCount(target)).toBe(before);
  });

  it('reports changed records in one sentence', async () => {
    const target = path.join(dir, 'changed.sqlite');
    await run('init', '--workspace', target, '--units', UNITS, '--office', '017');
    await run('load', dumpFile, '--workspace', target);
    const edited = JSON.parse(fs.readFileSync(dumpFile, 'utf8')) as Dump & { hotspots: Record<string, unknown>[] };
    (edited.hotspots[0] as Record<string, unknown>).note = 'Đã xác minh lại';
    const file = path.join(dir, 'edited.json');
    fs.writeFileSync(file, JSON.stringify(edited));
    const result = await run('load', file, '--workspace', target, '--lang', 'en');
    expect(result.out).toBe('Loaded edited.json: commune figures for 2025-Q3 added 0, changed 0; hotspots added 0, changed 1; model sites added 0, changed 0.');
  });

  it('refuses a bad file with one sentence and stores nothing', async () => {
    const target = path.join(dir, 'refused.sqlite');
    await run('init', '--workspace', target, '--units', UNITS, '--office', '017');
    const bad = JSON.parse(fs.readFileSync(dumpFile, 'utf8')) as Dump & { modelSites: Record<string, unknown>[] };
    (bad.modelSites[0] as Record<string, unknown>).members = -3;
    const badFile = path.join(dir, 'bad.json');
    fs.writeFileSync(badFile, JSON.stringify(bad));
    const refused = await run('load', badFile, '--workspace', target);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Giá trị “-3” không hợp lệ cho cột Số thành viên');
    expect(historyCount(target)).toBe(0);
    expect((await dump(target)).hotspots).toEqual([]);

    const shape = path.join(dir, 'shape.json');
    fs.writeFileSync(shape, JSON.stringify({ hotspots: [{ note: 'no id' }] }));
    const wrongShape = await run('load', shape, '--workspace', target);
    expect(wrongShape).toMatchObject({ code: 1 });
    expect(wrongShape.err).toContain('hotspots.0.id');
    fs.writeFileSync(shape, '{ "statuses": [');
    expect((await run('load', shape, '--workspace', target)).err).toMatch(/^Tệp .* không phải JSON hợp lệ/u);
    expect((await run('load', '--workspace', target)).code).toBe(2);
  });
});

describe('pcmt load refuses hostile files by name and counts records, not lines (issue 10)', () => {
  let target = '';
  let base: { statuses: Record<string, unknown>[]; hotspots: Record<string, unknown>[]; modelSites: Record<string, unknown>[] };

  beforeAll(async () => {
    target = path.join(dir, 'hostile.sqlite');
    await run('init', '--workspace', target, '--units', UNITS, '--office', '017');
    expect((await run('load', dumpFile, '--workspace', target)).code).toBe(0);
    base = JSON.parse(fs.readFileSync(dumpFile, 'utf8')) as typeof base;
  });

  /** Loads raw JSON text; every refusal must leave the workspace's history as it was. */
  async function loadText(name: string, text: string): Promise<{ code: number; out: string; err: string }> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const before = historyCount(target);
    const result = await run('load', file, '--workspace', target, '--lang', 'en');
    if (result.code !== 0) expect(historyCount(target)).toBe(before);
    return result;
  }

  it('refuses "__proto__" keys and top-level keys a dump never has, naming them', async () => {
    const withProto = JSON.stringify(base).replace('"hotspots":[{', '"hotspots":[{"__proto__":{"note":"x"},');
    expect(JSON.parse(withProto).hotspots[0]).toHaveProperty('__proto__');
    const proto = await loadText('proto.json', withProto);
    expect(proto.code).toBe(1);
    expect(proto.err).toContain('“hotspots.0.__proto__”');
    const typo = await loadText('typo.json', JSON.stringify({ ...base, modelsites: base.modelSites }));
    expect(typo.code).toBe(1);
    expect(typo.err).toContain('an entry “modelsites”');
    const deep = await loadText('deep.json', `{"hotspots":[{"id":"x","note":${'['.repeat(200_000)}${']'.repeat(200_000)}}]}`);
    expect(deep).toMatchObject({ code: 1, err: expect.stringContaining('hotspots.0.note is missing or has a value of the wrong type') as unknown });
  });

  it('refuses 1e-7 in a 2-decimal field and a lone surrogate in a text field, naming the field', async () => {
    const tiny = structuredClone(base);
    (tiny.statuses[1] as Record<string, unknown>).seized_heroin_g = 1e-7;
    const refusedTiny = await loadText('tiny.json', JSON.stringify(tiny));
    expect(refusedTiny.code).toBe(1);
    expect(refusedTiny.err).toContain('The value “1e-7” is not valid for Heroin seized (g)');
    const marked = structuredClone(base);
    (marked.hotspots[0] as Record<string, unknown>).note = 'Ghi chú BROKEN';
    // Written as JSON writes it, an escape: JSON.parse then makes a lone surrogate.
    const broken = JSON.stringify(marked).replace('BROKEN', '\\ud800');
    expect(broken).toContain('\\ud800');
    const refusedBroken = await loadText('surrogate.json', broken);
    expect(refusedBroken.code).toBe(1);
    expect(refusedBroken.err).toMatch(/not valid for Note: it holds a broken character/u);
    expect(/\p{Cs}/u.test(refusedBroken.err)).toBe(false);
  });

  it('refuses a "re-emerged from" loop between two hotspots, naming both', async () => {
    const [first, second] = base.hotspots as [Record<string, unknown>, Record<string, unknown>];
    expect(second.reappeared_from).toBe(first.id);
    const loop = structuredClone(base);
    (loop.hotspots[0] as Record<string, unknown>).reappeared_from = second.id;
    const refused = await loadText('loop.json', JSON.stringify(loop));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`(${String(first.local_code)} → ${String(second.local_code)} → ${String(first.local_code)})`);
  });

  it('counts each record once, from what actually changed: a commune listed 500 times is one change', async () => {
    const [a, b] = base.statuses as [Record<string, unknown>, Record<string, unknown>];
    const repeated = Array.from({ length: 500 }, (_, i) => ({ ...(i % 2 === 0 ? a : b), resident_population: 4321 }));
    // The same drug types in another order are the same value: not a change of the hotspot.
    const hotspots = base.hotspots.map((h) => (Array.isArray(h.drug_types) ? { ...h, drug_types: [...(h.drug_types as string[])].reverse() } : h));
    const result = await loadText('repeated.json', JSON.stringify({ ...base, statuses: repeated, hotspots }));
    expect(result.code).toBe(0);
    expect(result.out).toBe('Loaded repeated.json: commune figures for 2025-Q3 added 0, changed 2; hotspots added 0, changed 0; model sites added 0, changed 0.');
    const stored = (await dump(target)).statuses.map((st) => st.resident_population);
    expect(stored).toEqual([4321, 4321]);
  });
});

