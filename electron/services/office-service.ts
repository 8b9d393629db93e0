/** The office's own unit: which part of the hierarchy this workspace reports for. */
import { getUnit, listAncestors, type DbAdminUnit } from '../../db/queries/admin-units';
import { getOffice as readOffice, setOffice as writeOffice } from '../../db/queries/office';
import { countCommunesUnder, type UnitKey } from '../../db/queries/commune-statuses';
import type { Office } from '../../shared/api/contract';
import type { SchemeCode, UnitLevel } from '../../shared/domain/admin-units';
import { AppError } from '../../shared/errors';
import { nowIso, type Workspace } from './workspace';

function toOffice(ws: Workspace, unit: DbAdminUnit): Office {
  return {
    scheme: unit.scheme as SchemeCode,
    level: unit.level as UnitLevel,
    code: unit.code,
    name: unit.name,
    parents: listAncestors(ws.db, unit).map((a) => a.name),
    communeCount: countCommunesUnder(ws.db, unit),
  };
}

export function getOffice(ws: Workspace): Office | null {
  const office = readOffice(ws.db);
  if (!office) return null;
  const unit = getUnit(ws.db, office.scheme, office.level, office.code);
  return unit ? toOffice(ws, unit) : null;
}

/** The office with names and counts, for operations that cannot run before set-up. */
export function requireOfficeDetails(ws: Workspace): Office {
  const office = getOffice(ws);
  if (!office) throw new AppError('OFFICE_NOT_SET');
  return office;
}

/** The office's unit key, for operations that cannot run before set-up (cheap: no joins). */
export function requireOffice(ws: Workspace): UnitKey & { scheme: SchemeCode } {
  const office = readOffice(ws.db);
  if (!office) throw new AppError('OFFICE_NOT_SET');
  return { scheme: office.scheme as SchemeCode, level: office.level, code: office.code };
}

/** Chooses the office's unit: any unit with communes under it, or a commune itself. */
export function setOffice(ws: Workspace, scheme: SchemeCode, level: UnitLevel, code: string): Office {
  const unit = getUnit(ws.db, scheme, level, code);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { code, scheme });
  const office = toOffice(ws, unit);
  if (office.communeCount === 0) throw new AppError('OFFICE_LEVEL_NOT_ALLOWED', { name: unit.name });
  writeOffice(ws.db, { scheme, level, code, updated_at: nowIso() });
  return office;
}
