/**
 * The durability rule of the sheet: a cell is "saved" only when communeStatus.update
 * has answered. Edits are sent one at a time, in the order they were made, so two
 * quick edits of the same cell cannot land in the wrong order. Until an answer comes
 * the cell shows its new value marked pending; the answer's row then becomes the truth
 * (other cells still pending keep their new values on top of it); a refusal puts the
 * last saved value back.
 */
import type { CommuneRow } from '../../shared/api/contract';
import type { CommuneStatusField, FieldValue } from '../../shared/domain/commune-status';

export type CellRef = { communeCode: string; field: CommuneStatusField };
export type CellChange = CellRef & { value: FieldValue };
export type SaveChanges = (periodId: string, changes: CellChange[]) => Promise<CommuneRow[]>;

export type SaveListener = {
  /** A row's shown values changed (saved, reverted or overlaid with pending edits). */
  rowChanged(row: CommuneRow): void;
  cellSaved(cell: CellRef, at: Date): void;
  cellFailed(cell: CellRef, error: unknown): void;
  /** Edits sent but not yet answered, across periods. */
  pendingChanged(count: number): void;
};

type Pending = { value: FieldValue; seq: number };

export function cellKey(communeCode: string, field: CommuneStatusField): string {
  return `${communeCode}|${field}`;
}

export class CommuneSaveQueue {
  private periodId = '';
  private readonly confirmed = new Map<string, CommuneRow>();
  private readonly pending = new Map<string, Pending>();
  private chain: Promise<void> = Promise.resolve();
  private seq = 0;
  private inFlight = 0;
  private readonly save: SaveChanges;
  private readonly listener: SaveListener;

  constructor(save: SaveChanges, listener: SaveListener) {
    this.save = save;
    this.listener = listener;
  }

  /** Starts showing a period; answers for an earlier period then only update the status line. */
  load(periodId: string, rows: CommuneRow[]): CommuneRow[] {
    this.periodId = periodId;
    this.confirmed.clear();
    this.pending.clear();
    for (const row of rows) this.confirmed.set(row.code, row);
    return rows.map((row) => this.shown(row.code) ?? row);
  }

  isPending(communeCode: string, field: CommuneStatusField): boolean {
    return this.pending.has(cellKey(communeCode, field));
  }

  /** Records a user's edit and queues it for saving. */
  edit(change: CellChange): void {
    const key = cellKey(change.communeCode, change.field);
    const seq = ++this.seq;
    const periodId = this.periodId;
    this.pending.set(key, { value: change.value, seq });
    this.inFlight += 1;
    this.listener.pendingChanged(this.inFlight);
    this.chain = this.chain.then(() => this.send(periodId, change, key, seq));
  }

  /** Resolves when every queued edit has been answered (for tests and shutdown). */
  settled(): Promise<void> {
    return this.chain;
  }

  private async send(periodId: string, change: CellChange, key: string, seq: number): Promise<void> {
    const cell: CellRef = { communeCode: change.communeCode, field: change.field };
    const isCurrent = () => periodId === this.periodId;
    try {
      const rows = await this.save(periodId, [change]);
      if (isCurrent()) {
        for (const row of rows) this.confirmed.set(row.code, row);
        if (this.pending.get(key)?.seq === seq) this.pending.delete(key);
        for (const row of rows) this.emit(row.code);
      }
      this.listener.cellSaved(cell, new Date());
    } catch (error) {
      if (isCurrent() && this.pending.get(key)?.seq === seq) {
        this.pending.delete(key);
        this.emit(change.communeCode);
      }
      this.listener.cellFailed(cell, error);
    } finally {
      this.inFlight -= 1;
      this.listener.pendingChanged(this.inFlight);
    }
  }

  private emit(communeCode: string): void {
    const row = this.shown(communeCode);
    if (row !== null) this.listener.rowChanged(row);
  }

  /** The saved row with the still-pending edits on top, as a fresh object for the grid. */
  shown(communeCode: string): CommuneRow | null {
    const row = this.confirmed.get(communeCode);
    if (row === undefined) return null;
    const status = { ...row.status };
    const prefix = `${communeCode}|`;
    for (const [key, pending] of this.pending) {
      if (key.startsWith(prefix)) status[key.slice(prefix.length) as CommuneStatusField] = pending.value;
    }
    return { ...row, status };
  }
}
