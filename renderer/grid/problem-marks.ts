/**
 * Problem marks of the spreadsheet module: the rules engine's problems of the period
 * reach the grid through its `context` (never through the column definitions, which must
 * stay stable), and each cell asks the index at draw time for its own problems.
 */
import type { CommuneClassification, PeriodProblem, ProblemsList } from '../../shared/api/contract';
import type { SheetName } from '../../shared/api/register-types';

export type ProblemIndex = {
  /** Problems pointing at the cell; `field` null asks for whole-row problems. */
  at(sheet: SheetName, recordId: string, field: string | null): readonly PeriodProblem[];
  classificationOf(communeCode: string): CommuneClassification | null;
};

/** What SpreadsheetGrid puts in AG Grid's `context`. */
export type GridContext = { problems: ProblemIndex };

const NONE: readonly PeriodProblem[] = [];

export const EMPTY_PROBLEM_INDEX: ProblemIndex = { at: () => NONE, classificationOf: () => null };

const keyOf = (sheet: SheetName, recordId: string, field: string) => `${sheet}|${recordId}|${field}`;

export function indexProblems(list: ProblemsList | null): ProblemIndex {
  if (list === null) return EMPTY_PROBLEM_INDEX;
  const cells = new Map<string, PeriodProblem[]>();
  for (const problem of list.problems) {
    const fields = problem.fields.length === 0 ? [''] : problem.fields;
    for (const field of fields) {
      const key = keyOf(problem.sheet, problem.recordId, field);
      const found = cells.get(key);
      if (found) found.push(problem);
      else cells.set(key, [problem]);
    }
  }
  const classes = new Map(list.classifications.map((c) => [c.communeCode, c]));
  return {
    at: (sheet, recordId, field) => cells.get(keyOf(sheet, recordId, field ?? '')) ?? NONE,
    classificationOf: (code) => classes.get(code) ?? null,
  };
}

function isGridContext(value: unknown): value is GridContext {
  return typeof value === 'object' && value !== null && 'problems' in value;
}

/** The index in a grid callback's `context` (typed `any` by AG Grid). */
export function problemsIn(context: unknown): ProblemIndex {
  return isGridContext(context) ? context.problems : EMPTY_PROBLEM_INDEX;
}

export function worstSeverity(problems: readonly PeriodProblem[]): 'error' | 'warning' | null {
  if (problems.length === 0) return null;
  return problems.some((p) => p.severity === 'error') ? 'error' : 'warning';
}

/** The tooltip text of a cell's problems, one line each: "V5: …". */
export function problemsTooltip(problems: readonly PeriodProblem[]): string | undefined {
  return problems.length === 0 ? undefined : problems.map((p) => `${p.ruleId}: ${p.message}`).join('\n');
}
