import type { GridApi } from 'ag-grid-community';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetName } from '../../../shared/api/register-types';
import { sheetColumns } from '../../../shared/domain/sheet-columns';
import { useClient } from '../../app/client-context';
import { errorText } from '../../app/error-text';
import { downloadFile } from '../exchange/files';

type Props<Row> = {
  sheet: SheetName;
  periodId: string;
  gridApi: RefObject<GridApi<Row> | null>;
  idOf: (row: Row) => string;
};

/** What the grid shows: its visible columns in order, and its rows after filter and sort (the blank new row is pinned, so left out). */
function shownView<Row>(api: GridApi<Row>, sheet: SheetName, idOf: (row: Row) => string): { columns: string[]; rowIds: string[] } {
  const known = new Set(sheetColumns(sheet).map((c) => c.key));
  const columns = api
    .getAllDisplayedColumns()
    .map((c) => c.getColId())
    .filter((id) => known.has(id));
  const rowIds: string[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data !== undefined && !node.rowPinned && !node.group) rowIds.push(idOf(node.data));
  });
  return { columns, rowIds };
}

/**
 * The toolbar's "Xuất Excel" and "Tải mẫu" buttons (issue 11 items 2, 3). The export
 * names the shown columns and rows; the services write the values from the database,
 * and the file leaves through the browser's download, as the Exchange sheet's packages do.
 */
export function SheetExportButtons<Row>({ sheet, periodId, gridApi, idOf }: Props<Row>) {
  const { t } = useTranslation();
  const { t: tg } = useTranslation('grid');
  const client = useClient();
  const [status, setStatus] = useState<{ text: string; isError: boolean } | null>(null);
  const [isWorking, setWorking] = useState(false);

  const run = async (make: () => Promise<{ fileName: string; bytesBase64: string; rowCount?: number }>) => {
    setWorking(true);
    setStatus({ text: tg('sheetExport.working'), isError: false });
    try {
      const file = await make();
      downloadFile(file);
      setStatus(file.rowCount === undefined ? null : { text: tg('sheetExport.exported', { n: file.rowCount, file: file.fileName }), isError: false });
    } catch (error) {
      setStatus({ text: tg('sheetExport.failed', { message: errorText(error, t) }), isError: true });
    } finally {
      setWorking(false);
    }
  };

  const exportShown = () => {
    const api = gridApi.current;
    if (!api) return;
    const { columns, rowIds } = shownView(api, sheet, idOf);
    void run(() => client.call('sheets.exportXlsx', { sheet, periodId, columns: columns.length === 0 ? null : columns, rowIds }));
  };

  return (
    <>
      <button type="button" data-testid="export-xlsx" title={tg('sheetExport.exportHint')} disabled={isWorking} onClick={exportShown}>
        {tg('sheetExport.export')}
      </button>
      <button type="button" data-testid="download-template" title={tg('sheetExport.templateHint')} disabled={isWorking} onClick={() => void run(() => client.call('sheets.template', { sheet }))}>
        {tg('sheetExport.template')}
      </button>
      {status !== null && (
        <span className={status.isError ? 'edit-problem' : 'sheet-export-status'} role={status.isError ? 'alert' : 'status'} data-testid="export-status">
          {status.text}
        </span>
      )}
    </>
  );
}
