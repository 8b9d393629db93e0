/**
 * Plain-data shapes of the registers and of edits, shared by the contract, the services
 * and the renderer's spreadsheet module. An edit batch is the unit of saving, of
 * history and of undo: a paste or a fill is one batch, stored in one transaction.
 */
import type { FieldValue } from '../domain/fields';
import type { HotspotPeriodFlags, HotspotValues } from '../domain/hotspot';
import type { ModelSiteValues } from '../domain/model-site';

export const SHEETS = ['communeStatuses', 'hotspots', 'modelSites'] as const;
export type SheetName = (typeof SHEETS)[number];

/** What caused a change; recorded in the history beside who and when. */
export const EDIT_CAUSES = ['typing', 'paste', 'fill', 'clear', 'undo', 'redo', 'import', 'load', 'copy_forward'] as const;
export type EditCause = (typeof EDIT_CAUSES)[number];

/** One change. `create` returns the new id; `remove` keeps the row (restorable) and records it. */
export type Edit =
  | { sheet: 'communeStatuses'; op: 'set'; id: string; field: string; value: FieldValue }
  | { sheet: 'hotspots' | 'modelSites'; op: 'set'; id: string; field: string; value: FieldValue }
  | { sheet: 'hotspots' | 'modelSites'; op: 'create'; values: Record<string, FieldValue> }
  | { sheet: 'hotspots' | 'modelSites'; op: 'remove' | 'restore'; id: string };

export type RejectedEdit = { index: number; code: string; message: string };

export type HotspotRow = {
  id: string;
  values: HotspotValues;
  communeName: string;
  flags: HotspotPeriodFlags;
  isRemoved: boolean;
  rowVersion: number;
  updatedAt: string;
};

export type HotspotSummary = { activeAtStart: number; new: number; eliminated: number; activeAtEnd: number };

export type ModelSiteRow = {
  id: string;
  values: ModelSiteValues;
  hostUnitName: string;
  isRemoved: boolean;
  rowVersion: number;
  updatedAt: string;
};

export type HistoryEntry = {
  id: number;
  batchId: string;
  at: string;
  userName: string | null;
  table: 'commune_statuses' | 'hotspots' | 'model_sites' | 'periods';
  recordId: string;
  /** A readable name of the record: the commune's name, the hotspot's code, the model's name. */
  recordLabel: string;
  periodId: string | null;
  field: string | null;
  oldValue: FieldValue;
  newValue: FieldValue;
  cause: EditCause | 'create' | 'remove' | 'restore' | 'lock' | 'unlock';
  reason: string | null;
};

export type PeriodInfo = {
  id: string;
  kind: string;
  label: string;
  startDate: string;
  endDate: string;
  status: 'OPEN' | 'SUBMITTED' | 'LOCKED';
  /** Number of commune statuses entered for the period. */
  statusCount: number;
};

export type ColumnLayout = { colId: string; width: number | null; isHidden: boolean };
