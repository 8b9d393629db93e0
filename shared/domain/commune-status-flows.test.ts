/**
 * Issue 12 item 5: "period flows (services accessed, post-rehab managed in the period,
 * rehab counts) are not copied by 'Lấy số liệu kỳ trước'". domain.md §5.4 "Stock vs
 * flow": R1 (people on the records) reads like a stock at the assessment date; arrests,
 * plants and points found read like counts within the window. The classification lives
 * on the field definitions (`isPeriodFlow`); these tests pin it.
 */
import { describe, expect, it } from 'vitest';
import { COMMUNE_STATUS_FIELDS, PERIOD_FLOW_FIELDS, type CommuneStatusField } from './commune-status';

describe('stocks and flows of the commune status (domain.md §5.4, §7.5, §7.6)', () => {
  it.each<CommuneStatusField>([
    'accessed_services',
    'post_rehab_managed',
    'rehab_compulsory',
    'rehab_voluntary_facility',
    'rehab_voluntary_family_community',
    'new_addicts_detected',
    'new_users_detected',
    'removed_from_management',
    'relapse_detected',
    'drug_offenders_arrested',
    'drug_cases',
    'plants_destroyed_area_m2',
    'approval_decision_no',
  ])('%s happened during the period: not carried forward', (key) => {
    expect(PERIOD_FLOW_FIELDS.has(key)).toBe(true);
  });

  it.each<CommuneStatusField>([
    'resident_population',
    'addicts_with_records',
    'users_with_records',
    'on_substitution_treatment',
    'in_family_community_rehab',
    'under_post_rehab_management',
    'harboring_points',
    'wanted_drug_fugitives_hiding',
    'key_route',
    'declared_class',
    'addicts_records_male',
    'addicts_records_age_30_plus',
  ])('%s is the standing at the period end: carried forward', (key) => {
    expect(PERIOD_FLOW_FIELDS.has(key)).toBe(false);
  });

  it('is read from the field definitions, so the set and the flags cannot disagree', () => {
    const flagged = COMMUNE_STATUS_FIELDS.filter((f) => 'isPeriodFlow' in f && f.isPeriodFlow).map((f) => f.key);
    expect([...PERIOD_FLOW_FIELDS].sort()).toEqual([...flagged].sort());
  });
});
