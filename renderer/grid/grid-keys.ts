/**
 * The Excel shortcuts the sheets handle themselves (AG Grid Community does not, or does
 * them on its own stack). Copy and paste are not here: they run on the browser's copy
 * and paste events, which a keydown handler must not cancel.
 */
export type GridCommand =
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'fill' }
  | { kind: 'clear' }
  | { kind: 'extend'; dRow: number; dCol: number }
  /** Ctrl+Home: the first cell of the sheet; Ctrl+End: the last cell of the last row; Home: the row's first data cell. */
  | { kind: 'jump'; to: 'start' | 'end' | 'rowStart' };

export type KeyInfo = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The command of a key press on a cell that is not being edited, or null. */
export function commandOf(e: KeyInfo): GridCommand | null {
  const isCtrl = (e.ctrlKey || e.metaKey) && !e.altKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (isCtrl && key === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
  if (isCtrl && key === 'y' && !e.shiftKey) return { kind: 'redo' };
  if (isCtrl && key === 'd' && !e.shiftKey) return { kind: 'fill' };
  // Backspace is not here: as in Excel it starts editing with an empty cell (Esc restores it).
  if (!isCtrl && !e.altKey && !e.shiftKey && key === 'Delete') return { kind: 'clear' };
  if (isCtrl && !e.shiftKey && (key === 'Home' || key === 'End')) return { kind: 'jump', to: key === 'Home' ? 'start' : 'end' };
  // Home is the grid's too, but it would stop on the tick boxes and leave the sheet scrolled.
  if (!isCtrl && !e.altKey && !e.shiftKey && key === 'Home') return { kind: 'jump', to: 'rowStart' };
  const arrow = ARROWS[key];
  if (arrow && e.shiftKey && !isCtrl && !e.altKey) return { kind: 'extend', dRow: arrow[0], dCol: arrow[1] };
  return null;
}
