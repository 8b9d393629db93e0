/**
 * One edits.apply call in progress. Every touched record is loaded once and kept as a
 * whole row in memory while the edits are checked in order, so a later edit sees the
 * earlier ones (a row created and then filled in one paste) and a refused edit leaves
 * no trace. `flush` then writes each changed row once and the history rows, all inside
 * the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection';
import { listUnitsUnder } from '../../db/queries/admin-units';
import {
  getStatusRow,
  isCommuneUnder,
  listCommuneCodesUnder,
  upsertStatusRow,
  type DbStatusColumns,
  type UnitKey,
} from '../../db/queries/commune-statuses';
import { insertHistory, type DbHistoryInsert, type HistoryTable } from '../../db/queries/history';
import { lastLocalCodeNumber } from '../../db/queries/hotspots';
import { getPeriod, insertPeriodIfMissing } from '../../db/queries/periods';
import { getRegisterRow, insertRegisterRow, updateRegisterRow, type DbValue } from '../../db/queries/register-rows';
import type { EditCause, SheetName } from '../../shared/api/register-types';
import { COMMUNE_STATUS_FIELD_KEYS } from '../../shared/domain/commune-status';
import type { FieldValue } from '../../shared/domain/fields';
import type { Period } from '../../shared/domain/period';
import type { Language } from '../../shared/i18n/format';
import type { RegisterSpec } from './registers';

/** Communes looked up one by one before a batch reads the office's whole list. */
const SINGLE_COMMUNE_CHECKS = 32;

export type BatchSetup = {
  db: Db;
  office: UnitKey;
  period: Period | null;
  cause: EditCause;
  /** Free text kept with every history row of the batch (null for ordinary edits). */
  reason: string | null;
  /** False only for a preview that is rolled back (edits.apply's isPreview). */
  isHistoryKept: boolean;
  language: Language;
  at: string;
  today: string;
  userName: string | null;
};

type StatusState = { values: DbStatusColumns; isChanged: boolean };
export type RecordState = { spec: RegisterSpec; row: Record<string, DbValue>; isNew: boolean; isChanged: boolean };

export class EditBatch {
  readonly batchId = randomUUID();
  readonly statuses = new Map<string, StatusState>();
  readonly records = new Map<string, RecordState>();
  readonly history: DbHistoryInsert[] = [];
  /** Records the answer shows, per sheet, in the order first touched. */
  readonly touched: Record<SheetName, Set<string>> = { communeStatuses: new Set(), hotspots: new Set(), modelSites: new Set() };
  /** Communes whose computed counts may have changed through a register edit. */
  readonly affectedCommunes = new Set<string>();
  readonly created: { sheet: SheetName; id: string }[] = [];
  private communes: Set<string> | null = null;
  private readonly communeChecks = new Map<string, boolean>();
  private isLocked: boolean | null = null;
  private units: Map<string, string> | null = null;
  private readonly lastLocalNumber = new Map<string, number>();
  private readonly localCodes = new Set<string>();

  constructor(readonly setup: BatchSetup) {}

  /** Whether the batch's period is locked (read inside the transaction, once). */
  isPeriodLocked(): boolean {
    const { period, db } = this.setup;
    this.isLocked ??= period !== null && getPeriod(db, period.id)?.status === 'LOCKED';
    return this.isLocked;
  }

  /**
   * Whether a commune is under the office. A typed cell asks about one commune: it is
   * looked up alone; a batch that asks about many reads the office's list once.
   */
  isOfficeCommune(code: string): boolean {
    if (this.communes) return this.communes.has(code);
    let known = this.communeChecks.get(code);
    if (known === undefined) {
      if (this.communeChecks.size >= SINGLE_COMMUNE_CHECKS) {
        this.communes = listCommuneCodesUnder(this.setup.db, this.setup.office);
        return this.communes.has(code);
      }
      known = isCommuneUnder(this.setup.db, this.setup.office, code);
      this.communeChecks.set(code, known);
    }
    return known;
  }

  /** The office's unit and the units under it: code → level. */
  officeUnits(): Map<string, string> {
    if (!this.units) {
      const { scheme, level, code } = this.setup.office;
      this.units = new Map(listUnitsUnder(this.setup.db, scheme, level, code).map((u) => [u.code, u.level]));
    }
    return this.units;
  }

