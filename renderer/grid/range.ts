/**
 * A rectangular cell range on AG Grid Community, which has row selection only (cell
 * ranges are Enterprise). Positions are display indices: the range is what the user
 * sees, so it is dropped when sorting or filtering moves the rows under it.
 */
export type CellPos = { row: number; col: number };
export type CellRange = { anchor: CellPos; focus: CellPos };
export type Bounds = { top: number; bottom: number; left: number; right: number };

export function singleCell(pos: CellPos): CellRange {
  return { anchor: pos, focus: pos };
}

export function boundsOf(range: CellRange): Bounds {
  return {
    top: Math.min(range.anchor.row, range.focus.row),
    bottom: Math.max(range.anchor.row, range.focus.row),
    left: Math.min(range.anchor.col, range.focus.col),
    right: Math.max(range.anchor.col, range.focus.col),
  };
}

export function isInRange(range: CellRange | null, pos: CellPos): boolean {
  if (range === null) return false;
  const b = boundsOf(range);
  return pos.row >= b.top && pos.row <= b.bottom && pos.col >= b.left && pos.col <= b.right;
}

/** True when the range covers more than the focused cell (then it is painted). */
export function isMultiCell(range: CellRange | null): boolean {
  return range !== null && (range.anchor.row !== range.focus.row || range.anchor.col !== range.focus.col);
}

/** Shift+arrow: the focus moves, the anchor stays; both stay inside the sheet. */
export function extendRange(range: CellRange, dRow: number, dCol: number, rowCount: number, colCount: number): CellRange {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  return { anchor: range.anchor, focus: { row: clamp(range.focus.row + dRow, rowCount), col: clamp(range.focus.col + dCol, colCount) } };
}

/** The display rows a range covers, top to bottom. */
export function rowsOf(range: CellRange): number[] {
  const b = boundsOf(range);
  return Array.from({ length: b.bottom - b.top + 1 }, (_, i) => b.top + i);
}
