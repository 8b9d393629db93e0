/**
 * Consistency of the aggregate statistics of domain.md §7.6 with the status row (issue 12
 * item 5): "sex sum = age sum = addicts_with_records (W if not); accessed_services ≤
 * addicts+users", and the other "of which" and flow-within-stock relations a reviewer
 * checks. Every figure here is a count over the period while the records are a stock at
 * its end, so people can pass through (taken into rehab, then off the records) and a
 * mismatch is not proof of a typo: each is a warning (domain.md §6: "needs a comment"),
 * checked only when the figures on both sides were entered (blank is not zero).
 */
import { fieldDef, type CommuneStatusField, type CommuneStatusValues } from '../commune-status';
import type { FieldValue } from '../fields';
import { problemOf } from './helpers';
import type { PreparedContext, Problem, Rule, RuleScope } from './types';

const SHEET = 'communeStatuses';

type Pair = { vi: string; en: string };
type Entered = PreparedContext['entered'][number];

/** A figure that was entered (possibly 0); null when blank. */
function entered(value: FieldValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Sum of the entered figures, or null when none of them was entered. */
function sumOf(status: CommuneStatusValues, keys: readonly CommuneStatusField[]): number | null {
  const values = keys.map((k) => entered(status[k])).filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}

/** "Người nghiện: nam + Người nghiện: nữ" in each language. */
function names(keys: readonly CommuneStatusField[], joiner = ' + '): Pair {
  return { vi: keys.map((k) => fieldDef(k).labels.vi).join(joiner), en: keys.map((k) => fieldDef(k).labels.en).join(joiner) };
}

function forEntered(ctx: PreparedContext, each: (row: Entered, out: Problem[]) => void): Problem[] {
  const out: Problem[] = [];
  for (const row of ctx.entered) each(row, out);
  return out;
}

const SEX: readonly CommuneStatusField[] = ['addicts_records_male', 'addicts_records_female'];
const AGE: readonly CommuneStatusField[] = ['addicts_records_age_lt18', 'addicts_records_age_18_29', 'addicts_records_age_30_plus'];

/**
 * V17 (domain.md §7.6 "sex sum = age sum = addicts_with_records (W if not)"; §4.4 the GSO
 * indicator "addicts with management records, by sex, age group"): both splits break
 * down the same people, so each adds up to the addicts with records.
 */
export const V17: Rule = {
  id: 'V17',
  scope: 'record',
  severity: 'warning',
  message: {
    vi: '{{name}}: các số chia theo giới tính và theo độ tuổi không khớp với số người nghiện có hồ sơ ({{values}}). Hai cách chia đều tính cùng những người nghiện có hồ sơ, nên mỗi tổng phải bằng số đó; hãy sửa lại các số cho khớp.',
    en: '{{name}}: the breakdowns by sex and by age do not match the addicts with records ({{values}}). Both break down the same addicts with records, so each must add up to that figure; correct the figures so they agree.',
  },
  check(ctx) {
    return forEntered(ctx, ({ commune, status }, out) => {
      const sides: { keys: readonly CommuneStatusField[]; total: number | null }[] = [
        { keys: ['addicts_with_records'], total: entered(status.addicts_with_records) },
        { keys: SEX, total: sumOf(status, SEX) },
        { keys: AGE, total: sumOf(status, AGE) },
      ];
      const known = sides.filter((s) => s.total !== null);
      if (known.length < 2 || known.every((s) => s.total === known[0]?.total)) return;
      const values = {
        vi: known.map((s) => `${names(s.keys).vi} = ${String(s.total)}`).join('; '),
        en: known.map((s) => `${names(s.keys).en} = ${String(s.total)}`).join('; '),
      };
      out.push(problemOf(V17, SHEET, commune.code, known.flatMap((s) => s.keys), { name: commune.name, values }));
    });
  },
};

/** A flow that cannot exceed its stock: one warning naming both sides and their values. */
type Bound = {
  flow: readonly CommuneStatusField[];
  stock: readonly CommuneStatusField[];
  stockValue: (row: Entered, ctx: PreparedContext) => number | null;
  /** 'commune' when the stock reads the commune's previous period (RuleScope). */
  scope: RuleScope;
};

function boundRule(id: string, message: Rule['message'], bound: Bound): Rule {
  const rule: Rule = {
    id,
    scope: bound.scope,
    severity: 'warning',
    message,
    check(ctx) {
      return forEntered(ctx, (row, out) => {
        const flow = sumOf(row.status, bound.flow);
        const stock = bound.stockValue(row, ctx);
        if (flow === null || stock === null || flow <= stock) return;
        out.push(problemOf(rule, SHEET, row.commune.code, [...bound.flow, ...bound.stock], { name: row.commune.name, flow: names(bound.flow), flowValue: flow, stock: names(bound.stock), stockValue: stock }));
      });
    },
  };
  return rule;
}

/**
 * V18 (domain.md §7.6 "accessed_services ≤ addicts+users"; T9 "addicts and users with
 * records who access counselling, treatment or rehab", whose denominator is those people).
 */
export const V18 = boundRule(
  'V18',
  {
    vi: '{{name}}: {{flow}} ({{flowValue}}) nhiều hơn {{stock}} ({{stockValue}}). Chỉ người nghiện, người sử dụng có hồ sơ mới được tính là được tiếp cận dịch vụ; hãy kiểm tra lại các số này.',
    en: '{{name}}: {{flow}} ({{flowValue}}) exceeds {{stock}} ({{stockValue}}). Only addicts and users with records count as having accessed services; check these figures.',
  },
  { flow: ['accessed_services'], stock: ['addicts_with_records', 'users_with_records'], stockValue: ({ status }) => sumOf(status, ['addicts_with_records', 'users_with_records']), scope: 'record' },
);

/**
 * V19 (Law 73/2021/QH14 Art. 28: rehab, voluntary or compulsory, is a measure for
 * addicts; domain.md §4.4): the people taken into rehab are addicts on the records.
 */
export const V19 = boundRule(
  'V19',
  {
    vi: '{{name}}: tổng số cai nghiện trong kỳ ({{flow}} = {{flowValue}}) nhiều hơn {{stock}} ({{stockValue}}). Người cai nghiện là người nghiện có hồ sơ; hãy kiểm tra lại các số này.',
    en: '{{name}}: people taken into rehab in the period ({{flow}} = {{flowValue}}) exceed {{stock}} ({{stockValue}}). People in rehab are addicts with records; check these figures.',
  },
  {
    flow: ['rehab_compulsory', 'rehab_voluntary_facility', 'rehab_voluntary_family_community'],
    stock: ['addicts_with_records'],
    stockValue: ({ status }) => entered(status.addicts_with_records),
    scope: 'record',
  },
);

/**
 * V20 (domain.md §3.1 T5 "registered addicts meeting the criteria removed from
 * management"): nobody is removed who was not on the records. People removed during the
 * period are off the list at its end, so the stock they come from is the one at its
 * start (the previous period's addicts and users with records) plus those detected
 * during it. Not checked when the previous period is unknown.
 */
export const V20 = boundRule(
  'V20',
  {
    vi: '{{name}}: {{flow}} ({{flowValue}}) nhiều hơn số người có hồ sơ đầu kỳ cộng số mới phát hiện trong kỳ ({{stockValue}}). Chỉ người đang có hồ sơ quản lý mới được đưa ra khỏi diện quản lý; hãy kiểm tra lại số này và số liệu kỳ trước.',
    en: '{{name}}: {{flow}} ({{flowValue}}) exceeds the people on the records at the start of the period plus those newly detected ({{stockValue}}). Only people on the records can be removed from management; check this figure and the previous period’s.',
  },
  {
    flow: ['removed_from_management'],
    stock: ['new_addicts_detected', 'new_users_detected'],
    stockValue: ({ commune, status }, ctx) => {
      const previous = ctx.previousStatuses?.get(commune.code);
      const atStart = previous === undefined ? null : sumOf(previous, ['addicts_with_records', 'users_with_records']);
      return atStart === null ? null : atStart + (sumOf(status, ['new_addicts_detected', 'new_users_detected']) ?? 0);
    },
    scope: 'commune',
  },
);

/**
 * V21 (Law 73/2021/QH14; NĐ 116/2021/NĐ-CP on post-rehab management; domain.md §7.6
 * "post_rehab_managed … relapse_detected"): a relapse is detected among people managed
 * after rehab, so it cannot exceed them (those managed in the period, or when that is
 * blank, those under post-rehab management at its end).
 */
export const V21: Rule = {
  id: 'V21',
  scope: 'record',
  severity: 'warning',
  message: {
    vi: '{{name}}: {{flow}} ({{flowValue}}) nhiều hơn {{stock}} ({{stockValue}}). Tái nghiện được phát hiện trong số người quản lý sau cai; hãy kiểm tra lại các số này.',
    en: '{{name}}: {{flow}} ({{flowValue}}) exceeds {{stock}} ({{stockValue}}). Relapses are found among people under post-rehab management; check these figures.',
  },
  check(ctx) {
    return forEntered(ctx, ({ commune, status }, out) => {
      const relapses = entered(status.relapse_detected);
      const stockKey: CommuneStatusField = entered(status.post_rehab_managed) !== null ? 'post_rehab_managed' : 'under_post_rehab_management';
      const stock = entered(status[stockKey]);
      if (relapses === null || stock === null || relapses <= stock) return;
      out.push(problemOf(V21, SHEET, commune.code, ['relapse_detected', stockKey], { name: commune.name, flow: names(['relapse_detected']), flowValue: relapses, stock: names([stockKey]), stockValue: stock }));
    });
  },
};

/**
 * V22 (QĐ 28/2025 Art. 4 c: R2 = drug offenders arrested in the area; domain.md §7.6
 * drug_cases / drug_offenders, crimes under the Penal Code Ch. XX): a criminal case has
 * at least one offender, and the people arrested for drug crimes are offenders of the
 * period's cases, so arrests ≤ offenders and offenders ≥ cases.
 */
export const V22: Rule = {
  id: 'V22',
  scope: 'record',
  severity: 'warning',
  message: {
    vi: '{{name}}: {{what}}. Hãy kiểm tra lại số đối tượng bị bắt, số vụ và số đối tượng phạm tội về ma túy trong kỳ.',
    en: '{{name}}: {{what}}. Check the offenders arrested, the drug crime cases and the drug offenders of the period.',
  },
  check(ctx) {
    return forEntered(ctx, ({ commune, status }, out) => {
      const arrested = entered(status.drug_offenders_arrested);
      const offenders = entered(status.drug_offenders);
      const cases = entered(status.drug_cases);
      const push = (fields: CommuneStatusField[], what: Pair) => out.push(problemOf(V22, SHEET, commune.code, fields, { name: commune.name, what }));
      if (arrested !== null && offenders !== null && arrested > offenders) {
        push(['drug_offenders_arrested', 'drug_offenders'], {
          vi: `có ${arrested} đối tượng bị bắt nhưng chỉ ${offenders} đối tượng phạm tội về ma túy (người bị bắt là đối tượng của các vụ trong kỳ)`,
          en: `${arrested} offenders were arrested but only ${offenders} drug offenders are counted (those arrested are offenders of the period’s cases)`,
        });
      } else if (arrested !== null && arrested > 0 && offenders === null && cases === 0) {
        push(['drug_offenders_arrested', 'drug_cases'], {
          vi: `có ${arrested} đối tượng bị bắt nhưng số vụ phạm tội về ma túy là 0`,
          en: `${arrested} offenders were arrested but there are 0 drug crime cases`,
        });
      }
      if (cases !== null && offenders !== null && offenders < cases) {
        push(['drug_cases', 'drug_offenders'], {
          vi: `có ${cases} vụ nhưng chỉ ${offenders} đối tượng phạm tội (mỗi vụ có ít nhất một đối tượng)`,
          en: `${cases} cases but only ${offenders} offenders (each case has at least one offender)`,
        });
      }
    });
  },
};

export const STATS_RULES: readonly Rule[] = [V17, V18, V19, V20, V21, V22];
