/**
 * The rules of exchange-format.md §6.2 as one stateful story on one province workspace
 * (the sequence the section asks for), then the §6.3 conflict preview of a correction.
 * Every step goes through receiveFiles + confirmStaged/rejectStaged as the app does, and
 * every step is checked against the slots, the received packages and the import log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiveResult } from '../../shared/api/exchange-types';
import { AppError } from '../../shared/errors';
import { verifyImportLog } from '../../electron/services/exchange/consolidation-service';
import { confirmStaged, receiveFiles, rejectStaged } from '../../electron/services/exchange/receive-service';
import type { Services } from '../../electron/services/index';
import { districtsOf, holdings, makeProvinceWorkspace, officeOf, openProvinceCopy, PROVINCE_PASSPHRASE, sendPackage, SMALL_UNITS, type District, type PackageSpec, type Sent } from './consolidation-fixtures';

const [BA_DINH, HOAN_KIEM] = districtsOf(SMALL_UNITS) as [District, District];
const OFFICE = officeOf(BA_DINH.unit);

let dir = '';
let template = '';
let s: Services;

type LogRow = { id: number; decision: string; code: string | null; detail: string | null; package_id: string | null; issuer: string | null; period: string | null; sequence: number | null };

function log(): LogRow[] {
  return s.workspace.db.prepare('SELECT id, decision, code, detail, package_id, issuer, period, sequence FROM import_log ORDER BY id').all() as LogRow[];
}

function send(spec: Partial<PackageSpec> & { name: string; sequence: number }): Sent {
  return sendPackage({ district: BA_DINH, period: '2025-Q3', supersedes: null, ...spec });
}

function receive(pkg: Sent, fileName = `${pkg.spec.name}.bcpkg`): ReceiveResult {
  const [result] = receiveFiles(s.workspace, [{ fileName, bytes: pkg.file }], PROVINCE_PASSPHRASE);
  if (result === undefined) throw new Error('no result');
  return result;
}

function staged(result: ReceiveResult): string {
  expect(result.code).toBe('OK_STAGED');
  if (result.stagingId === null) throw new Error(`not staged: ${result.code} ${result.message}`);
  return result.stagingId;
}

function slot(period = '2025-Q3'): { package_id: string; sequence: number } | undefined {
  return s.workspace.db.prepare('SELECT package_id, sequence FROM slots WHERE issuer = ? AND period_id = ?').get(OFFICE, period) as
    | { package_id: string; sequence: number }
    | undefined;
}

function statusOf(pkg: Sent): string | undefined {
  return (s.workspace.db.prepare('SELECT status FROM received_packages WHERE package_id = ?').get(pkg.packageId) as { status: string } | undefined)?.status;
}

/** Refused at verification: nothing held changes, and the log gains exactly one row with the code. */
function expectRefused(pkg: Sent, code: string, decision: string): LogRow {
  const before = holdings(s);
  const rows = log().length;
  const result = receive(pkg);
  expect(result.code).toBe(code);
  expect(result.stagingId).toBeNull();
  expect(result.diff).toBeNull();
  expect(holdings(s)).toEqual(before);
  const added = log().slice(rows);
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ decision, code });
  return added[0] as LogRow;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-replay-'));
  template = path.join(dir, 'province-template.sqlite');
  makeProvinceWorkspace(template);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('§6.2 replay rules, one stateful sequence', () => {
  const q3v12 = send({ name: 'q3-12', sequence: 12 });
  const q3v13 = send({ name: 'q3-13', sequence: 13, supersedes: q3v12.packageId, modelSites: 2 });

  beforeAll(() => {
    s = openProvinceCopy(template, path.join(dir, 'story.sqlite'));
  });
  afterAll(() => s.close());

  it('1. the first Q3 package, sequence 12, is accepted into the empty slot', () => {
    const result = receive(q3v12);
    expect(result.warnings).toEqual([]);
    expect(result.diff?.previous).toBeNull();
    const info = confirmStaged(s.workspace, staged(result), false);
    expect(info).toMatchObject({ packageId: q3v12.packageId, issuer: OFFICE, periodId: '2025-Q3', sequence: 12, status: 'accepted' });
    expect(slot()).toEqual({ package_id: q3v12.packageId, sequence: 12 });
    expect(log().at(-1)).toMatchObject({ decision: 'accepted', code: 'OK_STAGED', package_id: q3v12.packageId, sequence: 12, detail: null });
  });

  it('2. the same file again is I_ALREADY_IMPORTED: nothing changes, the log says "duplicate"', () => {
    const row = expectRefused(q3v12, 'I_ALREADY_IMPORTED', 'duplicate');
    expect(row).toMatchObject({ package_id: q3v12.packageId, issuer: OFFICE, period: '2025-Q3', sequence: 12 });
  });

  it('3. sequence 11, and a different package at sequence 12, are E_REPLAY_OR_STALE', () => {
    expectRefused(send({ name: 'q3-11', sequence: 11 }), 'E_REPLAY_OR_STALE', 'rejected');
    expectRefused(send({ name: 'q3-12-other', sequence: 12, variant: 77 }), 'E_REPLAY_OR_STALE', 'rejected');
    expect(slot()).toEqual({ package_id: q3v12.packageId, sequence: 12 });
  });

  it('4. a reused packageId with different content is E_PACKAGE_ID_REUSED', () => {
    // Same name → same packageId; another sequence and other figures → another digest.
    const reused = send({ name: 'q3-12', sequence: 20, supersedes: q3v12.packageId, variant: 5 });
    expect(reused.packageId).toBe(q3v12.packageId);
    expect(reused.built.packageDigest).not.toBe(q3v12.built.packageDigest);
    expectRefused(reused, 'E_PACKAGE_ID_REUSED', 'rejected');
  });

  it('5. 13 superseding 12 is accepted; 12 becomes superseded', () => {
    const result = receive(q3v13);
    expect(result.warnings).toEqual([]);
    expect(result.diff?.previous).toEqual({ packageId: q3v12.packageId, sequence: 12 });
    confirmStaged(s.workspace, staged(result), false);
    expect(slot()).toEqual({ package_id: q3v13.packageId, sequence: 13 });
    expect(statusOf(q3v12)).toBe('superseded');
    expect(statusOf(q3v13)).toBe('accepted');
  });

  it('6. 14 with the wrong supersedes is W_SUPERSEDES_MISMATCH: an operator cannot commit it, a supervisor can', () => {
    const q3v14 = send({ name: 'q3-14', sequence: 14, supersedes: q3v12.packageId });
    const result = receive(q3v14);
    expect(result.warnings.map((w) => w.code)).toEqual(['W_SUPERSEDES_MISMATCH']);
    expect(result.warnings[0]?.message.length).toBeGreaterThan(20);
    const id = staged(result);
    const before = holdings(s);
    const rows = log().length;
    let thrown: unknown;
    try {
      confirmStaged(s.workspace, id, false);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('SUPERVISOR_REQUIRED');
    expect((thrown as AppError).params.codes).toBe('W_SUPERSEDES_MISMATCH');
    expect(holdings(s)).toEqual(before);
    expect(log()).toHaveLength(rows);
    // Still staged: the supervisor confirms the same staging id.
    confirmStaged(s.workspace, id, true);
    expect(slot()).toEqual({ package_id: q3v14.packageId, sequence: 14 });
    expect(statusOf(q3v13)).toBe('superseded');
    expect(log().at(-1)).toMatchObject({ decision: 'accepted', package_id: q3v14.packageId, detail: 'supervisor confirmed W_SUPERSEDES_MISMATCH' });
  });

  it('7. a late Q2 package at sequence 5 is accepted into its own slot (the rule is per slot)', () => {
    const q2v5 = send({ name: 'q2-5', sequence: 5, period: '2025-Q2' });
    const result = receive(q2v5);
    expect(result.warnings).toEqual([]);
    confirmStaged(s.workspace, staged(result), false);
    expect(slot('2025-Q2')).toEqual({ package_id: q2v5.packageId, sequence: 5 });
    expect(slot()).toMatchObject({ sequence: 14 });
    expect(s.workspace.db.prepare('SELECT last_sequence FROM issuer_state WHERE issuer = ?').get(OFFICE)).toEqual({ last_sequence: 14 });
  });

  it('8. a jump of 10^6 is W_SEQUENCE_JUMP (and nothing else when supersedes is right)', () => {
    const current = slot();
    const jump = send({ name: 'q3-jump', sequence: 14 + 1_000_000, supersedes: current?.package_id ?? null });
    const result = receive(jump);
    expect(result.warnings.map((w) => w.code)).toEqual(['W_SEQUENCE_JUMP']);
    expect(() => confirmStaged(s.workspace, staged(result), false)).toThrow(/SUPERVISOR_REQUIRED/u);
    expect(slot()).toEqual(current);
    // The operator declines it with a reason instead: logged, nothing else changes.
    const before = holdings(s);
    expect(rejectStaged(s.workspace, staged(result), 'Số thứ tự bất thường, gọi điện xác minh')).toEqual({ rejected: true });
    expect(holdings(s)).toEqual(before);
    expect(log().at(-1)).toMatchObject({ decision: 'rejected_by_operator', code: null, detail: 'Số thứ tự bất thường, gọi điện xác minh', package_id: jump.packageId });
    expect(() => confirmStaged(s.workspace, staged(result), true)).toThrow(/STAGED_PACKAGE_GONE/u);
  });

  it('9. an empty slot with supersedes set is W_SUPERSEDES_UNKNOWN', () => {
    const q4 = send({ name: 'q4-15', sequence: 15, period: '2025-Q4', supersedes: q3v13.packageId });
    const result = receive(q4);
    expect(result.warnings.map((w) => w.code)).toEqual(['W_SUPERSEDES_UNKNOWN']);
    confirmStaged(s.workspace, staged(result), true);
    expect(slot('2025-Q4')).toEqual({ package_id: q4.packageId, sequence: 15 });
  });

  it('10. another office’s slot for the same period is independent', () => {
    const other = sendPackage({ district: HOAN_KIEM, period: '2025-Q3', sequence: 1, supersedes: null, name: 'hk-q3-1' });
    confirmStaged(s.workspace, staged(receive(other)), false);
    expect(slot()).toMatchObject({ sequence: 14 });
    expect(verifyImportLog(s.workspace)).toMatchObject({ isIntact: true, brokenAtId: null, rows: log().length });
  });

  it('a stale package refused at verification is logged naming the package (§6.4)', () => {
    // §6.4: the log row carries package_id … sequence; the signature was good, so all are known.
    // The same refusal found at confirmation (receive-service confirmStaged) does name them.
    const stale = send({ name: 'q3-13-again', sequence: 13, variant: 9 });
    const row = expectRefused(stale, 'E_REPLAY_OR_STALE', 'rejected');
    expect(row).toMatchObject({ package_id: stale.packageId, issuer: OFFICE, period: '2025-Q3', sequence: 13 });
  });
});

describe('§6.2 duplicates found at confirmation', () => {
  it('the same package staged twice (one batch): the second confirm changes nothing and is logged as a duplicate', () => {
    s = openProvinceCopy(template, path.join(dir, 'twice.sqlite'));
    try {
      const pkg = send({ name: 'twice', sequence: 3 });
      const [a, b] = receiveFiles(s.workspace, [{ fileName: 'a.bcpkg', bytes: pkg.file }, { fileName: 'copy of a.bcpkg', bytes: pkg.file }], null);
      confirmStaged(s.workspace, staged(a as ReceiveResult), false);
      const before = holdings(s);
      expect(() => confirmStaged(s.workspace, staged(b as ReceiveResult), false)).toThrow(/EXCHANGE_FILE_REFUSED/u);
      expect(holdings(s)).toEqual(before);
      // §6.2: "packageId seen before, same digest → I_ALREADY_IMPORTED, logged, no change".
      expect(log().at(-1)).toMatchObject({ decision: 'duplicate', code: 'I_ALREADY_IMPORTED', package_id: pkg.packageId });
    } finally {
      s.close();
    }
  });
});

describe('§6.3 conflict preview of a correction', () => {
  it('shows per-field before/after for changed records, added and removed records, and the changed totals', () => {
    s = openProvinceCopy(template, path.join(dir, 'preview.sqlite'));
    try {
      const first = send({ name: 'pv-1', sequence: 1, variant: 0, modelSites: 2 });
      confirmStaged(s.workspace, staged(receive(first)), false);
      const correction = send({ name: 'pv-2', sequence: 2, variant: 40, supersedes: first.packageId, modelSites: 1 });
      const result = receive(correction);
      const diff = result.diff;
      expect(diff?.previous).toEqual({ packageId: first.packageId, sequence: 1 });
      const communes = diff?.datasets.find((d) => d.dataset === 'commune_status');
      expect(communes).toMatchObject({ countBefore: 3, countAfter: 3 });
      expect(communes?.changes.map((c) => [c.id, c.kind])).toEqual(BA_DINH.communes.map((c) => [c, 'changed']));
      const phucXa = communes?.changes.find((c) => c.id === '00001');
      expect(phucXa?.fields).toEqual(
        expect.arrayContaining([
          { field: 'resident_population', before: 5000, after: 5040 },
          { field: 'note', before: 'Kỳ báo cáo — bản 0', after: 'Kỳ báo cáo — bản 40' },
        ]),
      );
      // commitment_signed alternates with the variant's parity; 0 and 40 agree, so it is not listed.
      expect(phucXa?.fields.map((f) => f.field)).not.toContain('commitment_signed');
      const sites = diff?.datasets.find((d) => d.dataset === 'model_sites');
      expect(sites).toMatchObject({ countBefore: 2, countAfter: 1 });
      expect(sites?.changes).toEqual([{ id: `MS-${BA_DINH.unit}-001`, kind: 'removed', fields: [] }]);
      expect(diff?.totals).toEqual([{ field: 'resident_population', before: 5000 + 5100 + 5200, after: 5040 + 5140 + 5240 }]);
      expect(diff?.duplicateAddresses).toEqual([]);
      // The preview is read-only: the slot still holds the first package.
      expect(slot()).toEqual({ package_id: first.packageId, sequence: 1 });
    } finally {
      s.close();
    }
  });

  it('a slot’s first package previews every record as added', () => {
    s = openProvinceCopy(template, path.join(dir, 'preview-first.sqlite'));
    try {
      const result = receive(send({ name: 'pf-1', sequence: 1 }));
      const communes = result.diff?.datasets.find((d) => d.dataset === 'commune_status');
      expect(communes).toMatchObject({ countBefore: 0, countAfter: 3 });
      expect(communes?.changes.every((c) => c.kind === 'added')).toBe(true);
      expect(communes?.changes[0]?.fields).toEqual(expect.arrayContaining([{ field: 'resident_population', before: null, after: 5001 }]));
    } finally {
      s.close();
    }
  });
});
