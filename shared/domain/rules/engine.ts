/**
 * `runRules`: every rule over a period's data, in one call. What several rules need
 * (each commune's classification, the hotspots and models that concern the period) is
 * computed once here; each rule is then one linear pass, so a district with 1,000
 * hotspots is checked in a few milliseconds.
 */
import { classifyCommune, isQd28Period, type Classification, type CommuneFigures } from '../classification';
import type { CommuneStatusValues } from '../commune-status';
import { COMMUNE_RULES } from './commune-rules';
import { FIELD_RULES } from './field-rules';
import { count, text } from './helpers';
import { HOTSPOT_RULES } from './hotspot-rules';
import { MODEL_SITE_RULES } from './model-site-rules';
import type { PreparedContext, Problem, Rule, RuleCommune, RuleContext, RuleHotspot, RuleModelSite } from './types';

export const ALL_RULES: readonly Rule[] = [...FIELD_RULES, ...COMMUNE_RULES, ...HOTSPOT_RULES, ...MODEL_SITE_RULES];

/** A status row counts as entered when any of its cells has a value. */
export function isStatusEntered(status: CommuneStatusValues | null): status is CommuneStatusValues {
  return status !== null && Object.values(status).some((v) => v !== null);
}

const FIGURE_KEYS = [
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
  'plants_destroyed_area_m2',
] as const;

/**
 * The classifier's input from a status row: a blank count stays absent (missing is not
 * zero: Art. 6 needs it entered), a missing route is NONE.
 */
export function figuresOf(status: CommuneStatusValues): CommuneFigures {
  const route = status.key_route;
  const figures: CommuneFigures = {
    resident_population: count(status.resident_population),
    key_route: route === 'INTRA_PROVINCE' || route === 'INTER_PROVINCE' ? route : 'NONE',
  };
  for (const key of FIGURE_KEYS) {
    const v = status[key];
    if (typeof v === 'number' && Number.isFinite(v)) figures[key] = v;
  }
  return figures;
}

/** Classification of an entered row, or null when the population is missing (V1 reports it). */
function classificationOf(ctx: RuleContext, status: CommuneStatusValues): Classification | null {
  const p = status.resident_population;
  if (!(typeof p === 'number' && Number.isInteger(p) && p > 0)) return null;
  return classifyCommune(figuresOf(status), ctx.reading);
}

/** A commune's entry of PreparedContext.entered, or null when nothing is entered for it. */
export function enteredOf(ctx: RuleContext, commune: RuleCommune): PreparedContext['entered'][number] | null {
  if (!isStatusEntered(commune.status)) return null;
  return { commune, status: commune.status, classification: classificationOf(ctx, commune.status) };
}

/** Whether a hotspot concerns the period: active at its start or end, new or eliminated in it. */
export function isPeriodHotspot(h: RuleHotspot): boolean {
  return h.flags.isActiveAtStart || h.flags.isActiveAtEnd || h.flags.isNew || h.flags.isEliminated;
}

/** Whether a model site concerns the period: established by its end (or undated) and not ended before its start. */
export function isPeriodModelSite(period: RuleContext['period'], m: RuleModelSite): boolean {
  const from = text(m.values.establishment_date);
  const to = text(m.values.ended_date);
  const isBadOrder = from !== null && to !== null && to < from;
  return (from === null || from <= period.endDate) && (to === null || to >= period.startDate || isBadOrder);
}

export function prepareContext(ctx: RuleContext): PreparedContext {
  return {
    ...ctx,
    isQd28: isQd28Period(ctx.period.endDate),
    entered: ctx.communes.flatMap((commune) => enteredOf(ctx, commune) ?? []),
    periodHotspots: ctx.hotspots.filter(isPeriodHotspot),
    periodModelSites: ctx.modelSites.filter((m) => isPeriodModelSite(ctx.period, m)),
    communeCodes: new Set(ctx.communes.map((c) => c.code)),
  };
}

export type RulesResult = {
  problems: Problem[];
  counts: { errors: number; warnings: number };
  /**
   * Per commune with a status entered and a population: what the classifier computed.
   * `isReference`: the period ends before QĐ 28/2025 (24/8/2025), so the class is shown
   * for reference and the declared class stands (the criteria scheme is in the classification).
   */
  classifications: { communeCode: string; classification: Classification; isReference: boolean }[];
};

/** The result from every rule's problems (in rule order): errors first, counts, classifications. */
export function rulesResult(prepared: Pick<PreparedContext, 'entered' | 'isQd28'>, all: Problem[]): RulesResult {
  // A stable partition (what a stable sort by severity gives), linear in the problems.
  const problems = all.filter((p) => p.severity === 'error');
  const errors = problems.length;
  for (const p of all) if (p.severity !== 'error') problems.push(p);
  const isReference = !prepared.isQd28;
  const classifications = prepared.entered.flatMap(({ commune, classification }) => (classification ? [{ communeCode: commune.code, classification, isReference }] : []));
  return { problems, counts: { errors, warnings: problems.length - errors }, classifications };
}

/** Runs every rule; problems come errors first, then by rule order. */
export function runRules(context: RuleContext, rules: readonly Rule[] = ALL_RULES): RulesResult {
  const prepared = prepareContext(context);
  return rulesResult(prepared, rules.flatMap((rule) => rule.check(prepared)));
}
