/** The History sheet's columns: everything read-only, texts through the field definitions. */
import type { ColDef } from 'ag-grid-community';
import type { HistoryEntry } from '../../../shared/api/register-types';
import type { Language } from '../../../shared/i18n/format';
import { fieldLabel, formatAt, periodText, valueText } from './history-format';

export type HistoryTexts = {
  column: (key: 'at' | 'user' | 'table' | 'record' | 'period' | 'field' | 'oldValue' | 'newValue' | 'cause' | 'reason') => string;
  table: (table: HistoryEntry['table']) => string;
  cause: (cause: HistoryEntry['cause']) => string;
  unnamedUser: string;
};

type HistoryColDef = ColDef<HistoryEntry, string>;

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const compareText = (a: string | null | undefined, b: string | null | undefined) => collator.compare(a ?? '', b ?? '');

export function historyColumns(language: Language, texts: HistoryTexts, isRecordView: boolean): HistoryColDef[] {
  const columns: HistoryColDef[] = [
    // ISO timestamps sort correctly as text; the newest-first order comes from the services.
    { colId: 'at', headerName: texts.column('at'), width: 140, valueGetter: (p) => p.data?.at ?? '', valueFormatter: (p) => formatAt(p.value ?? ''), cellClass: 'cell-code' },
    { colId: 'user', headerName: texts.column('user'), width: 150, valueGetter: (p) => p.data?.userName ?? texts.unnamedUser, comparator: compareText },
    { colId: 'table', headerName: texts.column('table'), width: 120, valueGetter: (p) => (p.data ? texts.table(p.data.table) : ''), comparator: compareText },
    { colId: 'record', headerName: texts.column('record'), width: 190, valueGetter: (p) => (p.data?.table === 'periods' ? periodText(p.data.recordId, language) : (p.data?.recordLabel ?? '')), comparator: compareText, cellClass: 'cell-name' },
    { colId: 'period', headerName: texts.column('period'), width: 150, valueGetter: (p) => periodText(p.data?.periodId ?? null, language), comparator: compareText },
    { colId: 'field', headerName: texts.column('field'), width: 190, valueGetter: (p) => (p.data ? fieldLabel(p.data.table, p.data.field, language) : ''), comparator: compareText },
    {
      colId: 'oldValue',
      headerName: texts.column('oldValue'),
      width: 160,
      valueGetter: (p) => (p.data ? valueText(p.data.table, p.data.field, p.data.oldValue, language, 'old', p.data.periodId ?? p.data.recordId) : ''),
      comparator: compareText,
      cellClass: 'cell-old-value',
    },
    {
      colId: 'newValue',
      headerName: texts.column('newValue'),
      width: 160,
      valueGetter: (p) => (p.data ? valueText(p.data.table, p.data.field, p.data.newValue, language, 'new', p.data.periodId ?? p.data.recordId) : ''),
      comparator: compareText,
    },
    { colId: 'cause', headerName: texts.column('cause'), width: 130, valueGetter: (p) => (p.data ? texts.cause(p.data.cause) : ''), comparator: compareText },
    { colId: 'reason', headerName: texts.column('reason'), width: 240, flex: 1, valueGetter: (p) => p.data?.reason ?? '', comparator: compareText, tooltipValueGetter: (p) => p.value ?? '' },
  ];
  // A record's own history needs neither the sheet nor the record's name in every row.
  return isRecordView ? columns.filter((c) => c.colId !== 'table' && c.colId !== 'record') : columns;
}
