import { describe, expect, it } from 'vitest';
import { main } from './main';

type Run = { code: number; out: string[]; err: string };

async function classify(stdin: string, ...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['classify', ...argv], { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: () => Promise.resolve(stdin) });
  return { code, out, err: err.join('\n') };
}

const lines = (...rows: unknown[]): string => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');
const parsed = (run: Run): Record<string, unknown>[] => run.out.map((l) => JSON.parse(l) as Record<string, unknown>);

/** domain.md §5.4: R1 0.6 %, 1 harbouring point, R2 0.07 %. */
const EXAMPLE = { id: 'X1', resident_population: 10_000, addicts_with_records: 40, users_with_records: 20, harboring_points: 1, drug_offenders_arrested: 7 };

describe('pcmt classify', () => {
  it('prints one JSON line per commune, cumulative by default', async () => {
    const run = await classify(lines(EXAMPLE, '', { resident_population: 5000 }, { id: 7, resident_population: 0 }));
    expect(run.code).toBe(0);
    const none = { a: null, b: null, c: null, d: null, dd: null };
    const blank = ['residents_violating_drug_law', 'wanted_drug_fugitives_hiding', 'plants_destroyed_count', 'plants_destroyed_area_m2'];
    const all = ['addicts_with_records', 'users_with_records', 'residents_violating_drug_law', 'wanted_drug_fugitives_hiding', 'harboring_points', 'plants_destroyed_count', 'plants_destroyed_area_m2'];
    const scheme = 'QD28_2025';
    expect(parsed(run)).toEqual([
      { id: 'X1', computed_class: 'TRONG_DIEM_II', criteria_met: { a: 'I', b: 'II', c: 'II', d: null, dd: null }, drug_free: false, flags: ['LITERAL_DIFFERS'], missing: blank, criteria_scheme: scheme },
      // Issue 12 item 1, "missing is not zero": a line with only the population is not drug-free but not determined.
      { id: null, computed_class: 'CHUA_XAC_DINH', criteria_met: none, drug_free: false, flags: ['ART6_INCOMPLETE'], missing: all, criteria_scheme: scheme },
      { id: 7, computed_class: 'CHUA_XAC_DINH', criteria_met: none, drug_free: false, flags: ['ZERO_POPULATION'], missing: all, criteria_scheme: scheme },
    ]);
  });

  // Issue 12, "done when": đ "at level II when ≥ 2 are at level III or more serious … on a key route" (QĐ 28/2025 Art. 4).
  it.each([{ reading: 'cumulative' }, { reading: 'literal' }])('gives TRONG_DIEM_II without LITERAL_DIFFERS for a = 0.15 per cent, c = 0.07 per cent, intra-provincial route ($reading)', async ({ reading }) => {
    const run = await classify(lines({ id: 'R', resident_population: 10_000, addicts_with_records: 15, drug_offenders_arrested: 7, key_route: 'INTRA_PROVINCE' }), '--reading', reading);
    expect(run.code).toBe(0);
    const [row] = parsed(run);
    expect(row).toMatchObject({ id: 'R', computed_class: 'TRONG_DIEM_II', criteria_met: { a: 'II', c: 'II', dd: 'I' }, criteria_scheme: 'QD28_2025' });
    expect(row?.flags).not.toContain('LITERAL_DIFFERS');
  });

  // Issue 12 item 1: Art. 6 figures must be entered (possibly as 0) before a commune is drug-free.
  it('gives CHUA_XAC_DINH for a line with only resident_population, naming the blank fields', async () => {
    const [row] = parsed(await classify(lines({ resident_population: 5000 })));
    expect(row).toMatchObject({ computed_class: 'CHUA_XAC_DINH', drug_free: false, flags: ['ART6_INCOMPLETE'] });
    expect(row?.missing).toContain('harboring_points');
  });

  it('uses the literal reading when asked', async () => {
    const run = await classify(lines(EXAMPLE), '--reading', 'literal');
    expect(run.code).toBe(0);
    expect(parsed(run)[0]).toMatchObject({ id: 'X1', computed_class: 'TRONG_DIEM_III', flags: ['LITERAL_DIFFERS'] });
    expect(parsed(await classify(lines(EXAMPLE), '--reading=cumulative'))[0]).toMatchObject({ computed_class: 'TRONG_DIEM_II' });
  });

  it('accepts CRLF, a BOM, null counts and the other fields of a dumped status row', async () => {
    const row = { code: '00004', period: '2025-AY', declared_class: 'CO_MA_TUY', resident_population: 8000, harboring_points: 1, users_with_records: 0, addicts_with_records: 0, residents_violating_drug_law: 0, wanted_drug_fugitives_hiding: 0, plants_destroyed_count: null, plants_destroyed_area_m2: 0, key_route: null };
    const run = await classify(`\uFEFF${JSON.stringify(row)}\r\n`);
    expect(run.code).toBe(0);
    expect(parsed(run)[0]).toMatchObject({ id: null, computed_class: 'CO_MA_TUY', flags: ['ONLY_HARBORING_POINT', 'MANUAL_REVIEW'] });
  });

  it('refuses a bad line with an error naming the field, and still classifies the others', async () => {
    const input = lines(
      '{not json',
      { id: 'neg', resident_population: 1000, harboring_points: -1 },
      { id: 'frac', resident_population: 1000.5 },
      { id: 'str', resident_population: 1000, drug_offenders_arrested: '3' },
      { id: 'route', resident_population: 1000, key_route: 'HIGHWAY' },
      { id: 'typo', resident_population: 1000, harboring_point: 1 },
      '[1, 2]',
      { id: 'ok', resident_population: 1000, plants_destroyed_area_m2: 125 },
    );
    const run = await classify(input);
    expect(run.code).toBe(1);
    const rows = parsed(run);
    expect(rows).toHaveLength(8);
    const errors = rows.map((r) => r.error as { code: string; field: string | null; message: string } | undefined);
    expect(errors.map((e) => e && [e.code, e.field])).toEqual([
      ['NOT_JSON', null],
      ['NEGATIVE', 'harboring_points'],
      ['NOT_INTEGER', 'resident_population'],
      ['NOT_A_NUMBER', 'drug_offenders_arrested'],
      ['UNKNOWN_KEY_ROUTE', 'key_route'],
      ['UNKNOWN_FIELD', 'harboring_point'],
      ['NOT_OBJECT', null],
      undefined,
    ]);
    expect(rows.map((r) => r.id)).toEqual([null, 'neg', 'frac', 'str', 'route', 'typo', null, 'ok']);
    expect(errors[1]?.message).toBe('Dòng 2: “harboring_points” không được âm.');
    expect(rows[7]).toMatchObject({ computed_class: 'TRONG_DIEM_III', criteria_met: { d: 'II' } });
  });

  it('writes error messages in English with --lang en', async () => {
    const run = await classify(lines({ resident_population: 100, users_with_records: 1.5 }), '--lang', 'en');
    expect(run.code).toBe(1);
    expect(parsed(run)[0]).toEqual({
      id: null,
      error: { code: 'NOT_INTEGER', field: 'users_with_records', message: 'Line 1: “users_with_records” must be a whole number.' },
    });
  });

  it('exits 2 on bad usage', async () => {
    const bad = await classify('', '--reading', 'loose');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('loose');
    expect((await classify('', '--workspace', 'x.sqlite')).code).toBe(2);
    expect((await classify('', 'extra')).code).toBe(2);
  });

  it('prints nothing and exits 0 on empty input', async () => {
    const run = await classify('\n\n');
    expect(run).toEqual({ code: 0, out: [], err: '' });
  });
});
