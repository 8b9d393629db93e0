/**
 * Excel out (issue 11 item 2): any register sheet as the user sees it — the columns
 * shown, in their order, and the rows the filter kept, in the sort's order — written
 * from the database values of those rows. The renderer names columns and rows; it
 * never supplies the values.
 */
import type { FileBytes } from '../../../shared/api/exchange-types';
import type { SheetName } from '../../../shared/api/register-types';
import { formatDate } from '../../../shared/domain/field-values';
import { periodLabel } from '../../../shared/domain/period';
import { SHEET_TITLES, sheetColumns, type SheetColumn } from '../../../shared/domain/sheet-columns';
import { requirePeriod } from '../edit-service';
import { requireOfficeDetails } from '../office-service';
import { localToday, type Workspace } from '../workspace';
import { officeRefNames, pickRecords, sheetRecords, type RefNames } from './export-records';
import { writeTemplate } from './template';
import { writeXlsxTable, type TitleBlock } from './xlsx-export';

export type SheetExportRequest = {
  sheet: SheetName;
  periodId: string;
  /** Column keys in the order shown; null: every column in the grid's default order. */
  columns: readonly string[] | null;
  /** Row ids in the order shown; null: every row in the sheet's default order. */
  rowIds: readonly string[] | null;
};

/** ASCII file-name parts: Windows and e-mail clients keep them intact. */
export const SHEET_FILE_NAMES: Record<SheetName, string> = { communeStatuses: 'xa-phuong', hotspots: 'diem-tu-diem', modelSites: 'mo-hinh' };

export function exportColumns(sheet: SheetName, keys: readonly string[] | null): SheetColumn[] {
  const all = sheetColumns(sheet);
  if (keys === null) return [...all];
  const byKey = new Map(all.map((c) => [c.key, c]));
  return keys.flatMap((key) => {
    const column = byKey.get(key);
    return column ? [column] : [];
  });
}

function titleBlockOf(ws: Workspace, request: SheetExportRequest, rowCount: number): TitleBlock {
  const office = requireOfficeDetails(ws);
  const period = requirePeriod(request.periodId);
  const place = [office.name, ...office.parents].join(', ');
  const shown = request.rowIds === null ? 'tất cả các dòng' : 'các dòng đang hiện trên màn hình, theo bộ lọc và thứ tự sắp xếp';
  return {
    title: SHEET_TITLES[request.sheet].vi.toLocaleUpperCase('vi'),
    lines: [`Đơn vị: ${place}`, `Kỳ báo cáo: ${periodLabel(period, 'vi')}`, `Ngày xuất: ${formatDate(localToday())} — ${rowCount} dòng (${shown})`],
  };
}

/** The .xlsx of a sheet as shown, with its file name. */
export async function exportSheetXlsx(ws: Workspace, request: SheetExportRequest): Promise<FileBytes & { rowCount: number }> {
  const period = requirePeriod(request.periodId);
  const columns = exportColumns(request.sheet, request.columns);
  const { records, refs } = sheetRecords(ws, request.sheet, request.periodId, new Set(columns.map((c) => c.key)));
  const picked = pickRecords(records, request.rowIds);
  const bytes = await writeXlsxTable({
    sheetName: SHEET_TITLES[request.sheet].vi,
    titleBlock: titleBlockOf(ws, request, picked.length),
    columns,
    records: picked,
    refs,
  });
  const fileName = `${SHEET_FILE_NAMES[request.sheet]}_${period.id}_${localToday().replace(/-/gu, '')}.xlsx`;
  return { fileName, bytesBase64: bytes.toString('base64'), rowCount: picked.length };
}

/** The import template of a sheet; with a workspace, its drop-downs also list the office's communes and units. */
export async function sheetTemplate(ws: Workspace | null, sheet: SheetName): Promise<FileBytes> {
  let officeText: string | null = null;
  let refs: RefNames | null = null;
  if (ws !== null) {
    const office = requireOfficeDetails(ws);
    officeText = [office.name, ...office.parents].join(', ');
    refs = officeRefNames(ws);
  }
  const bytes = await writeTemplate({ sheet, officeText, refs });
  return { fileName: `mau-nhap_${SHEET_FILE_NAMES[sheet]}.xlsx`, bytesBase64: bytes.toString('base64') };
}