  status(communeCode: string, periodId: string): StatusState {
    let state = this.statuses.get(communeCode);
    if (!state) {
      const stored = getStatusRow(this.setup.db, periodId, this.setup.office.scheme, communeCode);
      const values = {} as DbStatusColumns;
      for (const key of COMMUNE_STATUS_FIELD_KEYS) values[key] = stored?.[key] ?? null;
      state = { values, isChanged: false };
      this.statuses.set(communeCode, state);
    }
    return state;
  }

  record(spec: RegisterSpec, id: string): RecordState | undefined {
    const key = `${spec.sheet}:${id}`;
    let state = this.records.get(key);
    if (!state) {
      const stored = getRegisterRow(this.setup.db, spec.table, id);
      if (!stored) return undefined;
      state = { spec, row: { ...stored }, isNew: false, isChanged: false };
      this.records.set(key, state);
    }
    return state;
  }

  addRecord(spec: RegisterSpec, row: Record<string, DbValue> & { id: string }): void {
    this.records.set(`${spec.sheet}:${row.id}`, { spec, row, isNew: true, isChanged: true });
    if (typeof row.local_code === 'string') this.localCodes.add(row.local_code);
  }

  isLocalCodeUsedInBatch(code: string): boolean {
    return this.localCodes.has(code);
  }

  /** `{commune}-{yyyy}-{nnn}`: the next free number after the highest one stored or given in this batch. */
  nextLocalCode(communeCode: string, year: string): string {
    const prefix = `${communeCode}-${year}-`;
    let n = this.lastLocalNumber.get(prefix) ?? lastLocalCodeNumber(this.setup.db, prefix);
    let code: string;
    do {
      n += 1;
      code = `${prefix}${String(n).padStart(3, '0')}`;
    } while (this.localCodes.has(code));
    this.lastLocalNumber.set(prefix, n);
    return code;
  }

  /** `fields`: a created row's filled fields, kept inside its create entry (db/queries/history.ts). */
  note(table: HistoryTable, recordId: string, field: string | null, oldValue: FieldValue, newValue: FieldValue, cause: string, fields?: { pairs: readonly (readonly [string, FieldValue])[]; cause: string }): void {
    const { at, userName, period } = this.setup;
    this.history.push({
      ...(fields && { fields: { json: `[${fields.pairs.map(([key, value]) => `[${JSON.stringify(key)},${JSON.stringify(value)}]`).join(',')}]`, count: fields.pairs.length, cause: fields.cause } }),
      batch_id: this.batchId,
      at,
      user_name: userName,
      table_name: table,
      record_id: recordId,
      period_id: table === 'commune_statuses' ? (period?.id ?? null) : null,
      field,
      old_value: JSON.stringify(oldValue),
      new_value: JSON.stringify(newValue),
      cause,
      reason: this.setup.reason,
    });
  }

  /** Writes every changed row once, then the history; call inside a transaction. */
  flush(): void {
    const { db, period, office, at, userName } = this.setup;
    const changedStatuses = [...this.statuses].filter(([, s]) => s.isChanged);
    if (period && changedStatuses.length > 0) {
      insertPeriodIfMissing(db, {
        id: period.id,
        kind: period.kind,
        year: period.year,
        seq: period.seq,
        start_date: period.startDate,
        end_date: period.endDate,
        created_at: at,
      });
      for (const [communeCode, state] of changedStatuses) {
        upsertStatusRow(db, { periodId: period.id, scheme: office.scheme, communeCode, values: state.values, updatedAt: at, updatedBy: userName });
      }
    }
    // A hotspot may point at one created later in the same batch: check references at commit.
    db.pragma('defer_foreign_keys = ON');
    for (const state of this.records.values()) {
      if (!state.isChanged) continue;
      const row = { ...state.row, updated_at: at, updated_by: userName };
      if (state.isNew) insertRegisterRow(db, state.spec.table, state.spec.insertColumns, row);
      else updateRegisterRow(db, state.spec.table, state.spec.updateColumns, row);
    }
    if (this.setup.isHistoryKept) insertHistory(db, this.history);
  }
}
