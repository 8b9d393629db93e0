/**
 * The shapes of the rules engine (domain.md §6; issue 4 item 2). A rule has an id, a
 * severity, a message template in Vietnamese and English, and a check that returns the
 * problems it finds, each pointing at the cells (record + fields) it is about. The same
 * engine runs in the renderer (instant feedback) and in the services (authoritative).
 */
import type { Classification, Reading } from '../classification';
import type { CommuneClass, CommuneStatusValues } from '../commune-status';
import type { SchemeCode } from '../admin-units';
import type { Labels } from '../fields';
import type { HotspotPeriodFlags, HotspotValues } from '../hotspot';
import type { ModelSiteValues } from '../model-site';
import type { PeriodKind } from '../period';

export type Severity = 'error' | 'warning';
export type ProblemSheet = 'communeStatuses' | 'hotspots' | 'modelSites';

/** A rendered message in both languages. */
export type Message = Labels;

export type Problem = {
  ruleId: string;
  severity: Severity;
  sheet: ProblemSheet;
  /** Commune code, hotspot id or model-site id; for office-wide problems, the office's code. */
  recordId: string;
  /** The cells the problem points at (field keys of the sheet); empty = the whole row. */
  fields: string[];
  message: Message;
};

export type { Classification, Reading as ClassificationReading } from '../classification';

export type RuleCommune = {
  code: string;
  name: string;
  /** xa, phuong, thi_tran, dac_khu (admin-units.ts). */
  unitType: string;
  /** The unit directly above: a district in GSO_2004 (M2 groups by it), the province in NSO_2025. */
  parentCode: string | null;
  parentName: string;
  /** The commune's status for the period; null when nothing was entered. */
  status: CommuneStatusValues | null;
};

export type RuleHotspot = { id: string; label: string; values: HotspotValues; flags: HotspotPeriodFlags };
export type RuleModelSite = { id: string; label: string; values: ModelSiteValues };

export type RuleContext = {
  period: { id: string; kind: PeriodKind; year: number; startDate: string; endDate: string };
  /** The office's administrative scheme (the one every code in the workspace belongs to). */
  scheme: SchemeCode;
  office: { code: string; level: string; name: string };
  /** Today's date (ISO) where the user is. */
  today: string;
  communes: readonly RuleCommune[];
  /** Codes of every unit under the office (and the office itself): valid model-site hosts. */
  officeUnitCodes: ReadonlySet<string>;
  /** Hotspots of the register that are not removed. */
  hotspots: readonly RuleHotspot[];
  /** Model sites of the register that are not removed. */
  modelSites: readonly RuleModelSite[];
  /** Declared classes of the previous period of the same kind, by commune code (V13). */
  previousClasses: ReadonlyMap<string, CommuneClass>;
  /**
   * Status rows of that previous period, by commune code: the stocks at this period's
   * start (V20) and the population to compare with (V24). Absent = not known.
   */
  previousStatuses?: ReadonlyMap<string, CommuneStatusValues>;
  /** The programme target "no new hotspots" is in force (H4). */
  isNoNewHotspotsTarget: boolean;
  /** Reading of the QĐ 28/2025 level bands (domain.md §6.4): 'cumulative' by default. */
  reading: Reading;
};

/** What every check receives: the context plus what is computed once for all rules. */
export type PreparedContext = RuleContext & {
  /** Criteria scheme of the period: QĐ 28/2025 applies to periods ending on/after 24/8/2025. */
  isQd28: boolean;
  /** Communes with a status entered, each with its classification (null when population is missing or 0). */
  entered: readonly { commune: RuleCommune; status: CommuneStatusValues; classification: Classification | null }[];
  /** Hotspots that concern the period: active at its start or end, new or eliminated in it. */
  periodHotspots: readonly RuleHotspot[];
  /** Model sites that concern the period: established by its end (or undated) and not ended before its start. */
  periodModelSites: readonly RuleModelSite[];
  communeCodes: ReadonlySet<string>;
};

/**
 * What a rule's problems depend on, so that after an edit only the records it touched
 * are checked again (issue 12 item 8, issue 18 item 3; IncrementalRules). Every record
 * belongs to one commune: a status row to its commune, a hotspot to its commune_code, a
 * model site to its host_unit_code.
 * - 'record': a problem of a record depends on that record alone (and on the period-wide
 *   facts: period, scheme, office, today, settings, the office's unit codes).
 * - 'commune': the problems of a commune's records depend on the records of that commune
 *   (its status row, its hotspots, the model sites it hosts, its previous class).
 * - 'period' (the default when `scope` is left out): anything in the period; checked
 *   again in full after every edit, so keep such a rule one linear pass.
 * A 'record' or 'commune' rule reports problems only about records, and in the order of
 * the context's lists, sheet by sheet: communes, then hotspots, then model sites (the
 * property test in incremental.test.ts checks every rule of ALL_RULES against a full run).
 */
export type RuleScope = 'record' | 'commune' | 'period';

export type Rule = {
  id: string;
  severity: Severity;
  /** Templates with {{name}} placeholders, filled per problem. */
  message: Message;
  /** What its problems depend on; 'period' when left out. */
  scope?: RuleScope;
  check(context: PreparedContext): Problem[];
};
