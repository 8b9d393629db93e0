/**
 * V15 (issue 12 item 4; domain.md §5.4 "if all Art. 6 conditions hold, propose … show
 * the conflict, require the user to confirm"): a commune that meets Art. 6 of QĐ
 * 28/2025/QĐ-TTg (drug-free) while also meeting a key-area criterion of Art. 4 is never
 * settled by the classifier alone. Whatever is declared, the office records its decision
 * in the override reason; until then the case stays flagged.
 */
import { COMMUNE_CLASS_LABELS } from '../commune-status';
import { problemOf, text } from './helpers';
import type { Problem, Rule } from './types';

export const V15: Rule = {
  id: 'V15',
  severity: 'warning',
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
