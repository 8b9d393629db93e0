/**
 * "Xem lịch sử" from any sheet: a sheet names the record (history table and id) and
 * the main screen opens the per-record history dialog. Sheets reach it through
 * useRecordContextMenu (right-click or Shift+F10 on a row) or useOpenRecordHistory.
 */
import { createContext, useContext } from 'react';
import type { HistoryEntry } from '../../shared/api/register-types';

export type HistoryTable = HistoryEntry['table'];

/**
 * A record as the history knows it. recordId: the commune code for commune_statuses,
 * the row id for hotspots and model_sites, the period id for periods.
 */
export type RecordRef = { table: HistoryTable; recordId: string; label: string };

export type OpenRecordHistory = (record: RecordRef) => void;

export const RecordHistoryContext = createContext<OpenRecordHistory | null>(null);

/** Opens the per-record history; does nothing outside the main screen (e.g. in component tests). */
export function useOpenRecordHistory(): OpenRecordHistory {
  return useContext(RecordHistoryContext) ?? ignore;
}

function ignore(): void {
  // Outside MainScreen there is no dialog to open.
}
