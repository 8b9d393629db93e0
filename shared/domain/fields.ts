/**
 * Field definitions shared by the three registers. One list per register drives the
 * database columns, the API validators, the grid's editors and the typing/paste parser.
 * Kinds: whole numbers, decimals, closed lists (enum), multi-choice lists (set, stored as
 * an array of codes), yes/no, dates (ISO), free text, and references to other records
 * (a commune under the office, another hotspot) whose valid values the services know.
 */
export type Labels = { vi: string; en: string };

export type RefTarget = 'commune' | 'officeUnit' | 'hotspot';

export type FieldKind =
  | { type: 'int'; min?: number; max?: number }
  | { type: 'decimal'; decimals: number; min?: number; max?: number }
  | { type: 'enum'; values: readonly string[]; labels: Record<string, Labels> }
  | { type: 'set'; values: readonly string[]; labels: Record<string, Labels> }
  | { type: 'bool' }
  | { type: 'date' }
  | { type: 'text'; maxLength: number }
  | { type: 'ref'; target: RefTarget };

export type FieldDef = {
  key: string;
  kind: FieldKind;
  labels: Labels;
  /** Shown but never typed into (derived, or set by the services). */
  isReadOnly?: boolean;
  /** Must have a value before a new row can be stored. */
  isRequired?: boolean;
  /**
   * Commune statuses: what happened during the period (arrests, rehab intakes, services
   * accessed…) or the period's own decisions, as opposed to the commune's standing at the
   * period's end. "Lấy số liệu kỳ trước" carries only the standing.
   */
  isPeriodFlow?: boolean;
};

/** A stored value: numbers, flags, ISO dates, codes, arrays of codes for sets; null = empty. */
export type FieldValue = string | number | boolean | null | readonly string[];

/** Upper bound for counts: far above any commune, low enough to catch typos of pasted ids. */
export const MAX_COUNT = 10_000_000;

/** A reference's valid values, supplied by whoever knows them (services, the grid). */
export type RefOption = { code: string; label: string };
export type RefOptions = Partial<Record<RefTarget, readonly RefOption[]>>;

/** Builds enum labels from a compact table `[code, vi, en]`. */
export function labelTable<const T extends string>(rows: readonly (readonly [T, string, string])[]): {
  values: readonly T[];
  labels: Record<T, Labels>;
} {
  const labels = {} as Record<T, Labels>;
  for (const [code, vi, en] of rows) labels[code] = { vi, en };
  return { values: rows.map((r) => r[0]), labels };
}
