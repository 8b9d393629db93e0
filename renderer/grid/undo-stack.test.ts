import { describe, expect, it } from 'vitest';
import { redoEdits, stepFromBatch, undoEdits, type PlannedEdit, type Step } from './edit-steps';
import { undoStackFor, UndoStack } from './undo-stack';

const step = (n: number): Step => ({ ops: [{ kind: 'set', sheet: 'communeStatuses', id: `c${n}`, field: 'note', oldValue: null, newValue: `v${n}` }] });

describe('UndoStack', () => {
  it('undoes and redoes in order', () => {
    const stack = new UndoStack();
    const [a, b] = [step(1), step(2)];
    stack.push(a);
    stack.push(b);
    expect(stack.nextUndo()).toBe(b);
    stack.markUndone(b);
    expect(stack.nextUndo()).toBe(a);
    expect(stack.nextRedo()).toBe(b);
    stack.markRedone(b);
    expect(stack.nextUndo()).toBe(b);
    expect(stack.redoCount).toBe(0);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    const stack = new UndoStack(100);
    const steps = Array.from({ length: 105 }, (_, i) => step(i));
    for (const s of steps) stack.push(s);
    expect(stack.undoCount).toBe(100);
    for (let i = 0; i < 100; i += 1) {
      const next = stack.nextUndo();
      if (next) stack.markUndone(next);
    }
    expect(stack.nextUndo()).toBeNull();
    expect(stack.nextRedo()).toBe(steps[5]);
  });

  it('drops the redo side when a new step is recorded', () => {
    const stack = new UndoStack();
    const a = step(1);
    stack.push(a);
    stack.markUndone(a);
    expect(stack.redoCount).toBe(1);
    stack.push(step(2));
    expect(stack.nextRedo()).toBeNull();
  });

  it('ignores a stale mark (the step was not the top one)', () => {
    const stack = new UndoStack();
    const [a, b] = [step(1), step(2)];
    stack.push(a);
    stack.push(b);
    stack.markUndone(a);
    expect(stack.undoCount).toBe(2);
  });

  it('gives one stack per sheet and period, kept across a switch to another period and back', () => {
    const q3 = undoStackFor('hotspots-test', '2025-Q3');
    q3.push(step(1));
    expect(undoStackFor('hotspots-test', '2025-Q3')).toBe(q3);
    const q4 = undoStackFor('hotspots-test', '2025-Q4');
    expect(q4).not.toBe(q3);
    expect(q4.undoCount).toBe(0);
    expect(undoStackFor('hotspots-test', '2025-Q3').undoCount).toBe(1);
    expect(undoStackFor('modelSites-test', '2025-Q3')).not.toBe(q3);
  });
});

describe('steps from batches', () => {
  const paste: PlannedEdit[] = [
    { edit: { sheet: 'hotspots', op: 'set', id: 'h1', field: 'address', value: 'Số 5' }, oldValue: 'Số 4' },
    { edit: { sheet: 'hotspots', op: 'set', id: 'h1', field: 'persons_involved', value: 3 }, oldValue: 3 },
    { edit: { sheet: 'hotspots', op: 'create', values: { commune_code: '00454' } } },
    { edit: { sheet: 'hotspots', op: 'create', values: { commune_code: '99999' } } },
    { edit: { sheet: 'hotspots', op: 'create', values: { commune_code: '00457' } } },
  ];

  it('groups a paste into one step, skipping refused and unchanged edits', () => {
    const result = { created: [{ sheet: 'hotspots' as const, id: 'h7' }, { sheet: 'hotspots' as const, id: 'h8' }], rejected: [{ index: 3, code: 'X', message: 'x' }] };
    const s = stepFromBatch(paste, result);
    expect(s?.ops).toEqual([
      { kind: 'set', sheet: 'hotspots', id: 'h1', field: 'address', oldValue: 'Số 4', newValue: 'Số 5' },
      { kind: 'create', sheet: 'hotspots', id: 'h7' },
      { kind: 'create', sheet: 'hotspots', id: 'h8' },
    ]);
  });

  it('undo removes the created rows and restores old values, last first; redo restores the rows', () => {
    const s = stepFromBatch(paste, { created: [{ sheet: 'hotspots', id: 'h7' }, { sheet: 'hotspots', id: 'h8' }, { sheet: 'hotspots', id: 'h9' }], rejected: [] });
    if (!s) throw new Error('no step');
    expect(undoEdits(s)).toEqual([
      { sheet: 'hotspots', op: 'remove', id: 'h9' },
      { sheet: 'hotspots', op: 'remove', id: 'h8' },
      { sheet: 'hotspots', op: 'remove', id: 'h7' },
      { sheet: 'hotspots', op: 'set', id: 'h1', field: 'address', value: 'Số 4' },
    ]);
    expect(redoEdits(s)).toEqual([
      { sheet: 'hotspots', op: 'set', id: 'h1', field: 'address', value: 'Số 5' },
      { sheet: 'hotspots', op: 'restore', id: 'h7' },
      { sheet: 'hotspots', op: 'restore', id: 'h8' },
      { sheet: 'hotspots', op: 'restore', id: 'h9' },
    ]);
  });

  it('inverts a removal into a restore and compares sets by content', () => {
    const s = stepFromBatch(
      [
        { edit: { sheet: 'hotspots', op: 'remove', id: 'h2' } },
        { edit: { sheet: 'hotspots', op: 'set', id: 'h3', field: 'drug_types', value: ['HEROIN'] }, oldValue: ['HEROIN'] },
      ],
      { created: [], rejected: [] },
    );
    expect(s?.ops).toEqual([{ kind: 'remove', sheet: 'hotspots', id: 'h2' }]);
    if (s) expect(undoEdits(s)).toEqual([{ sheet: 'hotspots', op: 'restore', id: 'h2' }]);
  });

  it('returns no step when nothing was stored', () => {
    expect(stepFromBatch(paste.slice(0, 1), { created: [], rejected: [{ index: 0, code: 'X', message: 'x' }] })).toBeNull();
  });
});
