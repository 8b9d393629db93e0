/**
 * What one undo step holds, and the batches that undo and redo it. A step is the part
 * of an edits.apply batch the services accepted: set edits keep their old and new
 * values, created rows their new ids. Undoing a create removes the row; redoing it
 * restores the same row, so ids (and the history of the row) stay stable.
 */
import type { ApiInput, EditsResult } from '../../shared/api/contract';
import type { Edit, SheetName } from '../../shared/api/register-types';
import type { FieldValue } from '../../shared/domain/fields';

export type RegisterSheet = 'hotspots' | 'modelSites';

export type StepOp =
  | { kind: 'set'; sheet: SheetName; id: string; field: string; oldValue: FieldValue; newValue: FieldValue }
  | { kind: 'create' | 'remove' | 'restore'; sheet: RegisterSheet; id: string };

export type Step = { ops: readonly StepOp[] };

/** An edit as planned by the sheet, with the value it replaces (set edits only). */
export type PlannedEdit = { edit: Edit; oldValue?: FieldValue };

/**
 * The undo step of an answered batch, or null when nothing was stored. Created ids come
 * back in the order of the accepted create edits (a refused create gets no id).
 */
export function stepFromBatch(planned: readonly PlannedEdit[], result: Pick<EditsResult, 'created' | 'rejected'>): Step | null {
  const rejected = new Set(result.rejected.map((r) => r.index));
  const created = [...result.created];
  const ops: StepOp[] = [];
  planned.forEach(({ edit, oldValue }, index) => {
    if (rejected.has(index)) return;
    switch (edit.op) {
      case 'set':
        if (!sameValue(oldValue ?? null, edit.value)) {
          ops.push({ kind: 'set', sheet: edit.sheet, id: edit.id, field: edit.field, oldValue: oldValue ?? null, newValue: edit.value });
        }
        return;
      case 'create': {
        const next = created.shift();
        if (next !== undefined) ops.push({ kind: 'create', sheet: edit.sheet, id: next.id });
        return;
      }
      case 'remove':
      case 'restore':
        ops.push({ kind: edit.op, sheet: edit.sheet, id: edit.id });
    }
  });
  return ops.length === 0 ? null : { ops };
}

function setEdit(sheet: SheetName, id: string, field: string, value: FieldValue): Edit {
  return { sheet, op: 'set', id, field, value };
}

/** The batch that takes a step back: inverse edits, last first. */
export function undoEdits(step: Step): Edit[] {
  return [...step.ops].reverse().map((op): Edit => {
    switch (op.kind) {
      case 'set':
        return setEdit(op.sheet, op.id, op.field, op.oldValue);
      case 'create':
      case 'restore':
        return { sheet: op.sheet, op: 'remove', id: op.id };
      case 'remove':
        return { sheet: op.sheet, op: 'restore', id: op.id };
    }
  });
}

/** The batch that does a step again; a created row comes back by restoring it. */
export function redoEdits(step: Step): Edit[] {
  return step.ops.map((op): Edit => {
    switch (op.kind) {
      case 'set':
        return setEdit(op.sheet, op.id, op.field, op.newValue);
      case 'create':
      case 'restore':
        return { sheet: op.sheet, op: 'restore', id: op.id };
      case 'remove':
        return { sheet: op.sheet, op: 'remove', id: op.id };
    }
  });
}

/** Values compare by content: sets are arrays of codes. */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

type WireEdits = ApiInput<'edits.apply'>['edits'];

/**
 * The edits as the API's input type wants them: the validators infer mutable arrays,
 * while Edit (register-types) holds set values as readonly arrays.
 */
export function toWire(edits: readonly Edit[]): WireEdits {
  const copy = (v: FieldValue) => (Array.isArray(v) ? [...(v as readonly string[])] : (v as Exclude<FieldValue, readonly string[]>));
  return edits.map((e) => {
    if (e.op === 'set') return { ...e, value: copy(e.value) };
    if (e.op === 'create') return { ...e, values: Object.fromEntries(Object.entries(e.values).map(([k, v]) => [k, copy(v)])) };
    return e;
  });
}
