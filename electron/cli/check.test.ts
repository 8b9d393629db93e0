import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemsList } from '../../shared/api/contract';
import { listCommuneRows } from '../services/commune-status-service';
import { applyEdits } from '../services/edit-service';
import { openServices } from '../services/index';
import { main } from './main';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const UNITS = path.join(DATA, 'dvhcvn-2025-03-01.json');
const PERIOD = '2025-Q1';
let dir = '';
let ws = '';
let code = '';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const exit = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code: exit, out: out.join('\n'), err: err.join('\n') };
}

function setStatus(values: Record<string, string | number>): void {
  const s = openServices({ workspacePath: ws, hostKind: 'cli', isCreateAllowed: false });
  try {
    if (code === '') code = listCommuneRows(s.workspace, PERIOD)[0]?.code ?? '';
    const edits = Object.entries(values).map(([field, value]) => ({ sheet: 'communeStatuses' as const, op: 'set' as const, id: code, field, value }));
    applyEdits(s.workspace, { periodId: PERIOD, cause: 'typing', mode: 'all', edits });
  } finally {
    s.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-check-'));
  ws = path.join(dir, 'ws.sqlite');
  expect((await run('init', '--workspace', ws, '--units', UNITS, '--office', '017')).code).toBe(0);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('pcmt check', () => {
  // Issue 12: "pcmt check on a district period with some communes empty exits non-zero
  // and names how many are empty" (rule V16).
  it('exits 1 on a period with the communes empty, saying how many and which', async () => {
    const result = await run('check', '--workspace', ws, '--period', PERIOD);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Kỳ 2025-Q1: 1 lỗi, 0 cảnh báo.');
    expect(result.out).toMatch(/\[LỖI V16\] .*24 trong 24 xã, phường chưa có số liệu kỳ Quý I\/2025: Thị trấn Đông Anh, .* và 19 xã, phường khác\./u);
  });

  it('prints the problems and the computed class, and exits 1 while errors remain', async () => {
    setStatus({ resident_population: 8000, addicts_with_records: 3, declared_class: 'KHONG_MA_TUY' });
    const json = await run('check', '--workspace', ws, '--period', PERIOD, '--json');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out) as ProblemsList & { period: string };
    expect(parsed.period).toBe(PERIOD);
    expect(parsed.counts.errors).toBeGreaterThan(0);
    expect(parsed.problems.find((p) => p.ruleId === 'V5')).toMatchObject({ severity: 'error', recordId: code, sheet: 'communeStatuses' });
    expect(parsed.classifications).toEqual([expect.objectContaining({ communeCode: code, computed_class: 'TRONG_DIEM_III', drug_free: false })]);
    const text = await run('check', '--workspace', ws, '--period', PERIOD);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/\[LỖI V5\] .* khai “Không ma túy” nhưng còn 3 người nghiện/u);
    // Issue 12 items 1 and 7: 2025-Q1 ends before QĐ 28/2025 (24/8/2025), so the computed class is for reference; blank Art. 6 fields are named.
    expect(text.out).toContain(
      ': Trọng điểm loại III (tham khảo: kỳ kết thúc trước 24/8/2025, tình trạng đơn vị khai vẫn giữ nguyên); khai: Không ma túy — tiêu chí a III, b –, c –, d –, đ – — chưa nhập: Người sử dụng có hồ sơ, Người vi phạm pháp luật về ma túy',
    );
    expect(parsed.classifications[0]).toMatchObject({ criteria_scheme: 'QD28_2025', is_reference: true });
    const en = await run('check', '--workspace', ws, '--period', PERIOD, '--lang', 'en');
    expect(en.out).toContain('[ERROR V5]');
  });

  it('exits 0 again once the errors are fixed (warnings allowed)', async () => {
    // Blank is not zero: a drug-free declaration needs every Art. 6 figure entered.
    setStatus({ on_substitution_treatment: 3, users_with_records: 0, residents_violating_drug_law: 0, wanted_drug_fugitives_hiding: 0, harboring_points: 0, plants_destroyed_count: 0 });
    const partial = await run('check', '--workspace', ws, '--period', PERIOD);
    expect(partial.code).toBe(1);
    expect(partial.out).toContain('23 trong 24 xã, phường chưa có số liệu');
    const services = openServices({ workspacePath: ws, hostKind: 'cli', isCreateAllowed: false });
    try {
      const rest = listCommuneRows(services.workspace, PERIOD).filter((r) => r.code !== code);
      applyEdits(services.workspace, { periodId: PERIOD, cause: 'typing', mode: 'all', edits: rest.map((r) => ({ sheet: 'communeStatuses', op: 'set', id: r.code, field: 'resident_population', value: 5000 })) });
    } finally {
      services.close();
    }
    const result = await run('check', '--workspace', ws, '--period', PERIOD, '--json');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as ProblemsList).counts).toEqual({ errors: 0, warnings: 1 });
    expect((await run('check', '--workspace', ws, '--period', PERIOD)).out).toContain('Không còn lỗi: kỳ này xuất được.');
  });

  // Issue 12 item 1: Art. 6 figures must be entered (possibly as 0) before a commune can be drug-free.
  it('names a commune with only its population as not determined, listing the blank fields', async () => {
    const services = openServices({ workspacePath: ws, hostKind: 'cli', isCreateAllowed: false });
    let other = '';
    try {
      other = listCommuneRows(services.workspace, PERIOD)[1]?.code ?? '';
      applyEdits(services.workspace, { periodId: PERIOD, cause: 'typing', mode: 'all', edits: [{ sheet: 'communeStatuses', op: 'set', id: other, field: 'resident_population', value: 4000 }] });
    } finally {
      services.close();
    }
    const json = JSON.parse((await run('check', '--workspace', ws, '--period', PERIOD, '--json')).out) as ProblemsList;
    expect(json.classifications.find((c) => c.communeCode === other)).toMatchObject({ computed_class: 'CHUA_XAC_DINH', flags: ['ART6_INCOMPLETE'], drug_free: false });
    const text = await run('check', '--workspace', ws, '--period', PERIOD);
    expect(text.out).toMatch(new RegExp(`${other} .*: Chưa xác định \\(tham khảo.*— chưa nhập: Người nghiện có hồ sơ, Người sử dụng có hồ sơ`, 'u'));
  });

  it('needs a period', async () => {
    const result = await run('check', '--workspace', ws);
    expect(result.code).toBe(2);
    expect(result.err).toContain('kỳ báo cáo (--period');
  });
});
