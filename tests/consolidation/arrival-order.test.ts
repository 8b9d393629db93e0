/**
 * Arrival-order independence (exchange-format.md §7.2 item 6, issue 6's first Done-when):
 * packages from three offices for three periods — correction chains with correct
 * `supersedes`, plus forks that reuse a sequence number — arrive in random order, some
 * missing, some twice, in random batches, through receiveFiles + confirmStaged into a
 * fresh copy of a province workspace. A supervisor confirms whatever only has warnings.
 * The end state must be "the highest sequence per (office, period) among the packages
 * that arrived"; each arrival's fate must be what a one-line model of §6.2 predicts
 * (accepted, stale or duplicate — nothing else); nothing is accepted twice; the log has
 * one 'accepted' row per accepted package and its chain verifies.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/errors';
import { verifyImportLog } from '../../electron/services/exchange/consolidation-service';
import { confirmStaged, receiveFiles } from '../../electron/services/exchange/receive-service';
import type { Services } from '../../electron/services/index';
import { districtsOf, makeProvinceWorkspace, officeOf, openProvinceCopy, sendPackage, SMALL_UNITS, type Sent } from './consolidation-fixtures';

const PERIODS = ['2025-Q1', '2025-Q2', '2025-Q3'];

let dir = '';
let template = '';
let runs = 0;
/** Rows the template's own set-up logged (e.g. the trust-list import); the runs' rows come after. */
let setUpRows = 0;

/**
 * Each office numbers its packages with one counter across periods (§3.10). A slot gets
 * a chain of 1–3 versions, each superseding the one before; a slot with a chain also
 * gets a fork: another first version under the same sequence number (two laptops, a
 * restored backup). The highest sequence of every slot is unique, so "the winner" is
 * one package whatever the order.
 */
function packageSet(): Sent[] {
  const sent: Sent[] = [];
  districtsOf(SMALL_UNITS).forEach((district, o) => {
    let sequence = 10 * (o + 1);
    PERIODS.forEach((period, p) => {
      const versions = 1 + ((o + p) % 3);
      let previous: string | null = null;
      let first = 0;
      for (let v = 1; v <= versions; v += 1) {
        sequence += 1 + ((o + p + v) % 2);
        if (v === 1) first = sequence;
        const pkg = sendPackage({ district, period, sequence, supersedes: previous, name: `${district.unit}-${period}-v${v}`, variant: v });
        previous = pkg.packageId;
        sent.push(pkg);
      }
      if (versions > 1) sent.push(sendPackage({ district, period, sequence: first, supersedes: null, name: `${district.unit}-${period}-fork`, variant: 100 }));
    });
  });
  return sent;
}

const SENT = packageSet();

type Fate = 'accepted' | 'stale' | 'duplicate';
type Slot = { packageId: string; sequence: number };

function slotKey(issuer: string, period: string): string {
  return `${issuer}|${period}`;
}

/** §6.2 in a few lines: known id → duplicate; not above the slot → stale; else it takes the slot. */
function model(arrivals: readonly Sent[]): { fates: Fate[]; slots: Map<string, Slot>; accepted: Set<string> } {
  const slots = new Map<string, Slot>();
  const accepted = new Set<string>();
  const fates = arrivals.map((a): Fate => {
    const key = slotKey(officeOf(a.spec.district.unit), a.spec.period);
    const slot = slots.get(key);
    if (accepted.has(a.packageId)) return 'duplicate';
    if (slot !== undefined && a.spec.sequence <= slot.sequence) return 'stale';
    slots.set(key, { packageId: a.packageId, sequence: a.spec.sequence });
    accepted.add(a.packageId);
    return 'accepted';
  });
  return { fates, slots, accepted };
}

function logRows(s: Services): { id: number; decision: string; code: string | null; package_id: string | null }[] {
  return s.workspace.db.prepare('SELECT id, decision, code, package_id FROM import_log WHERE id > ? ORDER BY id').all(setUpRows) as {
    id: number;
    decision: string;
    code: string | null;
    package_id: string | null;
  }[];
}

/** What the staged file became on confirmation: a refusal is told apart by what the log gained. */
function confirm(s: Services, stagingId: string): Fate | string {
  const before = logRows(s).length;
  try {
    try {
      confirmStaged(s.workspace, stagingId, false);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'SUPERVISOR_REQUIRED') throw error;
      confirmStaged(s.workspace, stagingId, true);
    }
    return 'accepted';
  } catch (error) {
    if (!isAppError(error) || error.code !== 'EXCHANGE_FILE_REFUSED') throw error;
    const added = logRows(s).slice(before);
    if (added.some((r) => r.decision === 'rejected' && r.code === 'E_REPLAY_OR_STALE')) return 'stale';
    // A duplicate found at confirmation is logged as 'duplicate' (§6.2).
    if (added.every((r) => r.decision === 'duplicate')) return 'duplicate';
    return `refused:${added.map((r) => r.code).join(',')}`;
  }
}

