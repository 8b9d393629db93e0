import type { CellValueChangedEvent, GetRowIdParams, GridApi, RowSelectionOptions } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelSiteRow } from '../../../shared/api/register-types';
import type { FieldValue, RefOption } from '../../../shared/domain/fields';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { errorText } from '../../app/error-text';
import { formatCount } from '../../app/format';
import type { RecordRef } from '../../app/record-history';
import { useColumnLayout } from '../../app/use-column-layout';
import { useRecordContextMenu } from '../../app/use-record-context-menu';
import type { CellValue } from '../../grid/cell-values';
import { SaveStatus } from '../../grid/SaveStatus';
import { SpreadsheetGrid } from '../../grid/SpreadsheetGrid';
import { loadingOverlay, SheetMessages } from '../../grid/SheetMessages';
import { useSpreadsheet } from '../../grid/use-spreadsheet';
import { SheetExportButtons } from '../export/SheetExportButtons';
import { ImportButton } from '../import/ImportButton';
import { blankModelSite, missingRequired, MODEL_SITE_FIELD_MAP, modelSiteAccess, modelSiteColumns, NEW_ROW_ID } from './model-site-columns';
import '../sheet.css';

type Props = { periodId: string; officeCode: string; isLocked: boolean; language: Language };

const ROW_SELECTION: RowSelectionOptions<ModelSiteRow> = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false };
const rowIdOf = (p: GetRowIdParams<ModelSiteRow>) => p.data.id;
const registerIdOf = (row: ModelSiteRow) => row.id;
const isRemovedRow = (row: ModelSiteRow) => row.isRemoved;
const recordOf = (row: ModelSiteRow): RecordRef | null => (row.id === NEW_ROW_ID ? null : { table: 'model_sites', recordId: row.id, label: String(row.values.name ?? '') });

/**
 * The Model sites sheet (mô hình): one row per model, every field of MODEL_SITE_FIELDS
 * as a column, on the spreadsheet module (typing, paste, fill, clear, undo). A new
 * model is typed into the blank last row and stored once it has a name; removal is
 * soft, asked first, recorded in the history and undoable. Read-only while the period
 * is locked, and an attempt to edit says so (the spreadsheet module, and the buttons here).
 */
