/**
 * The Communes sheet's columns. The status columns are generated from
 * COMMUNE_STATUS_FIELDS, so a field added in shared/ appears here with the right
 * editor, alignment and parsing without touching this file.
 */
import type { CellClassParams, ColDef, IErrorValidationParams, ValueFormatterParams, ValueParserParams, ValueSetterParams } from 'ag-grid-community';
import type { CommuneRow } from '../../shared/api/contract';
import { UNIT_TYPE_LABELS } from '../../shared/domain/admin-units';
import { COMMUNE_STATUS_FIELDS, type CommuneStatusField, type FieldDef } from '../../shared/domain/commune-status';
import { termsEn } from '../../shared/i18n/errors-en';
import { termsVi } from '../../shared/i18n/errors-vi';
import type { Language } from '../../shared/i18n/format';
import { formatCellValue, isInvalidEntry, parseCellInput, type CellValue, type ValueTexts } from './cell-values';

export type CommuneColDef = ColDef<CommuneRow, CellValue>;

/** What the columns ask the sheet about a cell's save state and the editor's problems. */
export type CellState = {
  isPending(communeCode: string, field: CommuneStatusField): boolean;
  isSaved(communeCode: string, field: CommuneStatusField): boolean;
  /** The editor holds text that cannot be saved (message), or no longer does (null). */
  onInvalid(message: string | null): void;
};

export type ColumnTexts = ValueTexts & {
  code: string;
  name: string;
  type: string;
  parent: string;
  empty: string;
  invalid: (field: string, rule: string) => string;
};

const NUMBER_WIDTH = 118;

function widthOf(def: FieldDef): number {
  switch (def.kind.type) {
    case 'int':
    case 'decimal':
      return NUMBER_WIDTH;
    case 'enum':
      return 170;
    case 'bool':
      return 110;
    case 'date':
      return 120;
    case 'text':
      return def.kind.maxLength > 200 ? 240 : 170;
  }
}

function readOnlyColumns(language: Language, texts: ColumnTexts): CommuneColDef[] {
  return [
    { colId: 'code', headerName: texts.code, valueGetter: (p) => p.data?.code ?? null, pinned: 'left', width: 84, editable: false, cellClass: 'cell-readonly cell-code' },
    { colId: 'name', headerName: texts.name, valueGetter: (p) => p.data?.name ?? null, pinned: 'left', width: 190, editable: false, cellClass: 'cell-readonly cell-name' },
    {
      colId: 'type',
      headerName: texts.type,
      valueGetter: (p) => (p.data ? (UNIT_TYPE_LABELS[p.data.unitType]?.[language] ?? p.data.unitType) : null),
      width: 96,
      editable: false,
      cellClass: 'cell-readonly',
    },
    { colId: 'parent', headerName: texts.parent, valueGetter: (p) => p.data?.parentName ?? null, width: 150, editable: false, cellClass: 'cell-readonly' },
  ];
}

function editorFor(def: FieldDef, texts: ColumnTexts, state: CellState, label: string, language: Language): Partial<CommuneColDef> {
  const kind = def.kind;
  if (kind.type === 'enum' || kind.type === 'bool') {
    // null first: choosing "— Để trống —" clears the cell, as Delete does.
    const values: CellValue[] = kind.type === 'enum' ? [null, ...kind.values] : [null, true, false];
    return { cellEditor: 'agSelectCellEditor', cellEditorParams: { values } };
  }
  const terms = language === 'en' ? termsEn : termsVi;
  return {
    cellEditor: 'agTextCellEditor',
    cellEditorParams: {
      // Start from the shown text ("12.345", "01/07/2025"), which parses back unchanged.
      useFormatter: true,
      maxLength: kind.type === 'text' ? kind.maxLength : 40,
      getValidationErrors: ({ value }: IErrorValidationParams<CommuneRow, CellValue>) => {
        if (!isInvalidEntry(value)) {
          state.onInvalid(null);
          return null;
        }
        const message = texts.invalid(label, terms[value.rule]);
        state.onInvalid(message);
        return [message];
      },
    },
  };
}

function statusColumn(def: FieldDef, language: Language, texts: ColumnTexts, state: CellState): CommuneColDef {
  const key = def.key as CommuneStatusField;
  const label = def.labels[language];
  const isNumber = def.kind.type === 'int' || def.kind.type === 'decimal';
  const format = (value: CellValue | null | undefined) => formatCellValue(def, value ?? null, language, texts);
  return {
    colId: key,
    headerName: label,
    headerTooltip: label,
    width: widthOf(def),
    editable: true,
    valueGetter: (p) => p.data?.status[key] ?? null,
    valueSetter: (p: ValueSetterParams<CommuneRow, CellValue>) => {
      const value = p.newValue ?? null;
      if (isInvalidEntry(value) || p.data.status[key] === value) return false;
      // A fresh status object: the row objects the save queue keeps stay untouched.
      p.data.status = { ...p.data.status, [key]: value };
      return true;
    },
    valueParser: (p: ValueParserParams<CommuneRow, CellValue>) => parseCellInput(def, p.newValue),
    // The drop-down list formats its options with node === null; show a word for "empty" there.
    valueFormatter: (p: ValueFormatterParams<CommuneRow, CellValue>) => (p.node === null && p.value === null ? texts.empty : format(p.value)),
    // Numbers filter on the numbers; the other columns on the text the user sees.
    filterValueGetter: isNumber ? undefined : (p) => format(p.data?.status[key] ?? null),
    getQuickFilterText: (p) => format(p.value),
    filter: isNumber ? 'agNumberColumnFilter' : 'agTextColumnFilter',
    type: isNumber ? 'rightAligned' : undefined,
    cellClassRules: {
      'cell-pending': (p: CellClassParams<CommuneRow, CellValue>) => (p.data ? state.isPending(p.data.code, key) : false),
      'cell-saved': (p: CellClassParams<CommuneRow, CellValue>) => (p.data ? state.isSaved(p.data.code, key) : false),
    },
    ...editorFor(def, texts, state, label, language),
  };
}

export function communeColumns(language: Language, texts: ColumnTexts, state: CellState): CommuneColDef[] {
  return [...readOnlyColumns(language, texts), ...COMMUNE_STATUS_FIELDS.map((def) => statusColumn(def, language, texts, state))];
}
