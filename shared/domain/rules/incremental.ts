/**
 * IncrementalRules: the rules engine kept between edits, so that after a save only the
 * records it touched are checked again (issue 12 item 8: "the Problems panel updates
 * incrementally (only the affected records)"; issue 18 item 3). The result is always the
 * one runRules gives on the whole period, in the same order.
 *
 * How: every record belongs to a commune (its "home": a status row's commune, a hotspot's
 * commune_code, a model site's host_unit_code). A rule of scope 'record' or 'commune'
 * (types.ts) finds the problems of a home from that home's records alone, so its problems
 * are kept per home and, after a change, the rule runs again on a context holding only the
 * changed homes. Rules of scope 'period' run again on the whole context every time.
 */
import { isQd28Period } from '../classification';
import { ALL_RULES, enteredOf, isPeriodHotspot, isPeriodModelSite, rulesResult, type RulesResult } from './engine';
import type { PreparedContext, Problem, ProblemSheet, Rule, RuleCommune, RuleContext, RuleHotspot, RuleModelSite } from './types';

type Entered = PreparedContext['entered'][number];

/** A register record after a change, with its place in the register's order (null: removed or gone). */
export type RegisterChange<T> = { id: string; item: T | null; order: number };

export type RulesChange = {
  /** Communes whose status (or previous class) changed; the office's list of communes itself does not change. */
  communes?: readonly RuleCommune[];
  hotspots?: readonly RegisterChange<RuleHotspot>[];
  modelSites?: readonly RegisterChange<RuleModelSite>[];
};

export function hotspotHome(h: RuleHotspot): string {
  return String(h.values.commune_code ?? '');
}

export function modelSiteHome(m: RuleModelSite): string {
  return String(m.values.host_unit_code ?? '');
}

const SHEET_ORDER: Record<ProblemSheet, number> = { communeStatuses: 0, hotspots: 1, modelSites: 2 };

/** A register's records in their order (the order numbers only grow along the list), each with its home. */
class OrderedRecords<T extends { id: string }> {
  readonly items: T[];
  /** homes[i] is the home of items[i]: a commune's records are found without reading each one. */
  readonly homes: string[];
  private readonly orders: number[];
  readonly orderOf = new Map<string, number>();
  readonly byId = new Map<string, T>();
  /** The records that concern the period, kept until a record changes. */
  private inPeriod: T[] | null = null;

  constructor(
    items: readonly T[],
    orders: readonly number[],
    private readonly homeOf: (item: T) => string,
    private readonly isInPeriod: (item: T) => boolean,
  ) {
    this.items = [...items];
    this.homes = items.map(homeOf);
    this.orders = [...orders];
    items.forEach((item, i) => {
      this.byId.set(item.id, item);
      this.orderOf.set(item.id, orders[i] ?? i);
    });
  }

  private indexOf(order: number): number {
    let lo = 0;
    let hi = this.orders.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.orders[mid] ?? 0) < order) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Applies a change; returns the record as it was before (undefined when it was not there). */
  apply(change: RegisterChange<T>): T | undefined {
    this.inPeriod = null;
    const before = this.byId.get(change.id);
    const oldOrder = this.orderOf.get(change.id);
    if (before !== undefined && oldOrder !== undefined) {
      const at = this.indexOf(oldOrder);
      this.items.splice(at, 1);
      this.homes.splice(at, 1);
      this.orders.splice(at, 1);
      this.byId.delete(change.id);
      this.orderOf.delete(change.id);
    }
    if (change.item !== null) {
      const at = this.indexOf(change.order);
      this.items.splice(at, 0, change.item);
      this.homes.splice(at, 0, this.homeOf(change.item));
      this.orders.splice(at, 0, change.order);
      this.byId.set(change.id, change.item);
      this.orderOf.set(change.id, change.order);
    }
    return before;
  }

  /** The records of the given homes, in order. */
  of(homes: ReadonlySet<string>): T[] {
    return this.items.filter((_item, i) => homes.has(this.homes[i] ?? ''));
  }

  periodItems(): T[] {
    this.inPeriod ??= this.items.filter(this.isInPeriod);
    return this.inPeriod;
  }
}

