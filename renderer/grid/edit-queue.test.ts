import { describe, expect, it } from 'vitest';
import type { EditsResult } from '../../shared/api/contract';
import type { FieldValue } from '../../shared/domain/fields';
import { EditQueue, type EditRequest, type QueueListener, type RowAccess, type RowChanges } from './edit-queue';

type Row = { id: string; values: Record<string, FieldValue>; isRemoved: boolean };

const access: RowAccess<Row> = {
  sheet: 'hotspots',
  idOf: (r) => r.id,
  valueOf: (r, f) => r.values[f] ?? null,
  withValues: (r, v) => ({ ...r, values: { ...r.values, ...v } }),
  rowsOf: (result) => result.hotspots.map((h) => ({ id: h.id, values: { ...h.values }, isRemoved: h.isRemoved })),
  isRemoved: (r) => r.isRemoved,
};

const row = (id: string, values: Record<string, FieldValue> = {}, isRemoved = false): Row => ({ id, values, isRemoved });

function answer(rows: Row[], extra: Partial<EditsResult> = {}): EditsResult {
  const hotspots = rows.map((r) => ({ id: r.id, values: r.values, isRemoved: r.isRemoved })) as unknown as EditsResult['hotspots'];
  return { batchId: 'b1', created: [], rejected: [], communeRows: [], hotspots, modelSites: [], ...extra };
}

type Call = { request: EditRequest; resolve: (r: EditsResult) => void; reject: (e: unknown) => void };

