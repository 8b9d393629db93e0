import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSetting } from '../../../db/queries/settings';
import { openServices, type Services } from '../index';
import { setOffice } from '../office-service';
import { importUnitList } from '../units-service';
import { isInJurisdiction } from './jurisdiction';
import { officeIdentity } from './office-identity';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
let services: Services;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-identity-'));
  services = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  for (const name of ['dvhcvn-2025-03-01.json', 'dvhc-2025-07-01.csv']) await importUnitList(services.workspace, fs.readFileSync(path.join(DATA, name)), name);
});
afterAll(() => {
  services.close();
  fs.rmSync(path.dirname(services.workspace.path), { recursive: true, force: true });
});

describe('the office identity comes from the unit hierarchy (§3.10)', () => {
  it('names a province, a pre-2025 district and a post-2025 commune by their place in the hierarchy', () => {
    const ws = services.workspace;
    setOffice(ws, 'GSO_2004', 'PROVINCE', '01');
    expect(officeIdentity(ws)).toMatchObject({ officeCode: 'T01', level: 'province', parentCode: null, adminUnit: { scheme: 'GSO_2004', code: '01' } });
    setOffice(ws, 'GSO_2004', 'DISTRICT', '001');
    expect(officeIdentity(ws)).toMatchObject({ officeCode: 'T01-D001', level: 'district', parentCode: 'T01', officeName: 'Ban Chỉ đạo phòng, chống ma túy Quận Ba Đình' });
    setOffice(ws, 'NSO_2025', 'COMMUNE', '00004');
    expect(officeIdentity(ws)).toMatchObject({ officeCode: 'T01-X00004', level: 'commune', parentCode: 'T01', adminUnit: { scheme: 'NSO_2025', code: '00004' } });
  });

  it('gives training workspaces the reserved ZZ- codes (§3.8)', () => {
    const ws = services.workspace;
    setOffice(ws, 'GSO_2004', 'DISTRICT', '001');
    setSetting(ws.db, 'exchange_environment', 'training');
    expect(officeIdentity(ws)).toMatchObject({ officeCode: 'ZZ-T01-D001', parentCode: 'ZZ-T01', environment: 'training' });
    setSetting(ws.db, 'exchange_environment', 'production');
  });

  it('knows which communes lie in a jurisdiction, at any depth, within one scheme', () => {
    const ws = services.workspace;
    expect(isInJurisdiction(ws, { scheme: 'GSO_2004', code: '001' }, '00004')).toBe(true);
    expect(isInJurisdiction(ws, { scheme: 'GSO_2004', code: '01' }, '00004')).toBe(true);
    expect(isInJurisdiction(ws, { scheme: 'GSO_2004', code: '002' }, '00004')).toBe(false);
    expect(isInJurisdiction(ws, { scheme: 'GSO_2004', code: '79' }, '00004')).toBe(false);
    expect(isInJurisdiction(ws, { scheme: 'NSO_2025', code: '01' }, '00004')).toBe(true);
    expect(isInJurisdiction(ws, { scheme: 'GSO_2004', code: '001' }, '99999')).toBe(false);
  });
});
