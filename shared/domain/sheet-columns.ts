/**
 * The columns of the three registers' sheets as the grid shows them by default: key
 * (the grid's column id), Vietnamese and English header, and what the column holds.
 * The Excel export writes these headers and the importer matches them, so a sheet
 * exported and imported again maps every column with no mapping step; a renderer test
 * checks that the grid's own headers are these labels, in this order.
 */
import type { SheetName } from '../api/register-types';
import { COMMUNE_STATUS_FIELDS } from './commune-status';
import type { FieldDef, FieldKind, Labels } from './fields';
import { HOTSPOT_FIELDS } from './hotspot';
import { MODEL_SITE_FIELDS } from './model-site';

/**
 * field: a stored field (typed, pasted, imported); key: identifies the row but is not
 * edited (a commune's code and name); computed: derived by the services, export only.
 */
export type SheetColumnRole = 'field' | 'key' | 'computed';

export type SheetColumn = {
  key: string;
  labels: Labels;
  role: SheetColumnRole;
  /** How values are written and read; computed texts are text, computed counts int. */
  kind: FieldKind;
  /** The stored field's definition, for role 'field'. */
  def: FieldDef | null;
  /** Codes are written as text, so "00123" keeps its zeros. */
  isCode: boolean;
  /** Pinned on the left in the grid; frozen in the export. */
  isPinned: boolean;
};

const TEXT: FieldKind = { type: 'text', maxLength: 500 };
const COUNT: FieldKind = { type: 'int' };

const extra = (key: string, vi: string, en: string, role: SheetColumnRole, kind: FieldKind = TEXT, isCode = false, isPinned = false): SheetColumn => ({
  key,
  labels: { vi, en },
  role,
  kind,
  def: null,
  isCode,
  isPinned,
});

const field = (def: FieldDef, isPinned = false, isCode = false): SheetColumn => ({
  key: def.key,
  labels: def.labels,
  role: 'field',
  kind: def.kind,
  def,
  isCode,
  isPinned,
});

// The communes grid groups its columns (commune-columns.ts); the same grouping, flattened.
const STATUS_KEYS = new Set(['declared_class', 'key_route', 'commitment_signed']);
const APPROVAL_KEYS = new Set(['drug_free_certificate_no', 'drug_free_certificate_date', 'approval_status', 'approval_decision_no', 'approval_date', 'approved_by', 'override_reason']);
const FIRST_STATISTIC = COMMUNE_STATUS_FIELDS.findIndex((f) => f.key === 'addicts_records_male');

function communeColumns(): SheetColumn[] {
  const status: SheetColumn[] = [];
  const counts: SheetColumn[] = [];
  const statistics: SheetColumn[] = [];
  const approval: SheetColumn[] = [];
  const last: SheetColumn[] = [];
  COMMUNE_STATUS_FIELDS.forEach((def: FieldDef, index) => {
    if (def.key === 'declared_class') {
      status.push(extra('computed_class', 'Phân loại tính được', 'Computed class', 'computed'), extra('criteria', 'Tiêu chí', 'Criteria', 'computed'));
    }
    const column = field(def);
    if (def.key === 'note') last.push(column);
    else if (STATUS_KEYS.has(def.key)) status.push(column);
    else if (APPROVAL_KEYS.has(def.key)) approval.push(column);
    else (index >= FIRST_STATISTIC ? statistics : counts).push(column);
  });
  return [
    extra('code', 'Mã', 'Code', 'key', TEXT, true, true),
    extra('name', 'Tên xã/phường', 'Commune', 'key', TEXT, false, true),
    extra('type', 'Loại', 'Type', 'computed'),
    extra('parent', 'Trực thuộc', 'Under', 'computed'),
    ...status,
    ...counts,
    extra('activeHotspots', 'Điểm đang hoạt động', 'Active hotspots', 'computed', COUNT),
    extra('activeModelSites', 'Mô hình đang hoạt động', 'Active model sites', 'computed', COUNT),
    ...statistics,
    ...approval,
    ...last,
  ];
}

function hotspotColumns(): SheetColumn[] {
  return [
    ...HOTSPOT_FIELDS.map((def: FieldDef) => field(def, def.key === 'local_code' || def.key === 'commune_code', def.key === 'local_code')),
    extra('isActiveAtStart', 'Hoạt động đầu kỳ', 'Active at start', 'computed'),
    extra('isNew', 'Mới trong kỳ', 'New in period', 'computed'),
    extra('isEliminated', 'Triệt xóa trong kỳ', 'Eliminated in period', 'computed'),
    extra('isActiveAtEnd', 'Hoạt động cuối kỳ', 'Active at end', 'computed'),
  ];
}

function modelSiteColumns(): SheetColumn[] {
  return MODEL_SITE_FIELDS.map((def: FieldDef) => field(def, def.key === 'name'));
}

const COLUMNS: Record<SheetName, readonly SheetColumn[]> = {
  communeStatuses: communeColumns(),
  hotspots: hotspotColumns(),
  modelSites: modelSiteColumns(),
};

/** Every column of a sheet, in the grid's default order. */
export function sheetColumns(sheet: SheetName): readonly SheetColumn[] {
  return COLUMNS[sheet];
}

/**
 * The columns a user fills in by hand (what a template has): stored, editable fields and
 * row keys. A reference to another hotspot is left out: it names a code only the
 * register knows, so it is set in the sheet, not typed into a blank form.
 */
export function templateColumns(sheet: SheetName): SheetColumn[] {
  return COLUMNS[sheet].filter(
    (c) => c.role === 'key' || (c.role === 'field' && c.def?.isReadOnly !== true && !(c.kind.type === 'ref' && c.kind.target === 'hotspot')),
  );
}

/** The sheets' names as the app's tabs say them, for titles and file names. */
export const SHEET_TITLES: Record<SheetName, Labels> = {
  communeStatuses: { vi: 'Xã/phường', en: 'Communes' },
  hotspots: { vi: 'Điểm, tụ điểm', en: 'Hotspots' },
  modelSites: { vi: 'Mô hình', en: 'Model sites' },
};
