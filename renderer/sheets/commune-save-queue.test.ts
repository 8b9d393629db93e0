import { describe, expect, it } from 'vitest';
import type { CommuneRow } from '../../shared/api/contract';
import { emptyStatus } from '../../shared/domain/commune-status';
import { CommuneSaveQueue, type CellChange, type CellRef, type SaveListener } from './commune-save-queue';

function row(code: string, patch: Partial<CommuneRow['status']> = {}, rowVersion = 0): CommuneRow {
  return { code, name: `Xã ${code}`, unitType: 'xa', parentName: 'Huyện Đông Anh', status: { ...emptyStatus(), ...patch }, rowVersion, updatedAt: null };
}

type Call = { periodId: string; changes: CellChange[]; resolve: (rows: CommuneRow[]) => void; reject: (e: unknown) => void };

/** A save function whose answers the test gives by hand, to look at the in-between states. */
function manualSave() {
  const calls: Call[] = [];
  const save = (periodId: string, changes: CellChange[]) =>
    new Promise<CommuneRow[]>((resolve, reject) => {
      calls.push({ periodId, changes, resolve, reject });
    });
  return { calls, save };
}

function recorder() {
  const events = { rows: [] as CommuneRow[], saved: [] as CellRef[], failed: [] as CellRef[], pending: [] as number[] };
  const listener: SaveListener = {
    rowChanged: (r) => events.rows.push(r),
    cellSaved: (c) => events.saved.push(c),
    cellFailed: (c) => events.failed.push(c),
    pendingChanged: (n) => events.pending.push(n),
  };
  return { events, listener };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CommuneSaveQueue', () => {
  it('marks an edit pending until the save answers, then shows the saved row', async () => {
    const { calls, save } = manualSave();
    const { events, listener } = recorder();
    const queue = new CommuneSaveQueue(save, listener);
    queue.load('2025-Q3', [row('00454')]);

    queue.edit({ communeCode: '00454', field: 'addicts_with_records', value: 3 });
    await tick();
    expect(queue.isPending('00454', 'addicts_with_records')).toBe(true);
    expect(events.saved).toEqual([]);
    expect(calls).toHaveLength(1);

    calls[0]?.resolve([row('00454', { addicts_with_records: 3 }, 1)]);
    await queue.settled();
    expect(queue.isPending('00454', 'addicts_with_records')).toBe(false);
    expect(events.saved).toEqual([{ communeCode: '00454', field: 'addicts_with_records' }]);
    expect(events.rows.at(-1)?.status.addicts_with_records).toBe(3);
    expect(events.pending).toEqual([1, 0]);
  });

  it('sends edits one at a time, in order', async () => {
    const { calls, save } = manualSave();
    const queue = new CommuneSaveQueue(save, recorder().listener);
    queue.load('2025-Q3', [row('00454')]);
    queue.edit({ communeCode: '00454', field: 'resident_population', value: 1 });
    queue.edit({ communeCode: '00454', field: 'resident_population', value: 2 });
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]?.resolve([row('00454', { resident_population: 1 }, 1)]);
    await tick();
    await tick();
    expect(calls.map((c) => c.changes[0]?.value)).toEqual([1, 2]);
  });

  it('keeps other pending values on top of an answered row', async () => {
    const { calls, save } = manualSave();
    const { events, listener } = recorder();
    const queue = new CommuneSaveQueue(save, listener);
    queue.load('2025-Q3', [row('00454')]);
    queue.edit({ communeCode: '00454', field: 'declared_class', value: 'KHONG_MA_TUY' });
    queue.edit({ communeCode: '00454', field: 'resident_population', value: 12345 });
    await tick();
    calls[0]?.resolve([row('00454', { declared_class: 'KHONG_MA_TUY' }, 1)]);
    await tick();
    const shown = events.rows.at(-1);
    expect(shown?.status.declared_class).toBe('KHONG_MA_TUY');
    expect(shown?.status.resident_population).toBe(12345);
    expect(queue.isPending('00454', 'resident_population')).toBe(true);
  });

  it('puts the last saved value back when a save is refused', async () => {
    const { calls, save } = manualSave();
    const { events, listener } = recorder();
    const queue = new CommuneSaveQueue(save, listener);
    queue.load('2025-Q3', [row('00454', { addicts_with_records: 5 }, 1)]);
    queue.edit({ communeCode: '00454', field: 'addicts_with_records', value: 9 });
    await tick();
    calls[0]?.reject(new Error('PERIOD_LOCKED'));
    await queue.settled();
    expect(events.failed).toEqual([{ communeCode: '00454', field: 'addicts_with_records' }]);
    expect(events.saved).toEqual([]);
    expect(events.rows.at(-1)?.status.addicts_with_records).toBe(5);
    expect(queue.isPending('00454', 'addicts_with_records')).toBe(false);
  });

  it('does not let an answer for an earlier period change the rows shown now', async () => {
    const { calls, save } = manualSave();
    const { events, listener } = recorder();
    const queue = new CommuneSaveQueue(save, listener);
    queue.load('2025-Q3', [row('00454')]);
    queue.edit({ communeCode: '00454', field: 'addicts_with_records', value: 3 });
    queue.load('2025-Q4', [row('00454')]);
    await tick();
    calls[0]?.resolve([row('00454', { addicts_with_records: 3 }, 1)]);
    await queue.settled();
    expect(calls[0]?.periodId).toBe('2025-Q3');
    expect(events.rows).toEqual([]);
    expect(events.saved).toHaveLength(1);
  });
});
