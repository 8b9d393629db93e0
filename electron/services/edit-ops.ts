/**
 * The checks and effects of each kind of edit. Each function either throws an AppError
 * before touching the batch, or applies its edit to the batch's in-memory rows and
 * notes the history. Row rules (domain.md §6.2 H1, §6.3 M1, M4) are checked only when
 * the edit touches one of their fields, so an old inconsistent row can still get a note.
 *
 * History of whole-row operations: a `create` writes one entry with field null (new
 * value: the row's code or name) plus one entry per filled field with the call's cause
 * (stored inside the create entry, one row per created record: db/queries/history.ts);
 * `remove` and `restore` write one entry on field `removed_at` (old/new timestamps).
 * Their cause is the operation ('create', 'remove', 'restore'), except when the call is
 * an undo or a redo, whose cause is kept: the entry then says "removed_at set by undo",
 * i.e. that the row was removed and by what.
 */
import { randomUUID } from 'node:crypto';
import { isLocalCodeTaken } from '../../db/queries/hotspots';
import type { DbValue } from '../../db/queries/register-rows';
import type { Edit } from '../../shared/api/register-types';
import { fieldDef, isCommuneStatusField } from '../../shared/domain/commune-status';
import { checkFieldValue, formatDate, wellFormedText } from '../../shared/domain/field-values';
import type { FieldDef, FieldValue } from '../../shared/domain/fields';
import { AppError } from '../../shared/errors';
import { term } from '../../shared/i18n/messages';
import type { EditBatch, RecordState } from './edit-batch';
import { decodeValue, encodeValue, recordLabel, REGISTERS, type RegisterSpec } from './registers';

/** Later values of date and level fields in the same batch, so a pasted pair of dates is judged as a pair. */
export type Lookahead = Map<string, { index: number; value: DbValue }>;

const RULE_FIELDS = new Set(['discovered_date', 'eliminated_date', 'establishment_date', 'ended_date']);
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/u;

export function buildLookahead(edits: readonly Edit[]): Lookahead {
  const out: Lookahead = new Map();
  edits.forEach((edit, index) => {
    if (edit.op !== 'set' || edit.sheet === 'communeStatuses' || !RULE_FIELDS.has(edit.field)) return;
    const def = REGISTERS[edit.sheet].fields.find((f) => f.key === edit.field);
    const checked = def ? checkFieldValue(def, edit.value) : null;
    if (def && checked?.ok) out.set(`${edit.sheet}:${edit.id}:${edit.field}`, { index, value: encodeValue(def, checked.value) });
  });
  return out;
}

function checkedValue(batch: EditBatch, def: FieldDef, value: FieldValue): DbValue {
  const result = checkFieldValue(def, value);
  if (!result.ok) {
    const shown = Array.isArray(value) ? value.join(', ') : String(value);
    // Cut, then repaired: the cut may split a surrogate pair, and a message must be valid UTF-8.
    throw new AppError('FIELD_VALUE_INVALID', { value: wellFormedText(shown.slice(0, 60)), field: def.labels[batch.setup.language], rule: term(result.rule) });
  }
  return encodeValue(def, result.value);
}

function editableField(spec: RegisterSpec, key: string): FieldDef {
  const def = spec.fields.find((f) => f.key === key);
  if (!def || def.isReadOnly) throw new AppError('FIELD_NOT_EDITABLE', { field: key.slice(0, 64), sheet: term(spec.term) });
  return def;
}

function checkRef(batch: EditBatch, def: FieldDef, value: DbValue, selfId: string): void {
  if (def.kind.type !== 'ref' || typeof value !== 'string') return;
  const target = def.kind.target;
  if (target === 'commune' && !batch.isOfficeCommune(value)) throw new AppError('COMMUNE_NOT_IN_OFFICE', { code: value });
  if (target === 'officeUnit' && !batch.officeUnits().has(value)) throw new AppError('UNIT_NOT_IN_OFFICE', { code: value });
  if (target === 'hotspot' && (value === selfId || !batch.record(REGISTERS.hotspots, value))) throw new AppError('HOTSPOT_REF_INVALID', { id: value });
  if (target === 'hotspot') checkNoReappearCycle(batch, value, selfId);
}

/**
 * "Re-emerged from" is a chain back in time, so it can never come back to the hotspot
 * itself (A from B from A): such a loop would make every count of re-emerged hotspots
 * run in circles. Checked here, on the one write path, with the batch's own pending
 * changes, so typing, paste, import and load all refuse it.
 */
function checkNoReappearCycle(batch: EditBatch, start: string, selfId: string): void {
  const spec = REGISTERS.hotspots;
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | null = start;
  while (current !== null && !seen.has(current)) {
    if (current === selfId) {
      const self = batch.record(spec, selfId);
      const label = self ? recordLabel(spec, self.row) : selfId;
      throw new AppError('HOTSPOT_REF_CYCLE', { label, other: chain[0] ?? label, chain: [label, ...chain, label].join(' → ') });
    }
    seen.add(current);
    const state = batch.record(spec, current);
    if (!state) return;
    chain.push(recordLabel(spec, state.row));
    const next = state.row.reappeared_from;
    current = typeof next === 'string' ? next : null;
  }
}

