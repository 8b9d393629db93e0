/**
 * The report's settings in the workspace's settings table: the header, recipients and
 * signer once per office (`report:office`), the number, date and "tình hình" paragraph
 * per period (`report:period:<id>`). Until the office saves its own, defaults are taken
 * from the office's unit so a first report already has a complete layout.
 */
import { getSetting, setSetting } from '../../../db/queries/settings';
import type { Office } from '../../../shared/api/contract';
import { SIGNER_AUTHORITIES, type ReportOfficeSettings, type ReportPeriodSettings, type ReportSettings } from '../../../shared/api/report-types';
import { placeOf } from '../../../shared/domain/report/report-text';
import { normalizeName } from '../../../shared/domain/text';
import { localToday, type Workspace } from '../workspace';

const OFFICE_KEY = 'report:office';
const periodKey = (periodId: string): string => `report:period:${periodId}`;

export function defaultOfficeSettings(office: Pick<Office, 'name' | 'parents'>): ReportOfficeSettings {
  const province = office.parents[office.parents.length - 1] ?? '';
  const upper = office.name.toLocaleUpperCase('vi');
  return {
    superiorBody: `ỦY BAN NHÂN DÂN ${upper}`,
    issuer: 'BAN CHỈ ĐẠO PHÒNG, CHỐNG MA TÚY',
    symbol: 'BC-BCĐ',
    place: placeOf(office.name),
    recipients: province === '' ? ['Thường trực Ban Chỉ đạo (b/c);'] : [`Ban Chỉ đạo phòng, chống ma túy ${province} (b/c);`, `Công an ${province} (b/c);`, 'Thành viên Ban Chỉ đạo;'],
    archive: 'BCĐ',
    signerAuthority: 'KT.',
    signerOnBehalfOf: 'TRƯỞNG BAN',
    signerTitle: 'PHÓ TRƯỞNG BAN',
    signerName: '',
  };
}

function defaultPeriodSettings(): ReportPeriodSettings {
  return { number: '', date: localToday(), situation: '' };
}

/** A stored JSON object, or an empty one when missing or unreadable (the defaults then stand). */
function readObject(ws: Workspace, key: string): Record<string, unknown> {
  const text = getSetting(ws.db, key);
  if (text === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Only the keys of the defaults, each of the default's type, are taken from storage. */
function merged<T extends Record<string, unknown>>(defaults: T, stored: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(defaults)) {
    const s = stored[key];
    if (Array.isArray(value) ? Array.isArray(s) && s.every((x) => typeof x === 'string') : typeof s === typeof value) out[key] = s;
  }
  if (!(SIGNER_AUTHORITIES as readonly unknown[]).includes(out['signerAuthority'] ?? '')) out['signerAuthority'] = defaults['signerAuthority'];
  return out as T;
}

export function readReportSettings(ws: Workspace, office: Pick<Office, 'name' | 'parents'>, periodId: string): ReportSettings {
  return {
    ...merged(defaultOfficeSettings(office), readObject(ws, OFFICE_KEY)),
    ...merged(defaultPeriodSettings(), readObject(ws, periodKey(periodId))),
  };
}

const clean = (s: string): string => normalizeName(s);

/** Stores both parts in one transaction; texts are NFC-normalised and trimmed, the paragraph keeps its line breaks. */
export function saveReportSettings(ws: Workspace, periodId: string, settings: ReportSettings): void {
  const office: ReportOfficeSettings = {
    superiorBody: clean(settings.superiorBody),
    issuer: clean(settings.issuer),
    symbol: clean(settings.symbol),
    place: clean(settings.place),
    recipients: settings.recipients.map(clean).filter((r) => r !== ''),
    archive: clean(settings.archive),
    signerAuthority: settings.signerAuthority,
    signerOnBehalfOf: clean(settings.signerOnBehalfOf),
    signerTitle: clean(settings.signerTitle),
    signerName: clean(settings.signerName),
  };
  const period: ReportPeriodSettings = { number: clean(settings.number), date: settings.date, situation: settings.situation.normalize('NFC').trim() };
  ws.db.transaction(() => {
    setSetting(ws.db, OFFICE_KEY, JSON.stringify(office));
    setSetting(ws.db, periodKey(periodId), JSON.stringify(period));
  })();
}