export type IncrementalOrders = { hotspots: readonly number[]; modelSites: readonly number[] };

export class IncrementalRules {
  private readonly context: RuleContext;
  private readonly communes: RuleCommune[];
  private readonly communeIndex: Map<string, number>;
  private readonly communeCodes: ReadonlySet<string>;
  private readonly entered = new Map<string, Entered>();
  private readonly hotspots: OrderedRecords<RuleHotspot>;
  private readonly modelSites: OrderedRecords<RuleModelSite>;
  private readonly isQd28: boolean;
  /** The last result and the whole period's entered communes, until a record changes. */
  private last: RulesResult | null = null;
  private enteredAll: Entered[] | null = null;
  /** For each rule of scope record/commune: its problems in a full run's order, each with its home. */
  private readonly kept: Map<Rule, Kept>;

  /**
   * `orders`: each register record's place (e.g. its rowid), in the order of the
   * context's lists; records created or restored later are put back in their place.
   */
  constructor(
    context: RuleContext,
    orders: IncrementalOrders,
    private readonly rules: readonly Rule[] = ALL_RULES,
  ) {
    this.context = context;
    this.communes = [...context.communes];
    this.communeIndex = new Map(this.communes.map((c, i) => [c.code, i]));
    this.communeCodes = new Set(this.communes.map((c) => c.code));
    this.hotspots = new OrderedRecords(context.hotspots, orders.hotspots, hotspotHome, isPeriodHotspot);
    this.modelSites = new OrderedRecords(context.modelSites, orders.modelSites, modelSiteHome, (m) => isPeriodModelSite(context.period, m));
    this.isQd28 = isQd28Period(context.period.endDate);
    for (const c of this.communes) this.classify(c);
    this.kept = new Map(rules.filter(isScoped).map((rule) => [rule, { entries: [], problems: null, perHome: new Map() }]));
    this.recheck(null);
  }

  /** Takes in the changed records and checks their communes again. */
  update(change: RulesChange): void {
    const homes = new Set<string>();
    for (const c of change.communes ?? []) {
      const at = this.communeIndex.get(c.code);
      if (at === undefined) continue;
      this.communes[at] = c;
      this.classify(c);
      homes.add(c.code);
    }
    for (const h of change.hotspots ?? []) {
      const before = this.hotspots.apply(h);
      if (before) homes.add(hotspotHome(before));
      if (h.item) homes.add(hotspotHome(h.item));
    }
    for (const m of change.modelSites ?? []) {
      const before = this.modelSites.apply(m);
      if (before) homes.add(modelSiteHome(before));
      if (m.item) homes.add(modelSiteHome(m.item));
    }
    if (homes.size === 0) return;
    this.last = null;
    this.recheck(homes);
  }

  /** What runRules would give on the current records. */
  result(): RulesResult {
    this.last ??= this.compute();
    return this.last;
  }

  private compute(): RulesResult {
    const whole = this.prepared(null);
    const problems = this.rules.flatMap((rule) => {
      const kept = this.kept.get(rule);
      if (!kept) return rule.check(whole);
      kept.problems ??= kept.entries.map((e) => e.problem);
      return kept.problems;
    });
    return rulesResult(whole, problems);
  }

  private enteredOf(communes: readonly RuleCommune[]): Entered[] {
    return communes.flatMap((c) => this.entered.get(c.code) ?? []);
  }

  private classify(c: RuleCommune): void {
    const entry = enteredOf(this.context, c);
    const had = this.entered.has(c.code);
    if (entry) this.entered.set(c.code, entry);
    else this.entered.delete(c.code);
    const all = this.enteredAll;
    if (all === null) return;
    // The whole period's list, in the communes' order, patched where this commune sits.
    const at = this.communeIndex.get(c.code) ?? 0;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.communeIndex.get(all[mid]?.commune.code ?? '') ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    all.splice(lo, had ? 1 : 0, ...(entry ? [entry] : []));
  }