export function ModelSitesSheet({ periodId, officeCode, isLocked, language }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [hostUnits, setHostUnits] = useState<readonly RefOption[]>([]);
  const [shownCount, setShownCount] = useState(0);
  const [quickFilter, setQuickFilter] = useState('');
  const [draft, setDraft] = useState(() => blankModelSite(officeCode));
  const [removing, setRemoving] = useState<ModelSiteRow[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [isRemovedShown, setRemovedShown] = useState(false);
  const { t: tg } = useTranslation('grid');

  useEffect(() => {
    client
      .call('units.underOffice', {})
      .then((units) => setHostUnits(units.map((u) => ({ code: u.code, label: u.name }))))
      .catch(() => setHostUnits([]));
  }, [client]);

  const load = useCallback(async (id: string) => client.call('modelSites.list', { periodId: id, isRemovedIncluded: isRemovedShown }), [client, isRemovedShown]);
  // Shown removed rows stay in the grid (greyed) when removed, instead of leaving it.
  const access = useMemo(() => (isRemovedShown ? { ...modelSiteAccess, isRemoved: () => false } : modelSiteAccess), [isRemovedShown]);
  const refs = useMemo(() => ({ officeUnit: hostUnits }), [hostUnits]);
  // The queue holds the rows as the grid shows them (created and removed ones included); a change re-renders the count.
  const [, setRowsVersion] = useState(0);
  const onRowsChanged = useCallback(() => setRowsVersion((v) => v + 1), []);
  // Rows created by a paste start as the blank row does (the office as host unit).
  const newRowDefaults = useMemo(() => blankModelSite(officeCode).values, [officeCode]);
  const sheet = useSpreadsheet({ client, access, periodId, isLocked, load, fields: MODEL_SITE_FIELD_MAP, canCreate: true, refs, newRowDefaults, onRowsChanged });
  const { edits, cellState, gridApi, explainLocked, focusCreated } = sheet;
  const layout = useColumnLayout<ModelSiteRow>('modelSites');
  const menu = useRecordContextMenu<ModelSiteRow>(recordOf, undefined, gridApi);
  const onApiReady = useCallback((api: GridApi<ModelSiteRow>) => layout.attach(api), [layout]);

  const columnDefs = useMemo(
    () => modelSiteColumns(language, { empty: t('sheet.empty'), yes: t('sheet.yes'), no: t('sheet.no'), invalid: (field, rule) => t('modelSites.invalid', { field, rule }) }, cellState),
    [language, t, cellState],
  );

  const { commit } = edits;
  const onPinnedRowEdited = useCallback(
    (event: CellValueChangedEvent<ModelSiteRow, CellValue>) => {
      if (!event.data) return;
      if (missingRequired(event.data).length > 0) {
        setDraft({ ...event.data });
        setNote(t('modelSites.needName'));
        return;
      }
      setNote(null);
      const values = Object.fromEntries(Object.entries(event.data.values).filter(([, v]) => v !== null)) as Record<string, FieldValue>;
      const editedColId = event.column.getColId();
      void commit('typing', [{ edit: { sheet: 'modelSites', op: 'create', values } }]).then((outcome) => {
        if (!outcome?.ok || outcome.result.rejected.length > 0) return;
        setDraft(blankModelSite(officeCode));
        const created = outcome.result.created[0];
        if (created) focusCreated(created.id, editedColId);
      });
    },
    [commit, officeCode, t, focusCreated],
  );

  const startNewRow = () => {
    const api = gridApi.current;
    if (isLocked) return explainLocked();
    if (api === null) return;
    api.ensureColumnVisible('name');
    api.setFocusedCell(0, 'name', 'bottom');
    api.startEditingCell({ rowIndex: 0, colKey: 'name', rowPinned: 'bottom' });
  };

  const askRemove = () => {
    if (isLocked) return explainLocked();
    const selected = (gridApi.current?.getSelectedRows() ?? []).filter((row) => !row.isRemoved);
    if (selected.length === 0) return edits.showAlert(tg('removedRows.nothingTicked'));
    edits.clearAlert();
    setRemoving(selected);
  };

  const restore = async () => {
    if (isLocked) return explainLocked();
    const selected = (gridApi.current?.getSelectedRows() ?? []).filter((row) => row.isRemoved);
    if (selected.length === 0) return edits.showAlert(tg('removedRows.nothingToRestore'));
    const outcome = await commit('typing', selected.map((row) => ({ edit: { sheet: 'modelSites' as const, op: 'restore' as const, id: row.id } })));
    if (outcome?.ok && outcome.result.rejected.length === 0) setNote(tg('removedRows.restored', { n: selected.length, count: selected.length }));
  };

  const remove = async (rows: readonly ModelSiteRow[]) => {
    const outcome = await commit('typing', rows.map((row) => ({ edit: { sheet: 'modelSites' as const, op: 'remove' as const, id: row.id } })));
    if (outcome && !outcome.ok) throw outcome.error;
    const refused = outcome?.ok ? outcome.result.rejected[0] : undefined;
    if (refused) throw new Error(refused.message);
    setNote(t('modelSites.removed', { n: rows.length }));
  };

  const total = edits.rows === null ? 0 : edits.queue.rows().length;
  const countText =
    shownCount === total
      ? t('modelSites.rowCount', { n: formatCount(total, language) })
      : t('modelSites.filteredCount', { shown: formatCount(shownCount, language), total: formatCount(total, language) });
  const pinned = useMemo(() => (isLocked ? undefined : [draft]), [isLocked, draft]);
  const names = (rows: readonly ModelSiteRow[]) => rows.map((row) => String(row.values.name ?? t('modelSites.unnamed'))).join(', ');

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
        <button type="button" className="button small" data-testid="remove-model-sites" onClick={askRemove}>
          {t('modelSites.remove')}
        </button>
        <label className="inline-field">
          <input type="checkbox" data-testid="show-removed-model-sites" checked={isRemovedShown} onChange={(e) => setRemovedShown(e.currentTarget.checked)} />
          {tg('removedRows.show')}
        </label>
        {isRemovedShown && (
          <button type="button" className="button small" data-testid="restore-model-sites" onClick={() => void restore()}>
            {tg('removedRows.restore')}
          </button>
        )}
        <SheetExportButtons<ModelSiteRow> sheet="modelSites" periodId={periodId} gridApi={gridApi} idOf={registerIdOf} />
        <ImportButton sheet="modelSites" periodId={periodId} language={language} isLocked={isLocked} reload={edits.reload} />
        <span className="hint toolbar-hint">{t('modelSites.newRowHint')}</span>
      </div>
      <SheetMessages edits={edits} language={language} />
      <div className="sheet-frame" {...menu.wrapperProps}>
        <SpreadsheetGrid<ModelSiteRow>
          sheet={sheet}
          overlay={loadingOverlay(edits, t('modelSites.loading'))}
          columnDefs={columnDefs}
          getRowId={rowIdOf}
          language={language}
          quickFilter={quickFilter}
          onShownCountChanged={setShownCount}
          onApiReady={onApiReady}
          pinnedBottomRowData={pinned}
          onPinnedRowEdited={onPinnedRowEdited}
          rowSelection={ROW_SELECTION}
          isRowRemoved={isRemovedRow}
        />
      </div>
      <footer className="sheet-footer">
        <span data-testid="model-sites-count">{countText}</span>
        {(sheet.invalidMessage ?? note) !== null && (
          <span className="edit-problem" role="status" data-testid="model-sites-problem">
            {sheet.invalidMessage ?? note}
          </span>
        )}
        <SaveStatus pendingCount={edits.pendingCount} lastSavedAt={edits.lastSavedAt} language={language} />
      </footer>
      {menu.contextMenu}
      {removing !== null && (
        <ConfirmDialog
          title={t('modelSites.removeTitle')}
          message={t('modelSites.removeConfirm', { n: removing.length, names: names(removing) })}
          confirmLabel={t('modelSites.remove')}
          errorOf={(error) => errorText(error, t)}
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
