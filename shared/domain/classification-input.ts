/**
 * One line of `pcmt classify` input: a commune's period figures as JSON with the
 * snake_case names of domain.md §7.5 and an optional `id`. A missing (or null) count is
 * left blank: criteria a–d read it as 0, but Art. 6 needs it entered (missing is not
 * zero, so a line with only the population is CHUA_XAC_DINH). A missing route is NONE. Other fields of a commune status row (as `pcmt dump` writes them)
 * are allowed and ignored; any other key is refused, so a misspelt count is never read as 0.
 */
import { z } from 'zod';
import type { CommuneFigures } from './classification';
import { COMMUNE_STATUS_FIELDS, KEY_ROUTES, MAX_COUNT } from './commune-status';

export const FIGURE_COUNT_FIELDS = [
  'resident_population',
  'addicts_with_records',
  'users_with_records',
  'on_substitution_treatment',
  'in_family_community_rehab',
  'under_post_rehab_management',
  'residents_violating_drug_law',
  'wanted_drug_fugitives_hiding',
  'drug_offenders_arrested',
  'harboring_points',
  'plants_destroyed_count',
] as const;

/** Largest plant area accepted (m²): 100 km², far above any commune's find. */
export const MAX_AREA_M2 = 100_000_000;

const countSchema = z.number().int().min(0).max(MAX_COUNT).nullable().optional();

export const classifyInputSchema = z.object({
  id: z.union([z.string(), z.number()]).nullable().optional(),
  ...(Object.fromEntries(FIGURE_COUNT_FIELDS.map((key) => [key, countSchema])) as Record<(typeof FIGURE_COUNT_FIELDS)[number], typeof countSchema>),
  plants_destroyed_area_m2: z.number().min(0).max(MAX_AREA_M2).nullable().optional(),
  key_route: z.enum(KEY_ROUTES).nullable().optional(),
});

/** Keys allowed besides the figures: the rest of a status row and what `pcmt dump` adds. */
const IGNORED_KEYS = new Set<string>([...COMMUNE_STATUS_FIELDS.map((f) => f.key), 'code', 'period', 'name', 'rowVersion', 'updatedAt']);

export type ClassifyInputErrorCode =
  | 'NOT_JSON'
  | 'NOT_OBJECT'
  | 'NOT_A_NUMBER'
  | 'NOT_INTEGER'
  | 'NEGATIVE'
  | 'TOO_LARGE'
  | 'UNKNOWN_KEY_ROUTE'
  | 'UNKNOWN_FIELD'
  | 'BAD_ID';

export type ClassifyInputError = { code: ClassifyInputErrorCode; field: string | null };

export type ClassifyInput =
  | { isValid: true; id: string | number | null; figures: CommuneFigures }
  | { isValid: false; id: string | number | null; error: ClassifyInputError };

function errorOf(issue: z.core.$ZodIssue): ClassifyInputError {
  const field = issue.path.length > 0 ? String(issue.path[0]) : null;
  if (field === 'id') return { code: 'BAD_ID', field };
  if (field === 'key_route') return { code: 'UNKNOWN_KEY_ROUTE', field };
  switch (issue.code) {
    case 'too_small':
      return { code: 'NEGATIVE', field };
    case 'too_big':
      return { code: 'TOO_LARGE', field };
    case 'invalid_type':
      return { code: issue.expected === 'int' ? 'NOT_INTEGER' : 'NOT_A_NUMBER', field };
    default:
      return { code: 'NOT_A_NUMBER', field };
  }
}

function idOf(value: Record<string, unknown>): string | number | null {
  const id = value.id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}

/** Parses and checks one input line (already known to be non-empty). */
export function parseClassifyLine(line: string): ClassifyInput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { isValid: false, id: null, error: { code: 'NOT_JSON', field: null } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { isValid: false, id: null, error: { code: 'NOT_OBJECT', field: null } };
  }
  const record = value as Record<string, unknown>;
  const id = idOf(record);
  const known = new Set(Object.keys(classifyInputSchema.shape));
  const unknown = Object.keys(record).find((key) => !known.has(key) && !IGNORED_KEYS.has(key));
  if (unknown !== undefined) return { isValid: false, id, error: { code: 'UNKNOWN_FIELD', field: unknown } };
  const parsed = classifyInputSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { isValid: false, id, error: issue ? errorOf(issue) : { code: 'NOT_OBJECT', field: null } };
  }
  const data = parsed.data;
  const route = data.key_route;
  const area = data.plants_destroyed_area_m2;
  const figures: CommuneFigures = { resident_population: data.resident_population ?? 0 };
  for (const key of FIGURE_COUNT_FIELDS) {
    const n = data[key];
    if (n !== null && n !== undefined) figures[key] = n;
  }
  if (area !== null && area !== undefined) figures.plants_destroyed_area_m2 = area;
  if (route !== null && route !== undefined) figures.key_route = route;
  return { isValid: true, id, figures };
}