  /** The prepared context of the given homes (null: all of them). */
  private prepared(homes: ReadonlySet<string> | null): PreparedContext {
    const communes = homes === null ? this.communes : this.communes.filter((c) => homes.has(c.code));
    const hotspots = homes === null ? this.hotspots.items : this.hotspots.of(homes);
    const modelSites = homes === null ? this.modelSites.items : this.modelSites.of(homes);
    return {
      ...this.context,
      communes,
      hotspots,
      modelSites,
      isQd28: this.isQd28,
      entered: homes === null ? (this.enteredAll ??= this.enteredOf(communes)) : this.enteredOf(communes),
      periodHotspots: homes === null ? this.hotspots.periodItems() : hotspots.filter(isPeriodHotspot),
      periodModelSites: homes === null ? this.modelSites.periodItems() : modelSites.filter((m) => isPeriodModelSite(this.context.period, m)),
      // H3 asks whether a code is one of the office's communes: always the whole list.
      communeCodes: this.communeCodes,
    };
  }

  private recheck(homes: ReadonlySet<string> | null): void {
    const context = this.prepared(homes);
    for (const [rule, kept] of this.kept) {
      const fresh = this.ordered(rule.check(context));
      let before = 0;
      for (const home of homes ?? []) before += kept.perHome.get(home) ?? 0;
      if (homes !== null && before === 0 && fresh.length === 0) continue;
      const rest = homes === null ? [] : before === 0 ? kept.entries : kept.entries.filter((e) => !homes.has(e.home));
      kept.entries = merged(rest, fresh);
      kept.problems = null;
      if (homes === null) kept.perHome.clear();
      else for (const home of homes) kept.perHome.delete(home);
      for (const e of fresh) kept.perHome.set(e.home, (kept.perHome.get(e.home) ?? 0) + 1);
    }
  }

  private homeOf(p: Problem): string {
    if (p.sheet === 'hotspots') {
      const h = this.hotspots.byId.get(p.recordId);
      return h ? hotspotHome(h) : p.recordId;
    }
    if (p.sheet === 'modelSites') {
      const m = this.modelSites.byId.get(p.recordId);
      return m ? modelSiteHome(m) : p.recordId;
    }
    return p.recordId;
  }

  /** A scoped rule's problems in the order a full run reports them: sheet by sheet, then the lists' order. */
  private ordered(problems: readonly Problem[]): Entry[] {
    const place = (p: Problem): number =>
      (p.sheet === 'communeStatuses' ? this.communeIndex.get(p.recordId) : (p.sheet === 'hotspots' ? this.hotspots : this.modelSites).orderOf.get(p.recordId)) ?? Number.MAX_SAFE_INTEGER;
    // Array sort is stable: a record's problems keep the order the rule gave them.
    return problems.map((problem) => ({ problem, home: this.homeOf(problem), sheet: SHEET_ORDER[problem.sheet], at: place(problem) })).sort(byPlace);
  }
}

type Entry = { problem: Problem; home: string; sheet: number; at: number };
type Kept = { entries: Entry[]; problems: Problem[] | null; perHome: Map<string, number> };

function byPlace(a: Entry, b: Entry): number {
  return a.sheet - b.sheet || a.at - b.at;
}

/** Two lists in place order into one (the problems of other communes, those checked again). */
function merged(a: readonly Entry[], b: readonly Entry[]): Entry[] {
  if (b.length === 0) return a as Entry[];
  if (a.length === 0) return b as Entry[];
  const out: Entry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Entry;
    const y = b[j] as Entry;
    if (byPlace(y, x) < 0) {
      out.push(y);
      j += 1;
    } else {
      out.push(x);
      i += 1;
    }
  }
  while (i < a.length) out.push(a[i++] as Entry);
  while (j < b.length) out.push(b[j++] as Entry);
  return out;
}

function isScoped(rule: Rule): boolean {
  return rule.scope === 'record' || rule.scope === 'commune';
}
