/**
 * The app-level undo/redo stack of a sheet. AG Grid's own stack cannot serve: it is
 * cleared by applyTransaction, sorting and filtering and ignores setDataValue
 * (stack.md pitfall 6). A step leaves the undo side only once its inverse batch has
 * been stored, so a refused undo can be tried again.
 */
import type { Step } from './edit-steps';

export const UNDO_LIMIT = 100;

export class UndoStack {
  private readonly done: Step[] = [];
  private readonly undone: Step[] = [];
  private readonly limit: number;

  constructor(limit = UNDO_LIMIT) {
    this.limit = limit;
  }

  /** Records a new step; the redo side is dropped, as in Excel. */
  push(step: Step): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  nextUndo(): Step | null {
    return this.done.at(-1) ?? null;
  }

  nextRedo(): Step | null {
    return this.undone.at(-1) ?? null;
  }

  /** The step returned by nextUndo() has been undone. */
  markUndone(step: Step): void {
    if (this.done.at(-1) !== step) return;
    this.done.pop();
    this.undone.push(step);
  }

  /** The step returned by nextRedo() has been done again. */
  markRedone(step: Step): void {
    if (this.undone.at(-1) !== step) return;
    this.undone.pop();
    this.done.push(step);
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  get undoCount(): number {
    return this.done.length;
  }

  get redoCount(): number {
    return this.undone.length;
  }
}

const stacks = new Map<string, UndoStack>();

/**
 * The stack of a sheet for a period. It lives outside the component, so switching tabs
 * keeps it, and each period keeps its own while the window is open: a look at another
 * period and back still lets the user undo what was typed before.
 */
export function undoStackFor(sheet: string, periodId: string): UndoStack {
  const key = `${sheet}|${periodId}`;
  const found = stacks.get(key);
  if (found) return found;
  const stack = new UndoStack();
  stacks.set(key, stack);
  return stack;
}
