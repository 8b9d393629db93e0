/**
 * The period's problems as the sheets see them: the index the grids mark cells from,
 * a refresh the spreadsheet module calls after every saved batch, and the registry of
 * grids the Problems panel jumps into.
 */
import { createContext, useContext } from 'react';
import type { ProblemsList } from '../../shared/api/contract';
import type { SheetName } from '../../shared/api/register-types';
import { EMPTY_PROBLEM_INDEX, type ProblemIndex } from '../grid/problem-marks';

/** Moves the grid's focus to a record's cell; false while the record is not (yet) shown. */
export type FocusCell = (recordId: string, field: string | null) => boolean;

export type ProblemsState = {
  list: ProblemsList | null;
  index: ProblemIndex;
  error: string | null;
  refresh: () => void;
  /**
   * How many times refresh() was called: once per batch stored by any sheet, import or
   * receipt. A sheet that shows figures computed from other sheets' records reads its
   * rows again when this grows (use-outside-saves.ts).
   */
  savedCount: number;
  /** A grid offers its focus function; returns the clean-up. */
  registerGrid: (sheet: SheetName, focus: FocusCell) => () => void;
};

const NO_PROBLEMS: ProblemsState = {
  list: null,
  index: EMPTY_PROBLEM_INDEX,
  error: null,
  refresh: () => undefined,
  savedCount: 0,
  registerGrid: () => () => undefined,
};

export const ProblemsContext = createContext<ProblemsState>(NO_PROBLEMS);

export function useProblemsContext(): ProblemsState {
  return useContext(ProblemsContext);
}
