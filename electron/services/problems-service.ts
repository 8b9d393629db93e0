/**
 * The problems of a period (`problems.list`) and whether it may be exported
 * (`exports.readiness`): the shared rules engine run over what is stored. Reads the
 * period's communes, the two registers and the previous period's classes with a handful
 * of queries, then one runRules call; messages go out in the workspace's language.
 * After a save only the records it wrote are checked again (problems-cache.ts).
 */
import { listUnitsUnder } from '../../db/queries/admin-units';
import { listCommunesWithStatus, listStatusRows } from '../../db/queries/commune-statuses';
import { getSetting } from '../../db/queries/settings';
import type { PeriodProblem, ProblemsList, ExportReadiness } from '../../shared/api/contract';
import { COMMUNE_CLASSES, COMMUNE_STATUS_FIELD_KEYS, emptyStatus, fieldDef, type CommuneClass, type CommuneStatusValues } from '../../shared/domain/commune-status';
import { previousPeriodId } from '../../shared/domain/period';
import type { Classification, Problem, RuleContext } from '../../shared/domain/rules';
import type { Language } from '../../shared/i18n/format';
import { requirePeriod } from './edit-service';
import { requireOfficeDetails } from './office-service';
import { decodeValue } from './registers';
import { periodRules } from './problems-cache';
import { listHotspotRows, listModelSiteRows } from './register-service';
import { toRuleCommune, toRuleHotspot, toRuleModelSite, unitNames } from './rule-records';
import { classificationReading } from './settings-service';
import { language, localToday, type Workspace } from './workspace';

/** Settings read here: the level-band reading (domain.md §6.4) and the H4 target. */
export const NO_NEW_HOTSPOTS_SETTING = 'target_no_new_hotspots';

/** The previous period of the same kind: its declared classes (V13) and its status rows (V20, V24). */
function previousPeriod(ws: Workspace, periodId: string, scheme: string): { classes: Map<string, CommuneClass>; statuses: Map<string, CommuneStatusValues> } {
  const previous = previousPeriodId(requirePeriod(periodId));
  const classes = new Map<string, CommuneClass>();
  const statuses = new Map<string, CommuneStatusValues>();
  for (const [code, row] of listStatusRows(ws.db, previous, scheme)) {
    const v = row.declared_class;
    if (typeof v === 'string' && (COMMUNE_CLASSES as readonly string[]).includes(v)) classes.set(code, v as CommuneClass);
    const values = emptyStatus();
    for (const key of COMMUNE_STATUS_FIELD_KEYS) values[key] = decodeValue(fieldDef(key), row[key]);
    statuses.set(code, values);
  }
  return { classes, statuses };
}

/** Everything the rules need about a period, read from the workspace. */
export function buildRuleContext(ws: Workspace, periodId: string): RuleContext {
  const period = requirePeriod(periodId);
  const office = requireOfficeDetails(ws);
  const units = listUnitsUnder(ws.db, office.scheme, office.level, office.code);
  const names = unitNames(units);
  const communes = listCommunesWithStatus(ws.db, office, period).map((row) => toRuleCommune(row, names));
  const hotspots = listHotspotRows(ws, periodId, false).rows.map(toRuleHotspot);
  const previous = previousPeriod(ws, periodId, office.scheme);
  const modelSites = listModelSiteRows(ws, periodId, false).map(toRuleModelSite);
  return {
    period: { id: period.id, kind: period.kind, year: period.year, startDate: period.startDate, endDate: period.endDate },
    scheme: office.scheme,
    office: { code: office.code, level: office.level, name: office.name },
    today: localToday(),
    communes,
    officeUnitCodes: new Set(units.map((u) => u.code)),
    hotspots,
    modelSites,
    previousClasses: previous.classes,
    previousStatuses: previous.statuses,
    isNoNewHotspotsTarget: getSetting(ws.db, NO_NEW_HOTSPOTS_SETTING) !== '0',
    reading: classificationReading(ws),
  };
}

// The rules keep the objects of records no edit touched, so their wire forms are kept too
// (a national period has some 30,000 problems and 10,000 classifications).
const wires = new WeakMap<Problem, { lang: Language; wire: PeriodProblem }>();
const classWires = new WeakMap<Classification, { isReference: boolean; wire: ProblemsList['classifications'][number] }>();

function toWire(problem: Problem, lang: Language): PeriodProblem {
  const kept = wires.get(problem);
  if (kept?.lang === lang) return kept.wire;
  const wire = { ruleId: problem.ruleId, severity: problem.severity, sheet: problem.sheet, recordId: problem.recordId, fields: problem.fields, message: problem.message[lang] };
  wires.set(problem, { lang, wire });
  return wire;
}

function classificationWire(communeCode: string, c: Classification, isReference: boolean): ProblemsList['classifications'][number] {
  const kept = classWires.get(c);
  if (kept?.isReference === isReference && kept.wire.communeCode === communeCode) return kept.wire;
  const wire = {
    communeCode,
    computed_class: c.computed_class,
    criteria_met: c.criteria_met,
    drug_free: c.drug_free,
    flags: c.flags,
    missing: c.missing,
    criteria_scheme: c.criteria_scheme,
    is_reference: isReference,
  };
  classWires.set(c, { isReference, wire });
  return wire;
}

/** Every problem of the period, the counts by severity, and each commune's computed classification. */
export function listProblems(ws: Workspace, periodId: string): ProblemsList {
  const result = periodRules(ws, periodId, buildRuleContext);
  const lang = language(ws);
  return {
    problems: result.problems.map((p) => toWire(p, lang)),
    counts: result.counts,
    classifications: result.classifications.map(({ communeCode, classification, isReference }) => classificationWire(communeCode, classification, isReference)),
  };
}

/** Whether the period can be exported: no errors (warnings are allowed); if not, the errors. */
export function exportReadiness(ws: Workspace, periodId: string): ExportReadiness {
  const result = periodRules(ws, periodId, buildRuleContext);
  const lang = language(ws);
  const errors = result.problems.filter((p) => p.severity === 'error').map((p) => toWire(p, lang));
  return { isReady: errors.length === 0, errors };
}
