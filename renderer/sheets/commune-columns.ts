/**
 * The Communes sheet's columns, in groups (status, management counts, statistics of
 * domain.md §7.6, certification and approval, computed). The stored columns are
 * generated from COMMUNE_STATUS_FIELDS, so a field added in shared/ appears here with
 * the right editor, parsing and group without touching this file.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import type { CommuneRow } from '../../shared/api/contract';
import { UNIT_TYPE_LABELS } from '../../shared/domain/admin-units';
import { classifyCommune, type Classification } from '../../shared/domain/classification';
import { explainClassification } from '../../shared/domain/classification-explain';
import { figuresOf } from '../../shared/domain/rules';
import type { CommuneClassification } from '../../shared/api/contract';
import { criteriaText } from '../../shared/domain/classification-text';
import { COMMUNE_CLASS_LABELS, COMMUNE_STATUS_FIELDS, isCommuneStatusField, type CommuneStatusValues } from '../../shared/domain/commune-status';
import type { FieldDef } from '../../shared/domain/fields';
import type { Language } from '../../shared/i18n/format';
import { vietnameseNumber, type CellValue } from '../grid/cell-values';
import type { RowAccess } from '../grid/edit-queue';
import { compareVietnamese, fieldColumn, markRules, problemTooltip, type ColumnTexts, type SheetCellState } from '../grid/field-column';
import { problemsIn } from '../grid/problem-marks';

export type CommuneColDef = ColDef<CommuneRow, CellValue>;
type Column = CommuneColDef | ColGroupDef<CommuneRow>;

export type CommuneTexts = ColumnTexts & {
  code: string;
  name: string;
  type: string;
  parent: string;
  groups: Record<Group, string>;
  activeHotspots: string;
  activeModelSites: string;
  computedClass: string;
  criteria: string;
};

type Group = 'status' | 'counts' | 'statistics' | 'approval' | 'computed';

export const communeAccess: RowAccess<CommuneRow> = {
  sheet: 'communeStatuses',
  idOf: (row) => row.code,
  valueOf: (row, field) => (isCommuneStatusField(field) ? row.status[field] : null),
  withValues: (row, values) => ({ ...row, status: { ...row.status, ...values } as CommuneStatusValues }),
  rowsOf: (result) => result.communeRows,
  isRemoved: () => false,
};

export const COMMUNE_FIELDS: ReadonlyMap<string, FieldDef> = new Map(COMMUNE_STATUS_FIELDS.map((def) => [def.key, def]));

// The status stays next to the counts typed with it; the wide text columns go to the end.
const STATUS_KEYS = new Set(['declared_class', 'key_route', 'commitment_signed']);
const APPROVAL_KEYS = new Set(['drug_free_certificate_no', 'drug_free_certificate_date', 'approval_status', 'approval_decision_no', 'approval_date', 'approved_by', 'override_reason']);
// The §7.6 statistics are listed together in commune-status.ts, from this field on.
const FIRST_STATISTIC = COMMUNE_STATUS_FIELDS.findIndex((f) => f.key === 'addicts_records_male');

function groupOf(def: FieldDef, index: number): Group | null {
  if (def.key === 'note') return null;
  if (STATUS_KEYS.has(def.key)) return 'status';
  if (APPROVAL_KEYS.has(def.key)) return 'approval';
  return index >= FIRST_STATISTIC ? 'statistics' : 'counts';
}

function readOnlyColumns(language: Language, texts: CommuneTexts, state: SheetCellState): CommuneColDef[] {
  const rules = markRules(communeAccess, state, null);
  return [
    {
      colId: 'code',
      headerName: texts.code,
      valueGetter: (p) => p.data?.code ?? null,
      // Whole-row problems are marked on the first column.
      tooltipValueGetter: problemTooltip(communeAccess, null),
      pinned: 'left',
      width: 84,
      editable: false,
      cellClass: 'cell-readonly cell-code',
      cellClassRules: rules,
    },
    {
      colId: 'name',
      headerName: texts.name,
      valueGetter: (p) => p.data?.name ?? null,
      comparator: (a, b) => compareVietnamese(String(a ?? ''), String(b ?? '')),
      pinned: 'left',
      width: 190,
      editable: false,
      cellClass: 'cell-readonly cell-name',
      cellClassRules: rules,
    },
    {
      colId: 'type',
      headerName: texts.type,
      valueGetter: (p) => (p.data ? (UNIT_TYPE_LABELS[p.data.unitType]?.[language] ?? p.data.unitType) : null),
      width: 96,
      editable: false,
      cellClass: 'cell-readonly',
      cellClassRules: rules,
    },
    { colId: 'parent', headerName: texts.parent, valueGetter: (p) => p.data?.parentName ?? null, width: 150, editable: false, cellClass: 'cell-readonly', cellClassRules: rules },
  ];
}

function computedColumn(colId: 'activeHotspots' | 'activeModelSites', headerName: string, state: SheetCellState): CommuneColDef {
  return {
    colId,
    headerName,
    headerTooltip: headerName,
    valueGetter: (p) => (p.data ? p.data[colId] : null),
    valueFormatter: (p) => (typeof p.value === 'number' ? vietnameseNumber(p.value, 0) : ''),
    width: 118,
    editable: false,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    cellClass: 'cell-readonly',
    cellClassRules: markRules(communeAccess, state, null),
  };
}

// Shared with the Excel export, which writes the same text.
export { criteriaText };

/**
 * The classification of a row's figures, for its explanation: the reading the services
 * used is the one that gives their computed class. Blank cells stay blank (missing is not zero).
 */
