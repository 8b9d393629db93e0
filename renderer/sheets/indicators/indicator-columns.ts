/**
 * Columns of the Indicators sheet: read-only, one row per indicator. Texts come in from
 * the sheet so this module stays free of i18n and can be tested alone.
 */
import type { ColDef, ITooltipParams, ValueGetterParams } from 'ag-grid-community';
import type { IndicatorResult } from '../../../shared/api/indicator-types';
import type { Language } from '../../../shared/i18n/format';
import { MetCell } from './MetCell';
import { figureDetail, formatCountOrNone, formatIndicatorValue, metText, noteText, type MetTexts, type NoteTexts } from './indicator-format';

export type IndicatorColumnKey = 'name' | 'numerator' | 'denominator' | 'value' | 'target' | 'isMet' | 'previous' | 'baseline' | 'notes';
export type IndicatorTexts = MetTexts & { column: (key: IndicatorColumnKey) => string; notes: NoteTexts; unconfirmedTarget: string };

type Col = ColDef<IndicatorResult, string>;
type Getter = (row: IndicatorResult) => string;

const get = (read: Getter) => (p: ValueGetterParams<IndicatorResult, string>) => (p.data === undefined ? '' : read(p.data));
const tip = (read: Getter) => (p: ITooltipParams<IndicatorResult, string>) => (p.data === undefined ? '' : read(p.data));

/** "12 / 80" under a label, so the numerator's meaning sits with its count. */
function countWithLabel(count: string, label: string): string {
  return `${count}\n${label}`;
}

export function metClass(isMet: boolean | null): string {
  return isMet === null ? 'indicator-met is-unknown' : isMet ? 'indicator-met is-met' : 'indicator-met is-not-met';
}

/** The notes of a row, one per line: communes reported of all, capped ratio, cumulative since, unconfirmed target. */
export function notesText(row: IndicatorResult, texts: NoteTexts, language: Language): string {
  return row.notes.map((n) => noteText(n, texts, language)).join('\n');
}

export function indicatorColumns(language: Language, texts: IndicatorTexts): Col[] {
  const value = (row: IndicatorResult, figure: IndicatorResult['current'] | null) => (figure === null ? formatIndicatorValue(null, row.unit, language) : formatIndicatorValue(figure.value, row.unit, language));
  const notes = (row: IndicatorResult) => notesText(row, texts.notes, language);
  return [
    { colId: 'name', headerName: texts.column('name'), valueGetter: get((r) => r.name), tooltipValueGetter: tip((r) => `${r.code} — ${r.name}\n${r.source}`), pinned: 'left', width: 260, wrapText: true, autoHeight: true, cellClass: 'indicator-name' },
    {
      colId: 'numerator',
      headerName: texts.column('numerator'),
      valueGetter: get((r) => countWithLabel(formatCountOrNone(r.current.numerator, language), r.numeratorLabel)),
      tooltipValueGetter: tip((r) => r.numeratorLabel),
      flex: 1,
      minWidth: 150,
      wrapText: true,
      autoHeight: true,
      cellClass: 'indicator-count',
    },
    {
      colId: 'denominator',
      headerName: texts.column('denominator'),
      valueGetter: get((r) => (r.denominatorLabel === null ? formatCountOrNone(r.current.denominator, language) : countWithLabel(formatCountOrNone(r.current.denominator, language), r.denominatorLabel))),
      tooltipValueGetter: tip((r) => r.denominatorLabel ?? ''),
      flex: 1,
      minWidth: 150,
      wrapText: true,
      autoHeight: true,
      cellClass: 'indicator-count',
    },
    {
      colId: 'value',
      headerName: texts.column('value'),
      valueGetter: get((r) => value(r, r.current)),
      tooltipValueGetter: tip((r) => figureDetail(r.current, language)),
      width: 100,
      type: 'rightAligned',
      cellClass: (p) => (p.data?.current.isCapped === true ? 'indicator-value is-capped' : 'indicator-value'),
    },
    {
      colId: 'target',
      headerName: texts.column('target'),
      valueGetter: get((r) => r.targetText),
      tooltipValueGetter: tip((r) => (r.isConfirmed ? r.targetText : `${r.targetText} — ${texts.unconfirmedTarget}`)),
      width: 140,
      wrapText: true,
      autoHeight: true,
      cellClass: (p) => (p.data?.isConfirmed === false ? 'indicator-target is-unconfirmed' : 'indicator-target'),
    },
    {
      colId: 'isMet',
      headerName: texts.column('isMet'),
      valueGetter: get((r) => metText(r.isMet, texts)),
      cellRenderer: MetCell,
      cellClass: (p) => metClass(p.data?.isMet ?? null),
      width: 100,
    },
    // Beside the assessment they qualify, before the other periods' figures.
    { colId: 'notes', headerName: texts.column('notes'), valueGetter: get(notes), tooltipValueGetter: tip(notes), flex: 1.6, minWidth: 240, wrapText: true, autoHeight: true, cellClass: 'indicator-notes' },
    { colId: 'previous', headerName: texts.column('previous'), valueGetter: get((r) => value(r, r.previous)), tooltipValueGetter: tip((r) => `${r.previous.periodId}: ${figureDetail(r.previous, language)}`), width: 95, type: 'rightAligned' },
    {
      colId: 'baseline',
      headerName: texts.column('baseline'),
      valueGetter: get((r) => value(r, r.baseline)),
      tooltipValueGetter: tip((r) => (r.baseline === null ? '' : `${r.baseline.periodId}: ${figureDetail(r.baseline, language)}`)),
      width: 95,
      type: 'rightAligned',
    },
  ];
}
