import type { GetRowIdParams, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommuneRow } from '../../shared/api/contract';
import type { Language } from '../../shared/i18n/format';
import { useClient } from '../app/client-context';
import { formatCount } from '../app/format';
import type { RecordRef } from '../app/record-history';
import { useColumnLayout } from '../app/use-column-layout';
import { useOutsideSaves } from '../app/use-outside-saves';
import { useRecordContextMenu } from '../app/use-record-context-menu';
import { SaveStatus } from '../grid/SaveStatus';
import { SpreadsheetGrid } from '../grid/SpreadsheetGrid';
import { loadingOverlay, SheetMessages } from '../grid/SheetMessages';
import { useSpreadsheet } from '../grid/use-spreadsheet';
import { currentLanguage } from '../i18n/setup';
import { COMMUNE_FIELDS, communeAccess, communeColumns, type CommuneTexts } from './commune-columns';
import { SheetExportButtons } from './export/SheetExportButtons';
import { ImportButton } from './import/ImportButton';
import './sheet.css';

type Props = { periodId: string; isLocked?: boolean; language?: Language; isActive?: boolean };

const rowIdOf = (p: GetRowIdParams<CommuneRow>) => p.data.code;
const communeIdOf = (row: CommuneRow) => row.code;
const NO_REFS = {};
/** A commune's history across periods (the history dialog does not filter by period). */
const recordOf = (row: CommuneRow): RecordRef => ({ table: 'commune_statuses', recordId: row.code, label: row.name });

/**
 * The Communes sheet: one row per commune of the office for the period, edited like
 * Excel through the spreadsheet module. Every change (typing, paste, fill, clear,
 * undo) is one edits.apply batch; see EditQueue for what the user sees before and
 * after the services answer. Right-click on a row shows the commune's history; column
 * widths, order and visibility are remembered.
 */
export function CommunesSheet({ periodId, isLocked = false, language: languageProp, isActive = true }: Props) {
  const { t } = useTranslation();
  const { t: tg } = useTranslation('grid');
  const client = useClient();
  const language = languageProp ?? currentLanguage();
  const [shownCount, setShownCount] = useState(0);
  const [quickFilter, setQuickFilter] = useState('');
  const load = useCallback((id: string) => client.call('communes.list', { periodId: id }), [client]);
  const outside = useOutsideSaves(isActive);
  const sheet = useSpreadsheet({ client, access: communeAccess, periodId, isLocked, load, fields: COMMUNE_FIELDS, canCreate: false, refs: NO_REFS, onSaved: outside.noteOwnSave });
  const { edits, cellState } = sheet;
  // A hotspot, a model site, an import or a receipt stored elsewhere changes the computed
  // counts of this sheet's rows; the classification columns follow the Problems answer.
  const { reload } = edits;
  useEffect(() => {
    if (outside.version > 0) void reload();
  }, [outside.version, reload]);
  const menu = useRecordContextMenu<CommuneRow>(recordOf, undefined, sheet.gridApi);
  const layout = useColumnLayout<CommuneRow>('communeStatuses');
  // An office of one district sees that district's name on every row: the column then
  // only takes room, and is hidden; with several districts (a province) it is shown.
  const { rows, queue } = edits;
  const showParentIfUseful = useCallback(
    (api: GridApi<CommuneRow>) => {
      if (api.isDestroyed() || queue.rows().length === 0) return;
      api.setColumnsVisible(['parent'], new Set(queue.rows().map((row) => row.parentName)).size > 1);
    },
    [queue],
  );
  const onApiReady = useCallback(
    (api: GridApi<CommuneRow>) => {
      const detach = layout.attach(api);
      showParentIfUseful(api);
      return detach;
    },
    [layout, showParentIfUseful],
  );
  useEffect(() => {
    const api = sheet.gridApi.current;
    if (rows !== null && api) showParentIfUseful(api);
  }, [rows, sheet.gridApi, showParentIfUseful]);

  const columnDefs = useMemo(() => {
    const texts: CommuneTexts = {
      code: t('sheet.columns.code'),
      name: t('sheet.columns.name'),
      type: t('sheet.columns.type'),
      parent: t('sheet.columns.parent'),
      empty: t('sheet.empty'),
      yes: t('sheet.yes'),
      no: t('sheet.no'),
      invalid: (field, rule) => t('sheet.invalid', { field, rule }),
      groups: {
        status: tg('groups.status'),
        counts: tg('groups.counts'),
        statistics: tg('groups.statistics'),
        approval: tg('groups.approval'),
        computed: tg('groups.computed'),
      },
      activeHotspots: tg('computed.activeHotspots'),
      activeModelSites: tg('computed.activeModelSites'),
      computedClass: tg('classification.computedClass'),
      criteria: tg('classification.criteria'),
    };
    return communeColumns(language, texts, cellState);
  }, [language, t, tg, cellState]);

  const rowCount = edits.rows?.length ?? 0;
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
        {isLocked && <span className="sheet-locked">{tg('locked')}</span>}
        <SheetExportButtons<CommuneRow> sheet="communeStatuses" periodId={periodId} gridApi={sheet.gridApi} idOf={communeIdOf} />
        <ImportButton sheet="communeStatuses" periodId={periodId} language={language} isLocked={isLocked} reload={edits.reload} />
      </div>
      <SheetMessages edits={edits} language={language} />
      <div className="sheet-frame" {...menu.wrapperProps}>
        <SpreadsheetGrid<CommuneRow>
          sheet={sheet}
          overlay={loadingOverlay(edits, t('sheet.loading'))}
          columnDefs={columnDefs}
          getRowId={rowIdOf}
          language={language}
          quickFilter={quickFilter}
          onShownCountChanged={setShownCount}
          onApiReady={onApiReady}
        />
      </div>
      <footer className="sheet-footer">
        <span data-testid="row-count">{countText}</span>
        {/* In the footer, not above the grid: appearing while the user types must not move the rows. */}
        {sheet.invalidMessage !== null && (
          <span className="edit-problem" role="alert" data-testid="edit-problem">
            {sheet.invalidMessage}
          </span>
        )}
        <SaveStatus pendingCount={edits.pendingCount} lastSavedAt={edits.lastSavedAt} language={language} />
      </footer>
      {menu.contextMenu}
    </section>
  );
}
