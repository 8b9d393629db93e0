/**
 * The Model sites sheet's columns, generated from MODEL_SITE_FIELDS: the right editor
 * (drop-down for closed lists, yes/no and the host unit; text for the rest), parsing
 * the Vietnamese way, Vietnamese collation for sorting, labels for filtering.
 */
import type { ColDef, EditableCallbackParams, IErrorValidationParams, ValueFormatterParams, ValueParserParams, ValueSetterParams } from 'ag-grid-community';
import type { FieldDef, RefOption } from '../../../shared/domain/fields';
import { MODEL_SITE_FIELDS, type ModelSiteField } from '../../../shared/domain/model-site';
import { termsEn } from '../../../shared/i18n/errors-en';
import { termsVi } from '../../../shared/i18n/errors-vi';
import type { Language } from '../../../shared/i18n/format';
import { formatFieldValue } from '../../app/field-text';
import { compareVietnamese, isInvalidEntry, parseSiteInput, sameValue, type SiteCellValue, type SiteGridRow } from './model-site-cells';

export type SiteColDef = ColDef<SiteGridRow, SiteCellValue>;

export type SiteColumnContext = {
  language: Language;
  /** Read at render and edit time: the unit list arrives after the columns are built. */
  hostUnits: () => readonly RefOption[];
  emptyText: string;
  invalid: (field: string, rule: string) => string;
  /** Read at edit time, so locking does not rebuild the columns (which would close an editor). */
  isEditable: () => boolean;
  onInvalid: (message: string | null) => void;
};

function widthOf(def: FieldDef): number {
  switch (def.kind.type) {
    case 'int':
    case 'decimal':
      return 120;
    case 'bool':
    case 'date':
      return 120;
    case 'text':
      return def.kind.maxLength > 200 ? 240 : 170;
    default:
      return 200;
  }
}

function editorFor(def: FieldDef, ctx: SiteColumnContext, label: string): Partial<SiteColDef> {
  const kind = def.kind;
  if (kind.type === 'enum' || kind.type === 'bool' || kind.type === 'ref') {
    // null first: choosing "— Để trống —" clears the cell, as Delete does.
    if (kind.type === 'ref') return { cellEditor: 'agSelectCellEditor', cellEditorParams: () => ({ values: ctx.hostUnits().map((u) => u.code) }) };
    const values = kind.type === 'enum' ? [null, ...kind.values] : [null, true, false];
    return { cellEditor: 'agSelectCellEditor', cellEditorParams: { values } };
  }
  const terms = ctx.language === 'en' ? termsEn : termsVi;
  return {
    cellEditor: 'agTextCellEditor',
    cellEditorParams: {
      useFormatter: true,
      maxLength: kind.type === 'text' ? kind.maxLength : 400,
      getValidationErrors: ({ value }: IErrorValidationParams<SiteGridRow, SiteCellValue>) => {
        if (!isInvalidEntry(value)) {
          ctx.onInvalid(null);
          return null;
        }
        const message = ctx.invalid(label, terms[value.rule]);
        ctx.onInvalid(message);
        return [message];
      },
    },
  };
}

function fieldColumn(def: FieldDef, ctx: SiteColumnContext): SiteColDef {
  const key = def.key as ModelSiteField;
  const label = def.labels[ctx.language];
  const isNumber = def.kind.type === 'int' || def.kind.type === 'decimal';
  const format = (value: SiteCellValue | null | undefined): string => {
    if (isInvalidEntry(value)) return value.text;
    if (def.kind.type === 'ref' && typeof value === 'string') return ctx.hostUnits().find((u) => u.code === value)?.label ?? value;
    return formatFieldValue(def, value ?? null, ctx.language);
  };
  return {
    colId: key,
    headerName: label,
    headerTooltip: label,
    width: widthOf(def),
    pinned: key === 'name' ? 'left' : undefined,
    editable: (p: EditableCallbackParams<SiteGridRow, SiteCellValue>) => ctx.isEditable() && p.data !== undefined,
    valueGetter: (p) => p.data?.values[key] ?? null,
    valueSetter: (p: ValueSetterParams<SiteGridRow, SiteCellValue>) => {
      const value = p.newValue ?? null;
      if (isInvalidEntry(value) || sameValue(p.data.values[key], value)) return false;
      p.data.values = { ...p.data.values, [key]: value };
      return true;
    },
    valueParser: (p: ValueParserParams<SiteGridRow, SiteCellValue>) => parseSiteInput(def, p.newValue, ctx.hostUnits()),
    // The drop-down list formats its options with node === null; show a word for "empty" there.
    valueFormatter: (p: ValueFormatterParams<SiteGridRow, SiteCellValue>) => (p.node === null && p.value === null ? ctx.emptyText : format(p.value)),
    comparator: isNumber ? undefined : (a: SiteCellValue | undefined, b: SiteCellValue | undefined) => compareVietnamese(format(a), format(b)),
    filterValueGetter: isNumber ? undefined : (p) => format(p.data?.values[key] ?? null),
    getQuickFilterText: (p) => format(p.value),
    filter: isNumber ? 'agNumberColumnFilter' : 'agTextColumnFilter',
    type: isNumber ? 'rightAligned' : undefined,
    cellClass: key === 'name' ? 'cell-name' : undefined,
    ...editorFor(def, ctx, label),
  };
}

export function modelSiteColumns(ctx: SiteColumnContext): SiteColDef[] {
  return MODEL_SITE_FIELDS.map((def) => fieldColumn(def, ctx));
}
