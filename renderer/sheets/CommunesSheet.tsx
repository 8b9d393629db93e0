import type { CellValueChangedEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommuneRow } from '../../shared/api/contract';
import { isCommuneStatusField } from '../../shared/domain/commune-status';
import { foldVietnamese } from '../../shared/domain/text';
import { useClient } from '../app/client-context';
import { readCspNonce } from '../app/csp-nonce';
import { ErrorAlert } from '../app/ErrorAlert';
import { errorText } from '../app/error-text';
import { formatCount } from '../app/format';
import { currentLanguage } from '../i18n/setup';
import { sheetTheme } from './ag-grid-setup';
import { GRID_LOCALE_VI } from './grid-locale-vi';
import { isInvalidEntry, type CellValue } from './cell-values';
import { communeColumns, type ColumnTexts } from './commune-columns';
import { SaveStatus } from './SaveStatus';
import { useCommuneSaves } from './use-commune-saves';
import './sheet.css';

type Props = { periodId: string };

const styleNonce = readCspNonce();

// Grid options live outside the component: a new object on every render would make
// AG Grid rebuild its columns and close the editor the user is typing in.
const DEFAULT_COL_DEF: ColDef<CommuneRow, CellValue> = { resizable: true, sortable: true, filter: true, wrapHeaderText: true, autoHeaderHeight: true, minWidth: 70 };
const rowIdOf = (p: GetRowIdParams<CommuneRow>) => p.data.code;
const parseQuickFilter = (text: string) => foldVietnamese(text).split(' ').filter((part) => part !== '');
const matchQuickFilter = (parts: string[], rowText: string) => {
  const folded = foldVietnamese(rowText);
  return parts.every((part) => folded.includes(part));
};

/**
 * The Communes sheet: one row per commune of the office for the period, edited like
 * Excel. Every change is sent at once as its own save; see CommuneSaveQueue for what
 * the user sees before and after the services answer.
 */
export function CommunesSheet({ periodId }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const language = currentLanguage();
  const gridApi = useRef<GridApi<CommuneRow> | null>(null);
  const saves = useCommuneSaves(client, gridApi);
  const [rows, setRows] = useState<CommuneRow[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shownCount, setShownCount] = useState(0);
  const [quickFilter, setQuickFilter] = useState('');
  const { queue } = saves;

  useEffect(() => {
    let isStale = false;
    setRows(null);
    setLoadError(null);
    client
      .call('communes.list', { periodId })
      .then((loaded) => {
        if (!isStale) setRows(queue.load(periodId, loaded));
      })
      .catch((error: unknown) => {
        if (!isStale) setLoadError(errorText(error, t));
      });
    return () => {
      isStale = true;
    };
  }, [client, periodId, queue, t]);

  const columnDefs = useMemo(() => {
    const texts: ColumnTexts = {
      code: t('sheet.columns.code'),
      name: t('sheet.columns.name'),
      type: t('sheet.columns.type'),
      parent: t('sheet.columns.parent'),
      empty: t('sheet.empty'),
      yes: t('sheet.yes'),
      no: t('sheet.no'),
      invalid: (field, rule) => t('sheet.invalid', { field, rule }),
    };
    return communeColumns(language, texts, saves.cellState);
  }, [language, t, saves.cellState]);

  const onGridReady = useCallback((event: GridReadyEvent<CommuneRow>) => {
    gridApi.current = event.api;
  }, []);

  const countShown = useCallback(() => {
    setShownCount(gridApi.current?.getDisplayedRowCount() ?? 0);
  }, []);

  const { unmarkSaved, clearSaveError, clearInvalid, flushDeferred } = saves;
  const onCellValueChanged = useCallback(
    (event: CellValueChangedEvent<CommuneRow, CellValue>) => {
      const field = event.column.getColId();
      const value = event.newValue ?? null;
      if (!event.data || !isCommuneStatusField(field) || isInvalidEntry(value)) return;
      const cell = { communeCode: event.data.code, field };
      unmarkSaved(cell);
      clearSaveError();
      queue.edit({ ...cell, value });
      event.api.refreshCells({ rowNodes: [event.node], columns: [field], force: true });
    },
    [queue, unmarkSaved, clearSaveError],
  );

  const onCellEditingStopped = useCallback(() => {
    clearInvalid();
    // The grid still counts the cell as editing while this event runs.
    window.setTimeout(flushDeferred, 0);
  }, [clearInvalid, flushDeferred]);

  const rowCount = rows?.length ?? 0;
  const countText =
    shownCount === rowCount
      ? t('sheet.rowCount', { n: formatCount(rowCount, language) })
      : t('sheet.filteredCount', { shown: formatCount(shownCount, language), total: formatCount(rowCount, language) });

  return (
    <section className="sheet" aria-label={t('sheet.title')}>
      <div className="sheet-toolbar">
        <div className="inline-field quick-filter">
          <label htmlFor="communes-quick-filter">{t('sheet.quickFilter')}</label>
          <input id="communes-quick-filter" type="search" value={quickFilter} placeholder={t('sheet.quickFilterPlaceholder')} onChange={(e) => setQuickFilter(e.currentTarget.value)} />
        </div>
      </div>
      <ErrorAlert message={loadError} />
      <ErrorAlert message={saves.saveError} onDismiss={clearSaveError} />
      <div className="sheet-grid">
        {rows === null && loadError === null && <div className="sheet-loading">{t('sheet.loading')}</div>}
        <AgGridReact<CommuneRow>
          // localeText is read once by the grid, so a language switch builds a new grid.
          key={language}
          localeText={language === 'vi' ? GRID_LOCALE_VI : undefined}
          theme={sheetTheme}
          styleNonce={styleNonce}
          rowData={rows}
          columnDefs={columnDefs}
          defaultColDef={DEFAULT_COL_DEF}
          getRowId={rowIdOf}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          suppressStartEditOnTab
          stopEditingWhenCellsLoseFocus
          invalidEditValueMode="block"
          quickFilterText={quickFilter}
          quickFilterParser={parseQuickFilter}
          quickFilterMatcher={matchQuickFilter}
          onGridReady={onGridReady}
          onModelUpdated={countShown}
          onCellValueChanged={onCellValueChanged}
          onCellEditingStopped={onCellEditingStopped}
        />
      </div>
      <footer className="sheet-footer">
        <span data-testid="row-count">{countText}</span>
        {/* In the footer, not above the grid: appearing while the user types must not move the rows. */}
        {saves.invalidMessage !== null && (
          <span className="edit-problem" role="alert" data-testid="edit-problem">
            {saves.invalidMessage}
          </span>
        )}
        <SaveStatus pendingCount={saves.pendingCount} lastSavedAt={saves.lastSavedAt} language={language} />
      </footer>
    </section>
  );
}
