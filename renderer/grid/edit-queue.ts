/**
 * The durability rule of every sheet: a cell is "saved" only once edits.apply has
 * answered. Batches go one at a time, in the order they were made, so two quick edits
 * of one cell cannot land in the wrong order. Until the answer a set edit shows its new
 * value marked pending; the returned rows then become the truth (other cells still
 * pending keep their values on top). A typed value the services refuse (a row rule, e.g.
 * elimination before discovery) is never thrown away: it stays shown in its cell, with
 * the services' sentence, until the user types over it, clears it or undoes it — the
 * saved value underneath is kept apart for that undo.
 */
import type { EditsResult } from '../../shared/api/contract';
import type { Edit, EditCause, SheetName } from '../../shared/api/register-types';
import type { FieldValue } from '../../shared/domain/fields';

/** How the queue reads and rebuilds one sheet's row type. */
export type RowAccess<Row> = {
  sheet: SheetName;
  idOf(row: Row): string;
  valueOf(row: Row, field: string): FieldValue;
  withValues(row: Row, values: Readonly<Record<string, FieldValue>>): Row;
  rowsOf(result: EditsResult): readonly Row[];
  isRemoved(row: Row): boolean;
};

export type EditRequest = { cause: EditCause; mode: 'all' | 'valid'; edits: Edit[] };
export type SendEdits = (periodId: string, request: EditRequest) => Promise<EditsResult>;
export type BatchOutcome = { ok: true; result: EditsResult } | { ok: false; error: unknown };
export type RowChanges<Row> = { update: Row[]; add: Row[]; remove: Row[] };

export type QueueListener<Row> = {
  rowsChanged(changes: RowChanges<Row>): void;
  batchSaved(at: Date): void;
  batchFailed(error: unknown): void;
  /** Batches sent but not yet answered, across periods. */
  pendingChanged(count: number): void;
};

type Pending = { value: FieldValue; seq: number };
type Refusal = { value: FieldValue; message: string; seq: number };

const keyOf = (id: string, field: string) => `${id}\u0000${field}`;

export class EditQueue<Row> {
  private scope = '';
  private readonly confirmed = new Map<string, Row>();
  private readonly pending = new Map<string, Pending>();
  private readonly refused = new Map<string, Refusal>();
  private chain: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private inFlight = 0;
  private readonly access: RowAccess<Row>;
  private readonly send: SendEdits;
  private readonly listener: QueueListener<Row>;
  private readonly refusalOf: (error: unknown) => string | null;

  /** `refusalOf` gives the sentence of a failed batch the user caused (a rule), null for a failure of the app. */
  constructor(access: RowAccess<Row>, send: SendEdits, listener: QueueListener<Row>, refusalOf: (error: unknown) => string | null = () => null) {
    this.access = access;
    this.send = send;
    this.listener = listener;
    this.refusalOf = refusalOf;
  }

  /** Starts showing a period; answers for an earlier period then only update the status line. */
  load(periodId: string, rows: readonly Row[]): Row[] {
    this.scope = periodId;
    this.confirmed.clear();
    this.pending.clear();
    this.refused.clear();
    for (const row of rows) this.confirmed.set(this.access.idOf(row), row);
    return this.rows();
  }

  isPending(id: string, field: string): boolean {
    return this.pending.has(keyOf(id, field));
  }

  /** The services' sentence for a refused value still shown in the cell, or null. */
  refusalAt(id: string, field: string): string | null {
    return this.refused.get(keyOf(id, field))?.message ?? null;
  }

  hasRefusals(): boolean {
    return this.refused.size > 0;
  }

  /** The refused values still shown in a row, to send again once another cell of it changed. */
  refusalsIn(id: string): { field: string; value: FieldValue }[] {
    const prefix = `${id}\u0000`;
    return [...this.refused].flatMap(([key, r]) => (key.startsWith(prefix) ? [{ field: key.slice(prefix.length), value: r.value }] : []));
  }

  /** The value stored for a cell, under any pending or refused value. */
  savedValue(id: string, field: string): FieldValue {
    const row = this.confirmed.get(id);
    return row === undefined ? null : this.access.valueOf(row, field);
  }

  /** Undo of a refused value: the most recent one gives way to the saved value again. */
  dropLastRefusal(): boolean {
    let last: [string, Refusal] | null = null;
    for (const entry of this.refused) if (last === null || entry[1].seq >= last[1].seq) last = entry;
    if (last === null) return false;
    this.refused.delete(last[0]);
    this.listener.rowsChanged({ update: this.shownRows([last[0].split('\u0000')[0] ?? '']), add: [], remove: [] });
    return true;
  }

