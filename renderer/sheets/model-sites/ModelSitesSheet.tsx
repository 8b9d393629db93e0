import type { CellDoubleClickedEvent, CellKeyDownEvent, CellValueChangedEvent, ColDef, FullWidthCellKeyDownEvent, GetRowIdParams, GridApi, GridReadyEvent, RowClassParams, RowSelectionOptions } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelSiteField } from '../../../shared/domain/model-site';
import { foldVietnamese } from '../../../shared/domain/text';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { readCspNonce } from '../../app/csp-nonce';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { formatCount, formatTime } from '../../app/format';
import type { RecordRef } from '../../app/record-history';
import { useColumnLayout } from '../../app/use-column-layout';
import { useRecordContextMenu } from '../../app/use-record-context-menu';
import { sheetTheme } from '../ag-grid-setup';
import { GRID_LOCALE_VI } from '../grid-locale-vi';
import { isInvalidEntry, missingRequired, type SiteCellValue, type SiteGridRow } from './model-site-cells';
import { modelSiteColumns } from './model-site-columns';
import { useModelSites } from './use-model-sites';
import '../sheet.css';

type Props = { periodId: string; periodText: string; officeCode: string; isLocked: boolean; language: Language };

const styleNonce = readCspNonce();

// Stable grid options: a new object on every render would rebuild the columns and close the open editor.
const DEFAULT_COL_DEF: ColDef<SiteGridRow, SiteCellValue> = { resizable: true, sortable: true, filter: true, wrapHeaderText: true, autoHeaderHeight: true, minWidth: 70 };
const ROW_SELECTION: RowSelectionOptions<SiteGridRow> = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false };
const rowIdOf = (p: GetRowIdParams<SiteGridRow>) => p.data.id;
const parseQuickFilter = (text: string) => foldVietnamese(text).split(' ').filter((part) => part !== '');
const matchQuickFilter = (parts: string[], rowText: string) => {
  const folded = foldVietnamese(rowText);
  return parts.every((part) => folded.includes(part));
};
const rowClassOf = (p: RowClassParams<SiteGridRow>) => (p.data?.isDraft ? 'row-draft' : undefined);
const recordOf = (row: SiteGridRow): RecordRef | null => (row.isDraft ? null : { table: 'model_sites', recordId: row.id, label: String(row.values.name ?? '') });
/** Keys that start an edit in a focused cell: a locked sheet explains instead of ignoring them. */
const isEditKey = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || ['Enter', 'F2', 'Delete', 'Backspace'].includes(e.key));

/**
 * The Model sites sheet (mô hình): one row per model, every field of MODEL_SITE_FIELDS
 * as a column, a blank row at the bottom for typing a new model, soft removal of the
 * selected rows (recorded in the history, restorable), read-only while the period is locked.
 */
