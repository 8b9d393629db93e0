/**
 * The office's identity in exchanges: its office code, name, level and the office
 * above it, derived from the office's administrative unit — never hard-coded, because
 * the 2025 reform changed the hierarchy (§3.10). Codes follow the format's examples:
 * province T01, district T01-D001, commune T01-X00004; training offices take the
 * reserved ZZ- prefix (§3.8).
 */
import { getUnit, listAncestors, type DbAdminUnit } from '../../../db/queries/admin-units';
import { getOffice } from '../../../db/queries/office';
import { getSetting } from '../../../db/queries/settings';
import type { ExchangeEnvironment, OfficeLevel } from '../../../shared/api/exchange-types';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../workspace';

export type OfficeIdentity = {
  officeCode: string;
  officeName: string;
  level: OfficeLevel;
  parentCode: string | null;
  adminUnit: { scheme: string; code: string };
  environment: ExchangeEnvironment;
};

const LEVEL: Record<string, OfficeLevel> = { PROVINCE: 'province', DISTRICT: 'district', COMMUNE: 'commune' };
const LETTER: Record<string, string> = { DISTRICT: 'D', COMMUNE: 'X' };

export function workspaceEnvironment(ws: Workspace): ExchangeEnvironment {
  return getSetting(ws.db, 'exchange_environment') === 'training' ? 'training' : 'production';
}

function codeOf(unit: DbAdminUnit, province: DbAdminUnit, prefix: string): string {
  if (unit.level === 'PROVINCE') return `${prefix}T${unit.code}`;
  return `${prefix}T${province.code}-${LETTER[unit.level] ?? 'U'}${unit.code}`;
}

export function officeIdentity(ws: Workspace): OfficeIdentity {
  const office = getOffice(ws.db);
  const unit = office === undefined ? undefined : getUnit(ws.db, office.scheme, office.level, office.code);
  if (unit === undefined) throw new AppError('EXCHANGE_OFFICE_CODE');
  const environment = workspaceEnvironment(ws);
  const prefix = environment === 'training' ? 'ZZ-' : '';
  const ancestors = listAncestors(ws.db, unit);
  const province = unit.level === 'PROVINCE' ? unit : (ancestors.find((a) => a.level === 'PROVINCE') ?? unit);
  const parent = ancestors[0];
  return {
    officeCode: codeOf(unit, province, prefix),
    officeName: `Ban Chỉ đạo phòng, chống ma túy ${unit.name}`,
    level: LEVEL[unit.level] ?? 'commune',
    parentCode: parent === undefined ? null : codeOf(parent, province, prefix),
    adminUnit: { scheme: unit.scheme, code: unit.code },
    environment,
  };
}