  /** The shown rows, in load order (rows created later at the end). */
  rows(): Row[] {
    return [...this.confirmed.keys()].flatMap((id) => this.shown(id) ?? []);
  }

  /** Queues a batch; resolves with its answer (never rejects). */
  submit(request: EditRequest): Promise<BatchOutcome> {
    const seq = ++this.seq;
    const periodId = this.scope;
    const touched = new Set<string>();
    for (const edit of request.edits) {
      if (edit.op !== 'set' || edit.sheet !== this.access.sheet) continue;
      this.refused.delete(keyOf(edit.id, edit.field));
      this.pending.set(keyOf(edit.id, edit.field), { value: edit.value, seq });
      touched.add(edit.id);
    }
    this.inFlight += 1;
    this.listener.pendingChanged(this.inFlight);
    if (touched.size > 0) this.listener.rowsChanged({ update: this.shownRows(touched), add: [], remove: [] });
    const answer = this.chain.then(() => this.run(periodId, request, seq, touched));
    this.chain = answer;
    return answer;
  }

  /** Resolves when every queued batch has been answered (tests, shutdown). */
  settled(): Promise<unknown> {
    return this.chain;
  }

  private async run(periodId: string, request: EditRequest, seq: number, touched: Set<string>): Promise<BatchOutcome> {
    const isCurrent = () => periodId === this.scope;
    try {
      const result = await this.send(periodId, request);
      if (isCurrent()) {
        this.keepRefused(request, result, seq);
        this.applyAnswer(result, seq, touched);
      }
      this.listener.batchSaved(new Date());
      return { ok: true, result };
    } catch (error) {
      if (isCurrent()) {
        const message = this.refusalOf(error);
        if (message !== null) this.keepRefused(request, { rejected: request.edits.map((_, index) => ({ index, message })) }, seq);
        this.dropPending(seq);
        this.listener.rowsChanged({ update: this.shownRows(touched), add: [], remove: [] });
      }
      this.listener.batchFailed(error);
      return { ok: false, error };
    } finally {
      this.inFlight -= 1;
      this.listener.pendingChanged(this.inFlight);
    }
  }

  private applyAnswer(result: EditsResult, seq: number, touched: Set<string>): void {
    const changes: RowChanges<Row> = { update: [], add: [], remove: [] };
    const updated = new Set<string>(touched);
    this.dropPending(seq);
    for (const row of this.access.rowsOf(result)) {
      const id = this.access.idOf(row);
      const isKnown = this.confirmed.has(id);
      if (this.access.isRemoved(row)) {
        if (isKnown) {
          this.confirmed.delete(id);
          updated.delete(id);
          changes.remove.push(row);
        }
        continue;
      }
      this.confirmed.set(id, row);
      if (isKnown) updated.add(id);
      else changes.add.push(row);
    }
    changes.update = this.shownRows(updated);
    this.listener.rowsChanged(changes);
  }

  private keepRefused(request: EditRequest, result: { rejected: readonly { index: number; message: string }[] }, seq: number): void {
    // A typed value is kept; a block (paste, fill) lists its refused cells in its report,
    // and undo or redo only put back values the user had before.
    if (request.cause !== 'typing') return;
    for (const { index, message } of result.rejected) {
      const edit = request.edits[index];
      if (edit?.op === 'set' && edit.sheet === this.access.sheet) this.refused.set(keyOf(edit.id, edit.field), { value: edit.value, message, seq });
    }
  }

  private dropPending(seq: number): void {
    for (const [key, p] of this.pending) if (p.seq === seq) this.pending.delete(key);
  }

  private shownRows(ids: Iterable<string>): Row[] {
    return [...ids].flatMap((id) => this.shown(id) ?? []);
  }

  /** The saved row with the still-pending edits on top, as a fresh object for the grid. */
  shown(id: string): Row | null {
    const row = this.confirmed.get(id);
    if (row === undefined) return null;
    const prefix = `${id}\u0000`;
    const values: Record<string, FieldValue> = {};
    for (const [key, r] of this.refused) if (key.startsWith(prefix)) values[key.slice(prefix.length)] = r.value;
    for (const [key, p] of this.pending) if (key.startsWith(prefix)) values[key.slice(prefix.length)] = p.value;
    return this.access.withValues(row, values);
  }
}