function dateOf(row: Record<string, DbValue>, key: string): string | null {
  const value = row[key];
  return typeof value === 'string' ? value : null;
}

/** The row as it will be after the batch, for the rule fields this edit does not set itself. */
function withLookahead(row: Record<string, DbValue>, spec: RegisterSpec, lookahead: Lookahead, index: number, own: ReadonlySet<string>): Record<string, DbValue> {
  // Read only by checkRowRules; a batch with no later dates (every import of new rows) needs no copy.
  if (lookahead.size === 0) return row;
  const out = { ...row };
  for (const key of RULE_FIELDS) {
    const later = own.has(key) ? undefined : lookahead.get(`${spec.sheet}:${String(row.id)}:${key}`);
    if (later && later.index > index) out[key] = later.value;
  }
  return out;
}

function checkRowRules(batch: EditBatch, spec: RegisterSpec, row: Record<string, DbValue>, touched: ReadonlySet<string>): void {
  if (spec.sheet === 'hotspots') {
    const discovered = dateOf(row, 'discovered_date');
    const eliminated = dateOf(row, 'eliminated_date');
    if (touched.has('discovered_date') && discovered !== null && discovered > batch.setup.today) {
      throw new AppError('HOTSPOT_DISCOVERED_IN_FUTURE', { date: formatDate(discovered) });
    }
    if ((touched.has('discovered_date') || touched.has('eliminated_date')) && discovered !== null && eliminated !== null && eliminated < discovered) {
      throw new AppError('HOTSPOT_ELIMINATED_BEFORE_DISCOVERED', { eliminated: formatDate(eliminated), discovered: formatDate(discovered) });
    }
    return;
  }
  const established = dateOf(row, 'establishment_date');
  const ended = dateOf(row, 'ended_date');
  if ((touched.has('establishment_date') || touched.has('ended_date')) && established !== null && ended !== null && ended < established) {
    throw new AppError('MODEL_ENDED_BEFORE_ESTABLISHED', { ended: formatDate(ended), established: formatDate(established) });
  }
  // Districts were abolished on 1/7/2025 (domain.md §6.3 M4): only the old list has them.
  if (touched.has('level') && row.level === 'HUYEN' && batch.setup.office.scheme !== 'GSO_2004') throw new AppError('MODEL_LEVEL_DISTRICT_GONE');
}

/** Communes whose computed counts depend on this register row. */
function noteAffected(batch: EditBatch, spec: RegisterSpec, row: Record<string, DbValue>): void {
  const code = spec.sheet === 'hotspots' ? row.commune_code : row.host_level === 'COMMUNE' ? row.host_unit_code : null;
  if (typeof code === 'string') batch.affectedCommunes.add(code);
}

function rowCause(batch: EditBatch, op: 'create' | 'remove' | 'restore'): string {
  return batch.setup.cause === 'undo' || batch.setup.cause === 'redo' ? batch.setup.cause : op;
}

export function setStatus(batch: EditBatch, edit: Extract<Edit, { sheet: 'communeStatuses' }>): void {
  const { period } = batch.setup;
  if (!period) throw new AppError('EDIT_NEEDS_PERIOD');
  if (batch.isPeriodLocked()) throw new AppError('PERIOD_LOCKED', { period: period.id });
  if (!isCommuneStatusField(edit.field)) throw new AppError('FIELD_NOT_EDITABLE', { field: edit.field.slice(0, 64), sheet: term('sheetCommuneStatuses') });
  if (!batch.isOfficeCommune(edit.id)) throw new AppError('COMMUNE_NOT_IN_OFFICE', { code: edit.id.slice(0, 64) });
  const def = fieldDef(edit.field);
  const value = checkedValue(batch, def, edit.value);
  const state = batch.status(edit.id, period.id);
  batch.touched.communeStatuses.add(edit.id);
  const old = state.values[edit.field];
  if (old === value) return;
  state.values[edit.field] = value;
  state.isChanged = true;
  batch.note('commune_statuses', edit.id, edit.field, decodeValue(def, old), decodeValue(def, value), batch.setup.cause);
}

function existing(batch: EditBatch, spec: RegisterSpec, id: string): RecordState {
  const state = batch.record(spec, id);
  if (!state) throw new AppError('RECORD_NOT_FOUND', { id: id.slice(0, 64), sheet: term(spec.term) });
  return state;
}

