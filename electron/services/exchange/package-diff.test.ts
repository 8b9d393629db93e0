import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { insertReceivedPackage, insertRecords, moveSlot } from '../../../db/queries/consolidation';
import { openServices, type Services } from '../index';
import { buildRecord } from './datasets';
import { packageDiff } from './package-diff';

const opened: Services[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) {
    s.close();
    fs.rmSync(path.dirname(s.workspace.path), { recursive: true, force: true });
  }
});

/** Stores a package as the current one of its slot, the way confirmStaged leaves it. */
function accept(s: Services, issuer: string, packageId: string, records: { commune: string[]; hotspots: [string, string][] }): void {
  const db = s.workspace.db;
  insertReceivedPackage(db, {
    package_id: packageId, package_digest: 'd'.repeat(64), issuer, period_id: '2025-Q2', sequence: 1, key_id: 'K', status: 'accepted',
    supersedes: null, encrypted: 1, file_name: `${issuer}.bcpkg`, file_sha256: 'f'.repeat(64), manifest_json: Buffer.from('{}'), evidence: Buffer.from('x'),
    accepted_at: '2025-07-01T00:00:00Z', accepted_by: null,
  });
  insertRecords(db, packageId, 'commune_status', records.commune.map((c) => ({ id: c, json: JSON.stringify(buildRecord('commune_status', c, { resident_population: 100 })) })));
  insertRecords(db, packageId, 'hotspots', records.hotspots.map(([id, address]) => ({ id, json: JSON.stringify(buildRecord('hotspots', id, { commune_code: '00001', address })) })));
  moveSlot(db, { issuer, period_id: '2025-Q2', package_id: packageId, sequence: 1, package_digest: 'd'.repeat(64), accepted_at: '2025-07-01T00:00:00Z' });
}

it('flags a commune and a hotspot address another office already reported for the period (§6.3 cross-office anomalies)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-diff-'));
  const s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  opened.push(s);
  accept(s, 'T01-D001', '11111111-1111-4111-8111-111111111111', { commune: ['00001', '00004'], hotspots: [['h1', 'Số 5, ngõ 12 phố Phúc Xá']] });
  const diff = packageDiff(s.workspace, 'T01-X00001', '2025-Q2', {
    commune_status: [buildRecord('commune_status', '00001', { resident_population: 120 })],
    hotspots: [buildRecord('hotspots', 'h9', { commune_code: '00001', address: 'so 5,  ngo 12 PHO phuc xa' })],
  });
  expect(diff.previous).toBeNull();
  expect(diff.sharedCommunes).toEqual([{ commune: '00001', otherOffice: 'T01-D001' }]);
  expect(diff.duplicateAddresses).toEqual([{ hotspotId: 'h9', address: 'so 5,  ngo 12 PHO phuc xa', otherOffice: 'T01-D001' }]);
  // The office's own earlier package is its previous version, not an anomaly.
  const own = packageDiff(s.workspace, 'T01-D001', '2025-Q2', { commune_status: [buildRecord('commune_status', '00001', { resident_population: 130 })] });
  expect(own.sharedCommunes).toEqual([]);
  expect(own.previous).toMatchObject({ sequence: 1 });
  expect(own.datasets[0]?.changes).toEqual([
    { id: '00001', kind: 'changed', fields: [{ field: 'resident_population', before: 100, after: 130 }] },
    { id: '00004', kind: 'removed', fields: [] },
  ]);
  expect(own.totals).toContainEqual({ field: 'resident_population', before: 200, after: 130 });
});
