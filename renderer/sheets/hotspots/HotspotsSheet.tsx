import type { CellValueChangedEvent, GetRowIdParams, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotspotRow } from '../../../shared/api/register-types';
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
import { blankHotspot, HOTSPOT_FIELD_MAP, hotspotAccess, hotspotColumns, summarize, type HotspotTexts } from './hotspot-columns';
import '../sheet.css';

type Props = { periodId: string; isLocked: boolean; language: Language };

const rowIdOf = (p: GetRowIdParams<HotspotRow>) => p.data.id;
const registerIdOf = (row: HotspotRow) => row.id;
const isRemovedRow = (row: HotspotRow) => row.isRemoved;
const recordOf = (row: HotspotRow): RecordRef => ({ table: 'hotspots', recordId: row.id, label: String(row.values.local_code ?? '') });

/**
 * The hotspot register (product.md §2.2): one row per hotspot, with its standing in the
 * period and the period's four counts. New hotspots are typed into the blank last row
 * (stored as soon as it has a commune, the one required field) or pasted below the last
 * row; removal is soft, recorded in the history and undoable.
 */
export function HotspotsSheet({ periodId, isLocked, language }: Props) {
  const { t } = useTranslation();
  const { t: tg } = useTranslation('grid');
  const client = useClient();
  const [communes, setCommunes] = useState<readonly RefOption[]>([]);
  const [version, setVersion] = useState(0);
  const [shownCount, setShownCount] = useState(0);
  const [quickFilter, setQuickFilter] = useState('');
  const [draft, setDraft] = useState(blankHotspot);
  const [removing, setRemoving] = useState<string[] | null>(null);

  useEffect(() => {
    client
      .call('units.underOffice', {})
      .then((units) => setCommunes(units.filter((u) => u.level === 'COMMUNE').map((u) => ({ code: u.code, label: u.name }))))
      .catch(() => setCommunes([]));
  }, [client]);

  const [isRemovedShown, setRemovedShown] = useState(false);
  const load = useCallback(async (id: string) => (await client.call('hotspots.list', { periodId: id, isRemovedIncluded: isRemovedShown })).rows, [client, isRemovedShown]);
  // Shown removed rows stay in the grid (greyed) when removed, instead of leaving it.
  const access = useMemo(() => (isRemovedShown ? { ...hotspotAccess, isRemoved: () => false } : hotspotAccess), [isRemovedShown]);
  const onRowsChanged = useCallback(() => setVersion((v) => v + 1), []);
  const [hotspotRefs, setHotspotRefs] = useState<readonly RefOption[]>([]);
  const refs = useMemo(() => ({ commune: communes, hotspot: hotspotRefs }), [communes, hotspotRefs]);
  const sheet = useSpreadsheet({ client, access, periodId, isLocked, load, fields: HOTSPOT_FIELD_MAP, canCreate: true, refs, onRowsChanged });
  const { edits, cellState, gridApi, interaction, focusCreated } = sheet;
  const menu = useRecordContextMenu<HotspotRow>(recordOf, undefined, gridApi);
  const layout = useColumnLayout<HotspotRow>('hotspots');
  const onApiReady = useCallback((api: GridApi<HotspotRow>) => layout.attach(api), [layout]);
  const [rows, setRows] = useState<HotspotRow[]>([]);
  // Removed rows shown to be restored do not count in the period.
  const summary = useMemo(() => summarize(rows.filter((row) => !row.isRemoved)), [rows]);

  // The queue holds the rows as the grid shows them; `version` says they changed.
  useEffect(() => {
    const current = edits.rows === null ? [] : edits.queue.rows();
    setRows(current);
    // A new list on every save would redraw every cell; only a changed list should.
    const next = current.map((r) => ({ code: r.id, label: String(r.values.local_code ?? r.id) }));
    setHotspotRefs((previous) => (sameOptions(previous, next) ? previous : next));
  }, [edits.rows, edits.queue, version]);

  const columnDefs = useMemo(() => {
    const texts: HotspotTexts = {
      empty: t('sheet.empty'),
      yes: t('sheet.yes'),
      no: t('sheet.no'),
      invalid: (field, rule) => t('sheet.invalid', { field, rule }),
      flags: { isActiveAtStart: tg('hotspots.flags.isActiveAtStart'), isNew: tg('hotspots.flags.isNew'), isEliminated: tg('hotspots.flags.isEliminated'), isActiveAtEnd: tg('hotspots.flags.isActiveAtEnd') },
      flagYes: tg('hotspots.flagYes'),
      newRowHint: tg('hotspots.newRowHint'),
    };
    return hotspotColumns(language, texts, cellState);
  }, [language, t, tg, cellState]);

  const { commit } = edits;
  // The blank row becomes a hotspot once it names its commune; until then it only holds what was typed.
  const onPinnedRowEdited = useCallback(
    (event: CellValueChangedEvent<HotspotRow, CellValue>) => {
      const values = Object.fromEntries(Object.entries(event.data?.values ?? {}).filter(([, v]) => v !== null)) as Record<string, FieldValue>;
      if (values['commune_code'] === undefined) {
        setDraft((d) => ({ ...d }));
        return;
      }
      const editedColId = event.column.getColId();
      void commit('typing', [{ edit: { sheet: 'hotspots', op: 'create', values } }]).then((outcome) => {
        if (!outcome?.ok || outcome.result.rejected.length > 0) return;
        setDraft(blankHotspot());
        const created = outcome.result.created[0];
        if (created) focusCreated(created.id, editedColId);
      });
    },
    [commit, focusCreated],
  );

  const addHotspot = () => {
    const api = gridApi.current;
    if (!api) return;
    api.ensureColumnVisible('commune_code');
    api.setFocusedCell(0, 'commune_code', 'bottom');
    api.startEditingCell({ rowIndex: 0, colKey: 'commune_code', rowPinned: 'bottom' });
  };

  const askRemove = () => {
    const ids = interaction.selectedRowIds();
    const live = ids.filter((id) => edits.queue.shown(id)?.isRemoved !== true);
    if (live.length === 0) return edits.showAlert(tg('hotspots.nothingSelected'));
    edits.clearAlert();
    setRemoving(live);
  };

  const restore = async () => {
    const ids = interaction.selectedRowIds().filter((id) => edits.queue.shown(id)?.isRemoved === true);
    if (ids.length === 0) return edits.showAlert(tg('removedRows.nothingToRestore'));
    await commit('typing', ids.map((id) => ({ edit: { sheet: 'hotspots' as const, op: 'restore' as const, id } })));
  };

  // The confirmation names what goes: code, commune and address of each (the first five).
  const namesOf = (ids: readonly string[]) =>
    ids
      .slice(0, 5)
      .map((id) => {
        const row = edits.queue.shown(id);
        return row ? [row.values.local_code, row.communeName, row.values.address].filter((part) => typeof part === 'string' && part !== '').join(', ') : id;
      })
      .join('; ') + (ids.length > 5 ? '; …' : '');

  const remove = async (ids: string[]) => {
    const outcome = await commit('typing', ids.map((id) => ({ edit: { sheet: 'hotspots' as const, op: 'remove' as const, id } })));
    if (outcome && !outcome.ok) throw outcome.error;
    const first = outcome?.ok ? outcome.result.rejected[0] : undefined;
    if (first) throw new Error(first.message);
  };

  const total = rows.length;
  const countText =
    shownCount === total
      ? tg('hotspots.rowCount', { n: formatCount(total, language), count: total })
      : tg('hotspots.filteredCount', { shown: formatCount(shownCount, language), total: formatCount(total, language) });
  const pinned = useMemo(() => (isLocked ? undefined : [draft]), [isLocked, draft]);

  return (
    <section className="sheet" aria-label={tg('hotspots.title')}>
      <div className="sheet-toolbar">
        <div className="inline-field quick-filter">
          <label htmlFor="hotspots-quick-filter">{tg('hotspots.quickFilter')}</label>
          <input id="hotspots-quick-filter" type="search" value={quickFilter} placeholder={tg('hotspots.quickFilterPlaceholder')} onChange={(e) => setQuickFilter(e.currentTarget.value)} />
        </div>
        <button type="button" data-testid="add-hotspot" disabled={isLocked} onClick={addHotspot}>
          {tg('hotspots.add')}
        </button>
        <button type="button" data-testid="remove-hotspot" disabled={isLocked} onClick={askRemove}>
          {tg('hotspots.remove')}
        </button>
        <label className="inline-field">
          <input type="checkbox" data-testid="show-removed-hotspots" checked={isRemovedShown} onChange={(e) => setRemovedShown(e.currentTarget.checked)} />
          {tg('removedRows.show')}
        </label>
        {isRemovedShown && (
          <button type="button" data-testid="restore-hotspots" disabled={isLocked} onClick={() => void restore()}>
            {tg('removedRows.restore')}
          </button>
        )}
        {isLocked && <span className="sheet-locked">{tg('locked')}</span>}
        <SheetExportButtons<HotspotRow> sheet="hotspots" periodId={periodId} gridApi={gridApi} idOf={registerIdOf} />
        <ImportButton sheet="hotspots" periodId={periodId} language={language} isLocked={isLocked} reload={edits.reload} />
        <span className="hotspot-summary" data-testid="hotspot-summary">
          {tg('hotspots.summary', { start: summary.activeAtStart, new: summary.new, eliminated: summary.eliminated, end: summary.activeAtEnd })}
        </span>
      </div>
      <SheetMessages edits={edits} language={language} />
      <div className="sheet-frame" {...menu.wrapperProps}>
        <SpreadsheetGrid<HotspotRow>
          sheet={sheet}
          overlay={loadingOverlay(edits, tg('hotspots.loading'))}
          columnDefs={columnDefs}
          getRowId={rowIdOf}
          language={language}
          quickFilter={quickFilter}
          onShownCountChanged={setShownCount}
          pinnedBottomRowData={pinned}
          onPinnedRowEdited={onPinnedRowEdited}
          onApiReady={onApiReady}
          isRowRemoved={isRemovedRow}
        />
      </div>
      <footer className="sheet-footer">
        <span data-testid="hotspot-count">{countText}</span>
        {sheet.invalidMessage !== null && (
          <span className="edit-problem" role="alert" data-testid="edit-problem">
            {sheet.invalidMessage}
          </span>
        )}
        <SaveStatus pendingCount={edits.pendingCount} lastSavedAt={edits.lastSavedAt} language={language} />
      </footer>
      {menu.contextMenu}
      {removing !== null && (
        <ConfirmDialog
          title={tg('hotspots.remove')}
          message={tg('hotspots.confirmRemove', { n: removing.length, names: namesOf(removing) })}
          confirmLabel={tg('hotspots.confirm')}
          errorOf={(error) => errorText(error, t)}
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
          testId="confirm-remove"
        />
      )}
    </section>
  );
}

function sameOptions(a: readonly RefOption[], b: readonly RefOption[]): boolean {
  return a.length === b.length && a.every((o, i) => o.code === b[i]?.code && o.label === b[i]?.label);
}
