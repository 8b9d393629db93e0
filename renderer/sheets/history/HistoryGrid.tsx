import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../shared/api/register-types';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { readCspNonce } from '../../app/csp-nonce';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { formatCount } from '../../app/format';
import { useColumnLayout } from '../../app/use-column-layout';
import { sheetTheme } from '../ag-grid-setup';
import { GRID_LOCALE_VI } from '../grid-locale-vi';
import { historyColumns, type HistoryTexts } from './history-columns';
import { PAGE_SIZE, useHistory, type HistoryQuery } from './use-history';

type Props = { query: HistoryQuery; language: Language; reloadKey: number; isRecordView: boolean };

const styleNonce = readCspNonce();
const DEFAULT_COL_DEF: ColDef<HistoryEntry, string> = { resizable: true, sortable: true, filter: true, editable: false, wrapHeaderText: true, autoHeaderHeight: true, minWidth: 70 };
const rowIdOf = (p: GetRowIdParams<HistoryEntry>) => String(p.data.id);

/** A page of the audit log (newest first) with its pager; filtering is done by the services. */
export function HistoryGrid({ query, language, reloadKey, isRecordView }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const page = useHistory(client, query, reloadKey);
  const layout = useColumnLayout<HistoryEntry>('history');

  const columnDefs = useMemo(() => {
    const texts: HistoryTexts = {
      column: (key) => t(`history.columns.${key}`),
      table: (table) => t(`history.tables.${table}`),
      cause: (cause) => t(`history.causes.${cause}`),
      unnamedUser: t('history.unnamedUser'),
    };
    return historyColumns(language, texts, isRecordView);
  }, [language, t, isRecordView]);

  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = Math.min(page.offset + PAGE_SIZE, page.total);
  const n = (value: number) => formatCount(value, language);

  return (
    <>
      <ErrorAlert message={page.error === null ? null : errorText(page.error, t)} />
      <div className="sheet-grid">
        {page.entries === null && <div className="sheet-loading">{t('history.loading')}</div>}
        <AgGridReact<HistoryEntry>
          key={language}
          localeText={language === 'vi' ? GRID_LOCALE_VI : undefined}
          theme={sheetTheme}
          styleNonce={styleNonce}
          rowData={page.entries}
          columnDefs={columnDefs}
          defaultColDef={DEFAULT_COL_DEF}
          getRowId={rowIdOf}
          // No row animation: a row fading out keeps a second copy of its cells in the page.
          animateRows={false}
          overlayNoRowsTemplate={t('history.none')}
          enableBrowserTooltips
          // The record dialog shares the sheet's columns but must not overwrite its remembered layout.
          onGridReady={isRecordView ? undefined : layout.onGridReady}
          onColumnResized={isRecordView ? undefined : layout.onColumnResized}
          onColumnMoved={isRecordView ? undefined : layout.onColumnMoved}
          onColumnVisible={isRecordView ? undefined : layout.onColumnVisible}
        />
      </div>
      <footer className="sheet-footer">
        <span data-testid="history-range">{t('history.range', { from: n(first), to: n(last), total: n(page.total) })}</span>
        <span className="pager">
          <button type="button" className="button small" disabled={page.offset === 0} onClick={() => page.setOffset(Math.max(0, page.offset - PAGE_SIZE))}>
            {t('history.previous')}
          </button>
          <button type="button" className="button small" disabled={last >= page.total} onClick={() => page.setOffset(page.offset + PAGE_SIZE)}>
            {t('history.next')}
          </button>
        </span>
      </footer>
    </>
  );
}
