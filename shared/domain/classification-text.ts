/** How the criteria a commune meets are written, in the grid and in its Excel export alike. */
import type { CriteriaMet } from './classification';

const CRITERIA_KEYS: readonly (keyof CriteriaMet)[] = ['a', 'b', 'c', 'd', 'dd'];
const CRITERION_NAMES: Record<keyof CriteriaMet, string> = { a: 'a', b: 'b', c: 'c', d: 'd', dd: 'đ' };

/** The criteria met, as a statistician writes them: "a: I, b: II, c: II"; "—" when none. */
export function criteriaText(criteria: CriteriaMet): string {
  const met = CRITERIA_KEYS.flatMap((key) => {
    const level = criteria[key];
    return level === null ? [] : [`${CRITERION_NAMES[key]}: ${level}`];
  });
  return met.length === 0 ? '—' : met.join(', ');
}