export function ModelSitesSheet({ periodId, periodText, officeCode, isLocked, language }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const gridApi = useRef<GridApi<SiteGridRow> | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [invalidMessage, setInvalidMessage] = useState<string | null>(null);
  const [footerNote, setFooterNote] = useState<string | null>(null);
  const [quickFilter, setQuickFilter] = useState('');
  const [shownCount, setShownCount] = useState(0);
  const [selected, setSelected] = useState<SiteGridRow[]>([]);
  const [isConfirmingRemove, setIsConfirmingRemove] = useState(false);
  const showError = useCallback((error: unknown) => setActionError(errorText(error, t)), [t]);
  const sites = useModelSites(client, periodId, officeCode, showError);
  const layout = useColumnLayout<SiteGridRow>('modelSites');
  const isLockedRef = useRef(isLocked);
  const hostUnitsRef = useRef(sites.hostUnits);
  useLayoutEffect(() => {
    isLockedRef.current = isLocked;
  }, [isLocked]);
  useLayoutEffect(() => {
    hostUnitsRef.current = sites.hostUnits;
    // Cells drawn before the unit list arrived show codes; redraw them with names.
    gridApi.current?.refreshCells({ columns: ['host_unit_code'], force: true });
  }, [sites.hostUnits]);

  const columnDefs = useMemo(
    () =>
      modelSiteColumns({
        language,
        hostUnits: () => hostUnitsRef.current,
        emptyText: t('sheet.empty'),
        invalid: (field, rule) => t('modelSites.invalid', { field, rule }),
        isEditable: () => !isLockedRef.current,
        onInvalid: setInvalidMessage,
      }),
    [language, t],
  );
  const pinnedBottom = useMemo(() => [sites.draft], [sites.draft]);

  const explainLocked = useCallback(() => setActionError(t('lock.lockedEdit', { period: periodText })), [t, periodText]);
  const menu = useRecordContextMenu<SiteGridRow>(recordOf);
  const { onCellKeyDown: menuKeyDown } = menu;
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<SiteGridRow> | FullWidthCellKeyDownEvent<SiteGridRow>) => {
      menuKeyDown(event);
      if (isLockedRef.current && event.event instanceof KeyboardEvent && isEditKey(event.event)) explainLocked();
    },
    [menuKeyDown, explainLocked],
  );
  const onCellDoubleClicked = useCallback((_event: CellDoubleClickedEvent<SiteGridRow>) => {
    if (isLockedRef.current) explainLocked();
  }, [explainLocked]);

  const { onGridReady: layoutReady } = layout;
  const onGridReady = useCallback(
    (event: GridReadyEvent<SiteGridRow>) => {
      gridApi.current = event.api;
      layoutReady(event);
    },
    [layoutReady],
  );

  const { changeCell } = sites;
  const onCellValueChanged = useCallback(
    (event: CellValueChangedEvent<SiteGridRow, SiteCellValue>) => {
      const oldValue = event.oldValue ?? null;
      if (!event.data || isInvalidEntry(oldValue) || isInvalidEntry(event.newValue)) return;
      setActionError(null);
      setFooterNote(event.data.isDraft && missingRequired(event.data.values).length > 0 ? t('modelSites.needName') : null);
      void changeCell(event.data, event.column.getColId() as ModelSiteField, oldValue);
    },
    [changeCell, t],
  );

  const startNewRow = () => {
    const api = gridApi.current;
    if (isLocked) return explainLocked();
    if (api === null) return;
    api.ensureColumnVisible('name');
    api.setFocusedCell(0, 'name', 'bottom');
    api.startEditingCell({ rowIndex: 0, colKey: 'name', rowPinned: 'bottom' });
  };

  const askRemove = () => (isLocked ? explainLocked() : setIsConfirmingRemove(true));
  const removeSelected = async () => {
    const count = await sites.removeRows(selected.map((row) => row.id));
    setActionError(null);
    setSelected([]);
    setFooterNote(t('modelSites.removed', { n: count }));
  };

  const rowCount = sites.rows?.length ?? 0;
  const countText =
    shownCount === rowCount
      ? t('modelSites.rowCount', { n: formatCount(rowCount, language) })
      : t('modelSites.filteredCount', { shown: formatCount(shownCount, language), total: formatCount(rowCount, language) });
  const loadError = sites.loadError === null ? null : errorText(sites.loadError, t);

  return (
    <section className="sheet" aria-label={t('tabs.modelSites')}>
      <div className="sheet-toolbar">
        <div className="inline-field quick-filter">
          <label htmlFor="model-sites-quick-filter">{t('modelSites.quickFilter')}</label>
          <input id="model-sites-quick-filter" type="search" value={quickFilter} placeholder={t('sheet.quickFilterPlaceholder')} onChange={(e) => setQuickFilter(e.currentTarget.value)} />
        </div>
        <button type="button" className="button small primary" data-testid="add-model-site" onClick={startNewRow}>
          {t('modelSites.add')}
        </button>
        <button type="button" className="button small" data-testid="remove-model-sites" disabled={selected.length === 0} onClick={askRemove}>
          {t('modelSites.remove')}
        </button>
        <span className="hint toolbar-hint">{t('modelSites.newRowHint')}</span>
      </div>
      <ErrorAlert message={loadError} />
      <ErrorAlert message={actionError} onDismiss={() => setActionError(null)} />
      <div className="sheet-grid">
        {sites.rows === null && loadError === null && <div className="sheet-loading">{t('modelSites.loading')}</div>}
        <AgGridReact<SiteGridRow>
          key={language}
          localeText={language === 'vi' ? GRID_LOCALE_VI : undefined}
          theme={sheetTheme}
          styleNonce={styleNonce}
          rowData={sites.rows}
          pinnedBottomRowData={pinnedBottom}
          columnDefs={columnDefs}
          defaultColDef={DEFAULT_COL_DEF}
          getRowId={rowIdOf}
          getRowClass={rowClassOf}
          // No row animation: a row fading out keeps a second copy of its cells in the page.
          animateRows={false}
          rowSelection={ROW_SELECTION}
          // Eighteen columns and a few hundred models at most: rendering every column keeps
          // cells addressable (tests, screen readers) at no noticeable cost.
          suppressColumnVirtualisation
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          suppressStartEditOnTab
          stopEditingWhenCellsLoseFocus
          invalidEditValueMode="block"
          suppressContextMenu
          preventDefaultOnContextMenu
          quickFilterText={quickFilter}
          quickFilterParser={parseQuickFilter}
          quickFilterMatcher={matchQuickFilter}
          onGridReady={onGridReady}
          onModelUpdated={() => setShownCount(gridApi.current?.getDisplayedRowCount() ?? 0)}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows())}
          onCellValueChanged={onCellValueChanged}
          onCellEditingStopped={() => setInvalidMessage(null)}
          onCellKeyDown={onCellKeyDown}
          onCellDoubleClicked={onCellDoubleClicked}
          onCellContextMenu={menu.onCellContextMenu}
          onColumnResized={layout.onColumnResized}
          onColumnMoved={layout.onColumnMoved}
          onColumnVisible={layout.onColumnVisible}
        />
      </div>
      <footer className="sheet-footer">
        <span data-testid="model-sites-count">{countText}</span>
        {(invalidMessage ?? footerNote) !== null && (
          <span className="edit-problem" role="status" data-testid="model-sites-problem">
            {invalidMessage ?? footerNote}
          </span>
        )}
        <span className={sites.save.pendingCount > 0 ? 'save-status-saving' : 'save-status-saved'} data-testid="model-sites-save-status">
          {sites.save.pendingCount > 0
            ? t('modelSites.saving')
            : sites.save.lastSavedAt !== null
              ? t('modelSites.saved', { time: formatTime(sites.save.lastSavedAt, language) })
              : t('sheet.idle')}
        </span>
      </footer>
      {menu.contextMenu}
      {isConfirmingRemove && (
        <ConfirmDialog
          title={t('modelSites.removeTitle')}
          message={t('modelSites.removeConfirm', { n: selected.length, names: selected.map((row) => String(row.values.name ?? t('modelSites.unnamed'))).join(', ') })}
          confirmLabel={t('modelSites.remove')}
          errorOf={(error) => errorText(error, t)}
          onConfirm={removeSelected}
          onClose={() => setIsConfirmingRemove(false)}
        />
      )}
    </section>
  );
}
