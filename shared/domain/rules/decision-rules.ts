/**
 * Decisions on a commune's status: V15 and the approval (V23).
 *
 * V15 (issue 12 item 4; domain.md §5.4 "if all Art. 6 conditions hold, propose … show
 * the conflict, require the user to confirm"): a commune that meets Art. 6 of QĐ
 * 28/2025/QĐ-TTg (drug-free) while also meeting a key-area criterion of Art. 4 is never
 * settled by the classifier alone. Whatever is declared, the office records its decision
 * in the override reason; until then the case stays flagged.
 */
import { COMMUNE_CLASS_LABELS, fieldDef } from '../commune-status';
import { foldVietnamese } from '../text';
import { dmy, NSO_2025_FROM, problemOf, text } from './helpers';
import type { Problem, Rule } from './types';

export const V15: Rule = {
  id: 'V15',
  severity: 'warning',
  scope: 'record',
  message: {
    vi: '{{name}}: đạt các điều kiện của Điều 6 (không ma túy) nhưng cũng có tiêu chí trọng điểm theo Điều 4 Quyết định 28/2025/QĐ-TTg (kết quả tính: “{{computed}}”). Trường hợp này phải quyết định thủ công: chọn tình trạng và ghi lý do, căn cứ ở cột “Lý do khác kết quả tính”.',
    en: '{{name}}: meets Art. 6 (drug-free) but also a key-area criterion of Art. 4 of Decision 28/2025/QĐ-TTg (computed: “{{computed}}”). This case is decided by hand: choose the status and record the reason in the “Override reason” column.',
  },
  check(ctx) {
    if (!ctx.isQd28) return [];
    const out: Problem[] = [];
    for (const { commune, status, classification: c } of ctx.entered) {
      if (c === null || text(status.override_reason) !== null) continue;
      if (!c.flags.includes('ART6_HOLDS_BUT_KEY') && !c.flags.includes('DRUG_FREE_WITH_RECORDS')) continue;
      out.push(problemOf(V15, 'communeStatuses', commune.code, ['declared_class', 'override_reason'], { name: commune.name, computed: COMMUNE_CLASS_LABELS[c.computed_class] }));
    }
    return out;
  },
};

/**
 * A People's Committee of a province or of a centrally-run city, named the way decisions
 * are signed ("UBND tỉnh Lào Cai", "Ủy ban nhân dân TP. Hà Nội"). After 1/7/2025 every
 * "thành phố" is centrally run (provincial cities went with the district level).
 */
function isProvincialCommittee(approver: string): boolean {
  const folded = foldVietnamese(approver).replace(/[.,]/gu, ' ');
  return /\b(ubnd|uy ban nhan dan)\s+(tinh|thanh pho|tp)\b/u.test(folded);
}

/**
 * V23 (domain.md §7.5 "approval_decision_no / approval_date / approved_by — province (or
 * district, legacy)"; QĐ 28/2025/QĐ-TTg Art. 9: the commune People's Committee
 * self-assesses and reports, the provincial People's Committee approves): an approved
 * status names the decision, its date and who issued it. From 1/7/2025 there is no
 * district level, so the approver is the provincial People's Committee; a decision dated
 * after today cannot have approved anything yet.
 */
export const V23: Rule = {
  id: 'V23',
  scope: 'record',
  severity: 'error',
  message: {
    vi: '{{name}}: {{what}}. Tình trạng đã phê duyệt phải ghi số quyết định, ngày phê duyệt và cơ quan phê duyệt (từ 01/7/2025 là Ủy ban nhân dân cấp tỉnh, theo Điều 9 Quyết định 28/2025/QĐ-TTg); hãy bổ sung hoặc sửa các cột này, hoặc đổi trạng thái phê duyệt.',
    en: '{{name}}: {{what}}. An approved status gives the decision number, the approval date and the approving body (from 1/7/2025 the provincial People’s Committee, Art. 9 of Decision 28/2025/QĐ-TTg); fill in or correct these columns, or change the approval status.',
  },
  check(ctx) {
    const out: Problem[] = [];
    for (const { commune, status } of ctx.entered) {
      const push = (fields: string[], what: { vi: string; en: string }) => out.push(problemOf(V23, 'communeStatuses', commune.code, fields, { name: commune.name, what }));
      const date = text(status.approval_date);
      const approver = text(status.approved_by);
      if (status.approval_status === 'APPROVED') {
        const blank = (['approval_decision_no', 'approval_date', 'approved_by'] as const).filter((k) => text(status[k]) === null);
        if (blank.length > 0) {
          push([...blank], {
            vi: `trạng thái “Đã phê duyệt” nhưng chưa có ${blank.map((k) => fieldDef(k).labels.vi).join(', ')}`,
            en: `status “Approved” but ${blank.map((k) => fieldDef(k).labels.en).join(', ')} missing`,
          });
        }
      }
      if (date !== null && date > ctx.today) {
        push(['approval_date'], { vi: `ngày phê duyệt ${dmy(date)} sau ngày hôm nay`, en: `approval date ${dmy(date)} is after today` });
      }
      if (date !== null && date >= NSO_2025_FROM && approver !== null && !isProvincialCommittee(approver)) {
        push(['approved_by'], {
          vi: `quyết định ngày ${dmy(date)} ghi cơ quan phê duyệt “${approver}”, không phải Ủy ban nhân dân cấp tỉnh (ghi “UBND tỉnh …” hoặc “UBND thành phố …”)`,
          en: `the decision of ${dmy(date)} names “${approver}” as approver, not a provincial People’s Committee (write “UBND tỉnh …” or “UBND thành phố …”)`,
        });
      }
    }
    return out;
  },
};