export function rowClassification(row: CommuneRow, computed: string | null): Classification {
  const figures = figuresOf(row.status);
  const cumulative = classifyCommune(figures, 'cumulative');
  return computed === null || cumulative.computed_class === computed ? cumulative : classifyCommune(figures, 'literal');
}

const REFERENCE = { vi: ' (tham khảo)', en: ' (for reference)' } as const;

/**
 * The computed class as shown; before QĐ 28/2025 (periods ending before 24/8/2025) it is
 * for reference only: the class the office declared stands.
 */
function classLabel(computed: CommuneClassification, language: Language): string {
  return `${COMMUNE_CLASS_LABELS[computed.computed_class][language]}${computed.is_reference ? REFERENCE[language] : ''}`;
}

/** "Phân loại tính được" and "Tiêu chí": what the services computed, explained in the tooltip. */
function classificationColumns(language: Language, texts: CommuneTexts, state: SheetCellState): CommuneColDef[] {
  const rules = markRules(communeAccess, state, null);
  const explain = (row: CommuneRow | undefined, context: unknown): string | undefined => {
    if (!row) return undefined;
    const computed = problemsIn(context).classificationOf(row.code);
    return computed === null ? undefined : explainClassification(rowClassification(row, computed.computed_class), language).join('\n');
  };
  return [
    {
      colId: 'computed_class',
      headerName: texts.computedClass,
      headerTooltip: texts.computedClass,
      valueGetter: (p) => {
        const computed = p.data ? problemsIn(p.context).classificationOf(p.data.code) : null;
        return computed === null ? null : classLabel(computed, language);
      },
      tooltipValueGetter: (p) => explain(p.data, p.context),
      width: 170,
      editable: false,
      cellClass: 'cell-readonly cell-computed-class',
      cellClassRules: rules,
    },
    {
      colId: 'criteria',
      headerName: texts.criteria,
      headerTooltip: texts.criteria,
      valueGetter: (p) => {
        const computed = p.data ? problemsIn(p.context).classificationOf(p.data.code) : null;
        return computed === null ? null : criteriaText(computed.criteria_met);
      },
      tooltipValueGetter: (p) => explain(p.data, p.context),
      width: 150,
      editable: false,
      cellClass: 'cell-readonly',
      cellClassRules: rules,
    },
  ];
}

export function communeColumns(language: Language, texts: CommuneTexts, state: SheetCellState): Column[] {
  const groups: Record<Group, CommuneColDef[]> = { status: [], counts: [], statistics: [], approval: [], computed: [] };
  const ungrouped: CommuneColDef[] = [];
  COMMUNE_STATUS_FIELDS.forEach((def, index) => {
    const group = groupOf(def, index);
    // Just before the declared status: a block pasted from Excel (status, then counts) stays contiguous.
    if (def.key === 'declared_class') groups.status.push(...classificationColumns(language, texts, state));
    (group === null ? ungrouped : groups[group]).push(fieldColumn(def, communeAccess, language, texts, state));
  });
  groups.computed.push(computedColumn('activeHotspots', texts.activeHotspots, state), computedColumn('activeModelSites', texts.activeModelSites, state));
  const order: Group[] = ['status', 'counts', 'computed', 'statistics', 'approval'];
  return [
    ...readOnlyColumns(language, texts, state),
    ...order.map((group): ColGroupDef<CommuneRow> => ({ groupId: group, headerName: texts.groups[group], children: groups[group] })),
    ...ungrouped,
  ];
}
