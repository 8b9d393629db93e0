import type { ColDef, GetRowIdParams, ValueGetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsolidatedRow } from '../../../shared/api/exchange-types';
import type { FieldDef, FieldValue } from '../../../shared/domain/fields';
import type { Language } from '../../../shared/i18n/format';
import { readCspNonce } from '../../app/csp-nonce';
import { formatFieldValue, type RefNames } from '../../app/field-text';
import { formatCount } from '../../app/format';
import { sheetTheme } from '../ag-grid-setup';
import { GRID_LOCALE_VI } from '../grid-locale-vi';

export type AnyRow = ConsolidatedRow<Record<string, FieldValue>>;

type Props = {
  testId: string;
  caption: string;
  rows: AnyRow[];
  fields: readonly FieldDef[];
  /** Fields shown even when empty in every row, right after the source columns. */
  leadingFields?: readonly string[];
  language: Language;
  refs: RefNames;
};

const styleNonce = readCspNonce();
/** Up to this many rows the grid grows with its rows; beyond, it scrolls inside a fixed height. */
const AUTO_HEIGHT_ROWS = 15;
const DEFAULT_COL_DEF: ColDef<AnyRow> = { resizable: true, sortable: true, filter: true, editable: false, wrapHeaderText: true, autoHeaderHeight: true };
const rowIdOf = (p: GetRowIdParams<AnyRow>) => `${p.data.issuer}:${p.data.id}`;

/**
 * One consolidated dataset, read only: every row with the office that sent it and the
 * package number it came in, then the register's own fields and labels. Columns no
 * row fills are left out (a commune status has some fifty fields).
 */
export function ConsolidatedGrid({ testId, caption, rows, fields, leadingFields = [], language, refs }: Props) {
  const { t } = useTranslation('consolidation');
  const captionId = useId();
  const columnDefs = useMemo((): ColDef<AnyRow>[] => {
    const filled = fields.filter((def) => leadingFields.includes(def.key) || rows.some((row) => row.record[def.key] !== null && row.record[def.key] !== undefined));
    const text = (def: FieldDef) => (p: ValueGetterParams<AnyRow>) => (p.data === undefined ? '' : formatFieldValue(def, p.data.record[def.key], language, refs));
    return [
      { colId: 'source', headerName: t('consolidated.source'), valueGetter: (p) => (p.data === undefined ? '' : `${p.data.issuerName} (${p.data.issuer})`), pinned: 'left', width: 400, tooltipValueGetter: (p) => (p.data === undefined ? '' : `${p.data.issuerName} (${p.data.issuer})`) },
      { colId: 'id', headerName: t('consolidated.record'), valueGetter: (p) => p.data?.id ?? '', width: 110, pinned: 'left' },
      { colId: 'sequence', headerName: t('consolidated.sequence'), valueGetter: (p) => p.data?.sequence ?? null, width: 90, type: 'rightAligned' },
      // The unit's name, unless a field already names it (a hotspot's commune, a model site's host unit).
      ...(rows.some((row) => row.unitName !== null) && !filled.some((def) => def.kind.type === 'ref') ? [{ colId: 'unitName', headerName: t('consolidated.communes'), valueGetter: (p: ValueGetterParams<AnyRow>) => p.data?.unitName ?? '', width: 180 }] : []),
      ...filled.map(
        (def): ColDef<AnyRow> => ({
          colId: def.key,
          headerName: def.labels[language],
          valueGetter: text(def),
          width: def.kind.type === 'text' ? 220 : 130,
          type: def.kind.type === 'int' || def.kind.type === 'decimal' ? 'rightAligned' : undefined,
          comparator: def.kind.type === 'int' || def.kind.type === 'decimal' ? (a: string, b: string) => Number(a.replace(/\./gu, '').replace(',', '.')) - Number(b.replace(/\./gu, '').replace(',', '.')) : undefined,
        }),
      ),
    ];
  }, [fields, leadingFields, rows, language, refs, t]);
  const isAuto = rows.length <= AUTO_HEIGHT_ROWS;

  return (
    <section className="consolidated-dataset" aria-labelledby={captionId} data-testid={testId}>
      <h3 id={captionId}>
        {caption} <span className="muted">— {t('consolidated.count', { n: formatCount(rows.length, language) })}</span>
      </h3>
      <div className={isAuto ? 'consolidated-grid' : 'consolidated-grid is-tall'}>
        <AgGridReact<AnyRow>
          key={language}
          localeText={language === 'vi' ? GRID_LOCALE_VI : undefined}
          theme={sheetTheme}
          styleNonce={styleNonce}
          rowData={rows}
          columnDefs={columnDefs}
          defaultColDef={DEFAULT_COL_DEF}
          getRowId={rowIdOf}
          domLayout={isAuto ? 'autoHeight' : 'normal'}
          suppressColumnVirtualisation
          animateRows={false}
          overlayNoRowsTemplate={t('consolidated.empty')}
        />
      </div>
    </section>
  );
}
