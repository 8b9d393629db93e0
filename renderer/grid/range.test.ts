import { describe, expect, it } from 'vitest';
import { commandOf, type KeyInfo } from './grid-keys';
import { boundsOf, extendRange, isInRange, isMultiCell, rowsOf, singleCell } from './range';

const key = (k: string, mods: Partial<KeyInfo> = {}): KeyInfo => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('cell ranges', () => {
  it('normalises an anchor below-right of the focus', () => {
    const r = { anchor: { row: 5, col: 4 }, focus: { row: 2, col: 1 } };
    expect(boundsOf(r)).toEqual({ top: 2, bottom: 5, left: 1, right: 4 });
    expect(isInRange(r, { row: 3, col: 4 })).toBe(true);
    expect(isInRange(r, { row: 6, col: 4 })).toBe(false);
    expect(rowsOf(r)).toEqual([2, 3, 4, 5]);
  });

  it('extends with shift+arrows inside the sheet, keeping the anchor', () => {
    let r = singleCell({ row: 0, col: 0 });
    expect(isMultiCell(r)).toBe(false);
    r = extendRange(r, 1, 0, 3, 2);
    r = extendRange(r, 1, 1, 3, 2);
    r = extendRange(r, 1, 1, 3, 2);
    expect(r).toEqual({ anchor: { row: 0, col: 0 }, focus: { row: 2, col: 1 } });
    expect(isMultiCell(r)).toBe(true);
    expect(extendRange(r, -9, -9, 3, 2).focus).toEqual({ row: 0, col: 0 });
  });
});

describe('grid keys', () => {
  it('maps the Excel shortcuts', () => {
    expect(commandOf(key('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(commandOf(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(commandOf(key('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
    expect(commandOf(key('d', { ctrlKey: true }))).toEqual({ kind: 'fill' });
    expect(commandOf(key('Delete'))).toEqual({ kind: 'clear' });
    expect(commandOf(key('Home', { ctrlKey: true }))).toEqual({ kind: 'jump', to: 'start' });
    expect(commandOf(key('End', { ctrlKey: true }))).toEqual({ kind: 'jump', to: 'end' });
    expect(commandOf(key('Home'))).toEqual({ kind: 'jump', to: 'rowStart' });
    expect(commandOf(key('ArrowDown', { shiftKey: true }))).toEqual({ kind: 'extend', dRow: 1, dCol: 0 });
  });

  it('leaves plain typing, arrows, copy and paste to the grid and the browser', () => {
    for (const k of [key('a'), key('ArrowDown'), key('c', { ctrlKey: true }), key('v', { ctrlKey: true }), key('Enter'), key('F2'), key('Backspace')]) {
      expect(commandOf(k)).toBeNull();
    }
  });
});