export function setRecord(batch: EditBatch, edit: Extract<Edit, { op: 'set'; sheet: 'hotspots' | 'modelSites' }>, index: number, lookahead: Lookahead): void {
  const spec = REGISTERS[edit.sheet];
  const def = editableField(spec, edit.field);
  const state = existing(batch, spec, edit.id);
  if (state.row.removed_at !== null) throw new AppError('RECORD_REMOVED', { label: recordLabel(spec, state.row) });
  const value = checkedValue(batch, def, edit.value);
  if (def.isRequired && value === null) throw new AppError('FIELD_REQUIRED', { field: def.labels[batch.setup.language] });
  checkRef(batch, def, value, edit.id);
  const own = new Set([edit.field]);
  checkRowRules(batch, spec, withLookahead({ ...state.row, [edit.field]: value }, spec, lookahead, index, own), own);
  batch.touched[spec.sheet].add(edit.id);
  const old = state.row[edit.field] ?? null;
  if (old === value) return;
  noteAffected(batch, spec, state.row);
  state.row[edit.field] = value;
  if (edit.field === 'host_unit_code' && typeof value === 'string') state.row.host_level = batch.officeUnits().get(value) ?? null;
  noteAffected(batch, spec, state.row);
  state.isChanged = true;
  batch.note(spec.table, edit.id, edit.field, decodeValue(def, old), decodeValue(def, value), batch.setup.cause);
}

function newId(batch: EditBatch, spec: RegisterSpec, given: FieldValue | undefined): string {
  if (given === undefined || given === null) return randomUUID();
  if (typeof given !== 'string' || !ID_PATTERN.test(given)) throw new AppError('FIELD_NOT_EDITABLE', { field: 'id', sheet: term(spec.term) });
  if (batch.record(spec, given)) throw new AppError('RECORD_ID_TAKEN', { id: given, sheet: term(spec.term) });
  return given;
}

/** A local code given by a load or import (kept as the record's identity), or a new one. */
function localCode(batch: EditBatch, row: Record<string, DbValue>, given: FieldValue | undefined): string {
  const commune = String(row.commune_code);
  if (given === undefined || given === null) {
    const discovered = dateOf(row, 'discovered_date');
    return batch.nextLocalCode(commune, discovered?.slice(0, 4) ?? batch.setup.today.slice(0, 4));
  }
  const def = REGISTERS.hotspots.fields.find((f) => f.key === 'local_code') as FieldDef;
  const code = String(checkedValue(batch, def, given));
  if (code === '' || batch.isLocalCodeUsedInBatch(code) || isLocalCodeTaken(batch.setup.db, code)) {
    throw new AppError('LOCAL_CODE_TAKEN', { code });
  }
  return code;
}

export function createRecord(batch: EditBatch, edit: Extract<Edit, { op: 'create' }>, index: number, lookahead: Lookahead): void {
  const spec = REGISTERS[edit.sheet];
  const id = newId(batch, spec, edit.values.id);
  const { at, userName, office } = batch.setup;
  const row: Record<string, DbValue> & { id: string } = { id, scheme: office.scheme, removed_at: null, created_at: at, updated_at: at, updated_by: userName };
  for (const def of spec.fields) row[def.key] = null;
  for (const [key, raw] of Object.entries(edit.values)) {
    if (key === 'id' || (key === 'local_code' && spec.sheet === 'hotspots')) continue;
    const def = editableField(spec, key);
    row[key] = checkedValue(batch, def, raw);
    checkRef(batch, def, row[key] ?? null, id);
  }
  const missing = spec.fields.find((f) => f.isRequired && row[f.key] === null);
  if (missing) throw new AppError('FIELD_REQUIRED', { field: missing.labels[batch.setup.language] });
  const all = new Set(spec.fields.map((f) => f.key));
  checkRowRules(batch, spec, withLookahead(row, spec, lookahead, index, new Set(Object.keys(edit.values))), all);
  if (spec.sheet === 'hotspots') row.local_code = localCode(batch, row, edit.values.local_code);
  else row.host_level = batch.officeUnits().get(String(row.host_unit_code)) ?? null;
  batch.addRecord(spec, row);
  batch.created.push({ sheet: spec.sheet, id });
  batch.touched[spec.sheet].add(id);
  noteAffected(batch, spec, row);
  const filled = spec.fields.flatMap((def) => {
    const value = row[def.key] ?? null;
    return value === null ? [] : [[def.key, decodeValue(def, value)] as const];
  });
  batch.note(spec.table, id, null, null, recordLabel(spec, row), rowCause(batch, 'create'), { pairs: filled, cause: batch.setup.cause });
}

export function removeOrRestore(batch: EditBatch, edit: Extract<Edit, { op: 'remove' | 'restore' }>): void {
  const spec = REGISTERS[edit.sheet];
  const state = existing(batch, spec, edit.id);
  batch.touched[spec.sheet].add(edit.id);
  const isRemove = edit.op === 'remove';
  // Removing a removed row (or restoring a present one) is a no-op, so undo and redo can repeat safely.
  if (isRemove === (state.row.removed_at !== null)) return;
  const old = state.row.removed_at ?? null;
  state.row.removed_at = isRemove ? batch.setup.at : null;
  state.isChanged = true;
  noteAffected(batch, spec, state.row);
  batch.note(spec.table, edit.id, 'removed_at', old, state.row.removed_at, rowCause(batch, edit.op));
}