function setUp() {
  const calls: Call[] = [];
  const events = { changes: [] as RowChanges<Row>[], saved: 0, failed: [] as unknown[], pending: [] as number[] };
  const listener: QueueListener<Row> = {
    rowsChanged: (c) => events.changes.push(c),
    batchSaved: () => (events.saved += 1),
    batchFailed: (e) => events.failed.push(e),
    pendingChanged: (n) => events.pending.push(n),
  };
  const send = (_periodId: string, request: EditRequest) => new Promise<EditsResult>((resolve, reject) => calls.push({ request, resolve, reject }));
  const queue = new EditQueue(access, send, listener);
  queue.load('2025-Q3', [row('h1', { address: 'A' }), row('h2')]);
  return { calls, events, queue };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const set = (id: string, field: string, value: FieldValue) => ({ sheet: 'hotspots' as const, op: 'set' as const, id, field, value });

describe('EditQueue', () => {
  it('shows a batch pending until it is answered, then the returned rows', async () => {
    const { calls, events, queue } = setUp();
    const done = queue.submit({ cause: 'paste', mode: 'valid', edits: [set('h1', 'address', 'B'), set('h2', 'note', 'x')] });
    expect(queue.isPending('h1', 'address')).toBe(true);
    expect(events.changes[0]?.update.map((r) => r.values)).toEqual([{ address: 'B' }, { note: 'x' }]);
    await tick();
    expect(events.saved).toBe(0);
    calls[0]?.resolve(answer([row('h1', { address: 'B' }), row('h2', { note: 'x' })]));
    const outcome = await done;
    expect(outcome.ok).toBe(true);
    expect(queue.isPending('h1', 'address')).toBe(false);
    expect(events.saved).toBe(1);
    expect(events.pending).toEqual([1, 0]);
  });

  it('sends batches one at a time, in order', async () => {
    const { calls, queue } = setUp();
    void queue.submit({ cause: 'typing', mode: 'all', edits: [set('h1', 'address', 'B')] });
    void queue.submit({ cause: 'typing', mode: 'all', edits: [set('h1', 'address', 'C')] });
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]?.resolve(answer([row('h1', { address: 'B' })]));
    await tick();
    expect(calls).toHaveLength(2);
    // The second edit is still pending: it stays on top of the first answer.
    expect(queue.shown('h1')?.values['address']).toBe('C');
  });

  it('puts the saved value back when the batch is refused, and for each rejected edit', async () => {
    const { calls, events, queue } = setUp();
    const refused = queue.submit({ cause: 'typing', mode: 'all', edits: [set('h1', 'address', 'B')] });
    await tick();
    calls[0]?.reject(new Error('locked'));
    expect((await refused).ok).toBe(false);
    expect(queue.shown('h1')?.values['address']).toBe('A');
    expect(events.failed).toHaveLength(1);
    const partly = queue.submit({ cause: 'paste', mode: 'valid', edits: [set('h1', 'address', 'Z'), set('h2', 'note', 'n')] });
    await tick();
    calls[1]?.resolve(answer([row('h2', { note: 'n' })], { rejected: [{ index: 0, code: 'X', message: 'no' }] }));
    await partly;
    expect(queue.shown('h1')?.values['address']).toBe('A');
    expect(events.changes.at(-1)?.update.map((r) => r.id).sort()).toEqual(['h1', 'h2']);
  });

  it('keeps a refused typed value in its cell, with the sentence, until typed over or undone', async () => {
    const { calls, queue } = setUp();
    const typed = queue.submit({ cause: 'typing', mode: 'all', edits: [set('h1', 'eliminated_date', '2025-03-01')] });
    await tick();
    calls[0]?.resolve(answer([row('h1', { address: 'A' })], { rejected: [{ index: 0, code: 'HOTSPOT_ELIMINATED_BEFORE_DISCOVERED', message: 'Ngày triệt xóa ở trước ngày phát hiện.' }] }));
    await typed;
    expect(queue.shown('h1')?.values['eliminated_date']).toBe('2025-03-01');
    expect(queue.refusalAt('h1', 'eliminated_date')).toBe('Ngày triệt xóa ở trước ngày phát hiện.');
    expect(queue.savedValue('h1', 'eliminated_date')).toBeNull();
    expect(queue.refusalsIn('h1')).toEqual([{ field: 'eliminated_date', value: '2025-03-01' }]);
    // Typed over: the new value is pending, the refusal gone.
    const again = queue.submit({ cause: 'typing', mode: 'all', edits: [set('h1', 'eliminated_date', '2025-09-01')] });
    expect(queue.refusalAt('h1', 'eliminated_date')).toBeNull();
    await tick();
    calls[1]?.resolve(answer([row('h1', { address: 'A' })], { rejected: [{ index: 0, code: 'X', message: 'still wrong' }] }));
    await again;
    expect(queue.shown('h1')?.values['eliminated_date']).toBe('2025-09-01');
    // Undo: the saved value comes back.
    expect(queue.dropLastRefusal()).toBe(true);
    expect(queue.shown('h1')?.values['eliminated_date']).toBeUndefined();
    expect(queue.hasRefusals()).toBe(false);
    expect(queue.dropLastRefusal()).toBe(false);
  });

  it('adds created and restored rows and drops removed ones', async () => {
    const { calls, events, queue } = setUp();
    const done = queue.submit({ cause: 'paste', mode: 'valid', edits: [{ sheet: 'hotspots', op: 'remove', id: 'h2' }, { sheet: 'hotspots', op: 'create', values: { address: 'N' } }] });
    await tick();
    calls[0]?.resolve(answer([row('h2', {}, true), row('h3', { address: 'N' })], { created: [{ sheet: 'hotspots', id: 'h3' }] }));
    await done;
    const last = events.changes.at(-1);
    expect(last?.add.map((r) => r.id)).toEqual(['h3']);
    expect(last?.remove.map((r) => r.id)).toEqual(['h2']);
    expect(queue.rows().map((r) => r.id)).toEqual(['h1', 'h3']);
  });

  it('ignores answers for a period no longer shown', async () => {
    const { calls, events, queue } = setUp();
    const done = queue.submit({ cause: 'typing', mode: 'all', edits: [set('h1', 'address', 'B')] });
    queue.load('2025-Q4', [row('h1', { address: 'Q4' })]);
    await tick();
    calls[0]?.resolve(answer([row('h1', { address: 'B' })]));
    await done;
    expect(queue.shown('h1')?.values['address']).toBe('Q4');
    expect(events.saved).toBe(1);
  });
});
