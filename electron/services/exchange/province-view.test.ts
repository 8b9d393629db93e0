/**
 * The province view on real workspaces: two districts send, the province receives
 * them; a third district is enrolled and sends nothing. The consolidated rows name
 * their office and package, the "not reported" list names the silent district, and
 * the province's indicators count the communes of both senders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExchangeIdentity } from '../../../db/queries/exchange';
import { dispatch } from '../../../shared/api/dispatch';
import type { ConsolidatedView, NotReportedOffice, ReceivedPackageInfo } from '../../../shared/api/exchange-types';
import type { IndicatorResult, IndicatorsReport } from '../../../shared/api/indicator-types';
import { unitsTemplate } from '../../../tests/exchange/exchange-fixtures';
import { addRow, sendToProvince, setCommunes, setUpProvince, VIEW_PERIOD as P, type ProvinceWorld } from '../../../tests/exchange/province-fixtures';
import { listCommuneRows } from '../commune-status-service';
import type { Services } from '../index';
import { listIndicators } from '../indicator-service';

let dir = '';
let world: ProvinceWorld;
const received: ReceivedPackageInfo[] = [];

async function call<T>(s: Services, method: string, input: unknown): Promise<T> {
  const result = await dispatch(s.handlers, method, input, { language: s.language, onInternalError: (_m, e) => { throw e; } });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

function codeOf(s: Services): string {
  const code = getExchangeIdentity(s.workspace.db)?.office_code;
  if (code === undefined) throw new Error('no identity');
  return code;
}

function indicator(report: IndicatorsReport, code: string): IndicatorResult {
  const row = report.indicators.find((i) => i.code === code);
  if (row === undefined) throw new Error(`no ${code}`);
  return row;
}

function district(i: number): Services {
  const s = world.districts[i];
  if (s === undefined) throw new Error(`no district ${i}`);
  return s;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-province-view-'));
  world = setUpProvince(unitsTemplate(dir), dir, 'view', ['001', '002', '003']);
  const [baDinh, hoanKiem] = [district(0), district(1)];
  setCommunes(baDinh, P, {
    '00001': { resident_population: 12000, addicts_with_records: 5, plants_destroyed_area_m2: 12.5, note: 'Phúc Xá' },
    '00004': { resident_population: 8500, addicts_with_records: 2 },
  });
  addRow(baDinh, P, 'hotspots', { commune_code: '00006', category: 'DIEM', persons_involved: 2, discovered_date: '2025-05-01', status: 'DANG_HOAT_DONG', address: 'Ngõ 12, tổ 3' });
  addRow(baDinh, P, 'modelSites', { name: 'Khu dân cư không ma túy', host_unit_code: '00004' });
  setCommunes(hoanKiem, P, {
    '00037': { resident_population: 9000, addicts_with_records: 7 },
    '00040': { resident_population: 7000, addicts_with_records: 1 },
    '00043': { resident_population: 6500 },
  });
  received.push(sendToProvince(baDinh, world.province, P).received, sendToProvince(hoanKiem, world.province, P, false).received);
});

afterAll(() => {
  world.province.close();
  for (const d of world.districts) d.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('consolidated.list', () => {
  it('returns both offices’ rows, each with its source office and package', async () => {
    const view = await call<ConsolidatedView>(world.province, 'consolidated.list', { periodId: P });
    const [one, two] = received;
    expect(view.periodId).toBe(P);
    // Each district sends every one of its communes (rule V16); the rows the test typed come first in code order.
    const sent = [district(0), district(1)].reduce((n, d) => n + listCommuneRows(d.workspace, P).length, 0);
    expect(view.communes).toHaveLength(sent);
    const typed = new Set(['00001', '00004', '00037', '00040', '00043']);
    expect(view.communes.filter((r) => typed.has(r.id)).map((r) => [r.id, r.issuer, r.packageId, r.sequence])).toEqual([
      ['00001', codeOf(district(0)), one?.packageId, one?.sequence],
      ['00004', codeOf(district(0)), one?.packageId, one?.sequence],
      ['00037', codeOf(district(1)), two?.packageId, two?.sequence],
      ['00040', codeOf(district(1)), two?.packageId, two?.sequence],
      ['00043', codeOf(district(1)), two?.packageId, two?.sequence],
    ]);
    const phucXa = view.communes[0];
    expect(phucXa?.issuerName).not.toBe(phucXa?.issuer);
    expect(phucXa?.unitName).toBe('Phường Phúc Xá');
    // Fixed-point strings in the package come back as numbers.
    expect(phucXa?.record.plants_destroyed_area_m2).toBe(12.5);
    expect(phucXa?.record.resident_population).toBe(12000);
    expect(phucXa?.record.note).toBe('Phúc Xá');
    expect(view.hotspots).toHaveLength(1);
    expect(view.hotspots[0]).toMatchObject({ issuer: codeOf(district(0)), unitName: 'Phường Vĩnh Phúc', flags: { isNew: true, isActiveAtEnd: true } });
    expect(view.hotspots[0]?.record.address).toBe('Ngõ 12, tổ 3');
    expect(view.modelSites.map((m) => [m.issuer, m.record.name, m.unitName])).toEqual([[codeOf(district(0)), 'Khu dân cư không ma túy', 'Phường Trúc Bạch']]);
  });

  it('is empty for a period nobody sent', async () => {
    const view = await call<ConsolidatedView>(world.province, 'consolidated.list', { periodId: '2025-Q1' });
    expect([view.communes, view.hotspots, view.modelSites]).toEqual([[], [], []]);
  });
});

describe('consolidated.notReported', () => {
  it('names the enrolled district that did not send, with no earlier report', async () => {
    const missing = await call<NotReportedOffice[]>(world.province, 'consolidated.notReported', { periodId: P });
    expect(missing).toEqual([{ officeCode: codeOf(district(2)), officeName: expect.any(String), level: 'district', lastReported: null }]);
  });

  it('for another period lists every district, with the last period each did report', async () => {
    const missing = await call<NotReportedOffice[]>(world.province, 'consolidated.notReported', { periodId: '2025-Q1' });
    expect(missing.map((o) => o.officeCode)).toEqual([codeOf(district(0)), codeOf(district(1)), codeOf(district(2))]);
    expect(missing[0]?.lastReported).toEqual({ periodId: P, sequence: received[0]?.sequence, acceptedAt: received[0]?.acceptedAt });
    expect(missing[2]?.lastReported).toBeNull();
  });
});

describe('consolidated.indicators', () => {
  it('counts the communes and figures of both reporting districts', async () => {
    const report = await call<IndicatorsReport>(world.province, 'consolidated.indicators', { periodId: P, setId: '2026_2030_CTMTQG' });
    const own = [district(0), district(1)].map((d) => indicator(listIndicators(d.workspace, P, '2026_2030_CTMTQG'), 'DRUG_FREE_COMMUNES_PCT'));
    const total = indicator(report, 'DRUG_FREE_COMMUNES_PCT');
    // The share divides by every commune of the province; the communes the districts reported are shown beside it.
    const units = await call<{ level: string }[]>(world.province, 'units.underOffice', {});
    const communes = units.filter((u) => u.level === 'COMMUNE').length;
    const reported = (i: IndicatorResult | undefined) => i?.notes.find((n) => n.kind === 'REPORTED');
    const ownReported = own.map((i) => { const n = reported(i); return n?.kind === 'REPORTED' ? n.reported : 0; });
    expect(total.current.denominator).toBe(communes);
    expect(reported(total)).toEqual({ kind: 'REPORTED', reported: (ownReported[0] ?? 0) + (ownReported[1] ?? 0), total: communes });
    expect(ownReported[0]).toBeGreaterThan(0);
    expect(ownReported[1]).toBeGreaterThan(0);
    const growth = indicator(await call<IndicatorsReport>(world.province, 'consolidated.indicators', { periodId: P, setId: '2021_2025_QD1452' }), 'ADDICTS_GROWTH');
    expect(growth.current.numerator).toBe(5 + 2 + 7 + 1);
  });

  it('the province’s own indicators.list does not see received data', async () => {
    const own = await call<IndicatorsReport>(world.province, 'indicators.list', { periodId: P, setId: '2021_2025_QD1452' });
    expect(indicator(own, 'ADDICTS_GROWTH').current.numerator).toBeNull();
  });
});