/** Imports the arrivals batch by batch (one receiveFiles call per batch, then each staged file confirmed in order). */
function importAll(s: Services, arrivals: readonly Sent[], batchSizes: readonly number[]): (Fate | string)[] {
  const fates: (Fate | string)[] = [];
  let at = 0;
  let b = 0;
  while (at < arrivals.length) {
    const size = Math.max(1, batchSizes[b % Math.max(1, batchSizes.length)] ?? 1);
    b += 1;
    const batch = arrivals.slice(at, at + size);
    at += batch.length;
    const results = receiveFiles(
      s.workspace,
      batch.map((a, i) => ({ fileName: `${a.spec.name}#${at + i}.bcpkg`, bytes: a.file })),
      null,
    );
    for (const r of results) {
      if (r.stagingId !== null) fates.push(confirm(s, r.stagingId));
      else if (r.code === 'I_ALREADY_IMPORTED') fates.push('duplicate');
      else if (r.code === 'E_REPLAY_OR_STALE') fates.push('stale');
      else fates.push(`refused:${r.code}`);
    }
  }
  return fates;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-arrival-'));
  template = path.join(dir, 'province-template.sqlite');
  makeProvinceWorkspace(template);
  const s = openProvinceCopy(template, path.join(dir, 'count.sqlite'));
  setUpRows = verifyImportLog(s.workspace).rows;
  s.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('arrival-order independence (§7.2 item 6)', () => {
  it('the package set covers 3 offices × 3 periods, corrections, forks, and a unique winner per slot', () => {
    const slots = new Map<string, number[]>();
    for (const s of SENT) {
      const key = slotKey(officeOf(s.spec.district.unit), s.spec.period);
      slots.set(key, [...(slots.get(key) ?? []), s.spec.sequence]);
    }
    expect(slots.size).toBe(9);
    expect(SENT.filter((s) => s.spec.supersedes !== null).length).toBeGreaterThanOrEqual(5);
    expect(SENT.filter((s) => s.spec.name.endsWith('-fork')).length).toBeGreaterThanOrEqual(3);
    for (const sequences of slots.values()) {
      const max = Math.max(...sequences);
      expect(sequences.filter((n) => n === max)).toHaveLength(1);
    }
    expect(new Set(SENT.map((s) => s.packageId)).size).toBe(SENT.length);
  });

  it('any order, with duplicates and missing files, ends with the highest sequence per slot; only stale and duplicate arrivals are refused', () => {
    const indexes = SENT.map((_, i) => i);
    const arrivalOrder = fc
      .tuple(
        fc.shuffledSubarray(indexes, { minLength: Math.ceil(SENT.length / 2) }),
        fc.array(fc.tuple(fc.nat(SENT.length - 1), fc.nat()), { maxLength: SENT.length }),
      )
      .map(([order, extra]) => {
        const out = [...order];
        // A duplicate is a copy of something that arrives (again, possibly before the first copy).
        for (const [pick, where] of extra) out.splice(where % (out.length + 1), 0, order[pick % order.length] ?? 0);
        return out;
      });
    fc.assert(
      fc.property(arrivalOrder, fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }), (order, batchSizes) => {
        runs += 1;
        const arrivals = order.map((i) => SENT[i] as Sent);
        const expected = model(arrivals);
        const s = openProvinceCopy(template, path.join(dir, `run-${runs}.sqlite`));
        try {
          const fates = importAll(s, arrivals, batchSizes);
          expect(fates).toEqual(expected.fates);

          const slots = s.workspace.db.prepare('SELECT issuer, period_id, package_id, sequence FROM slots').all() as {
            issuer: string;
            period_id: string;
            package_id: string;
            sequence: number;
          }[];
          const best = new Map<string, Slot>();
          for (const a of arrivals) {
            const key = slotKey(officeOf(a.spec.district.unit), a.spec.period);
            if ((best.get(key)?.sequence ?? 0) < a.spec.sequence) best.set(key, { packageId: a.packageId, sequence: a.spec.sequence });
          }
          expect(new Map(slots.map((r) => [slotKey(r.issuer, r.period_id), { packageId: r.package_id, sequence: r.sequence }]))).toEqual(best);

          const received = s.workspace.db.prepare('SELECT package_id, status FROM received_packages').all() as { package_id: string; status: string }[];
          const ids = received.map((r) => r.package_id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(new Set(ids)).toEqual(expected.accepted);
          const current = new Set([...best.values()].map((b) => b.packageId));
          for (const r of received) expect(r.status).toBe(current.has(r.package_id) ? 'accepted' : 'superseded');

          const log = logRows(s);
          const acceptedRows = log.filter((r) => r.decision === 'accepted').map((r) => r.package_id ?? '');
          expect(acceptedRows.sort()).toEqual([...expected.accepted].sort());
          expect(log.every((r) => ['accepted', 'rejected', 'duplicate'].includes(r.decision))).toBe(true);
          expect(log.filter((r) => r.decision === 'rejected').every((r) => r.code === 'E_REPLAY_OR_STALE')).toBe(true);
          expect(log.filter((r) => r.decision === 'duplicate').every((r) => r.code === 'I_ALREADY_IMPORTED')).toBe(true);
          expect(log.filter((r) => r.decision === 'rejected')).toHaveLength(expected.fates.filter((f) => f === 'stale').length);

          const marks = s.workspace.db.prepare('SELECT issuer, last_sequence FROM issuer_state').all() as { issuer: string; last_sequence: number }[];
          for (const m of marks) expect(m.last_sequence).toBe(Math.max(...[...best.entries()].filter(([k]) => k.startsWith(`${m.issuer}|`)).map(([, v]) => v.sequence)));

          expect(verifyImportLog(s.workspace)).toMatchObject({ isIntact: true, brokenAtId: null, rows: setUpRows + log.length });
        } finally {
          s.close();
          fs.rmSync(path.join(dir, `run-${runs}.sqlite`), { force: true });
        }
      }),
      { numRuns: 60 },
    );
    expect(runs).toBeGreaterThanOrEqual(60);
    // ~5 s on an idle machine; the margin is for a machine busy with other suites.
  }, 60_000);
});
