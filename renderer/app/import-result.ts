/** The sentence that reports a unit-list import, in the interface language. */
import type { TFunction } from 'i18next';
import type { UnitImportSummary, UnitMove } from '../../shared/api/contract';
import type { Language } from '../../shared/i18n/format';
import { formatCount } from './format';

type Counts = { provinces: number; districts: number; communes: number };

/** "63 tỉnh, 696 huyện, 10.047 xã"; a scheme without districts leaves them out. */
export function unitCountsText(counts: Counts, t: TFunction, language: Language): string {
  const values = {
    provinces: formatCount(counts.provinces, language),
    districts: formatCount(counts.districts, language),
    communes: formatCount(counts.communes, language),
  };
  return counts.districts > 0 ? t('setup.countsWithDistricts', values) : t('setup.countsCommunesOnly', values);
}

export function importResultText(summary: UnitImportSummary, t: TFunction, language: Language): string {
  // Re-importing the same list is common (to check it); say plainly that nothing changed.
  if (summary.added === 0 && summary.changed === 0) {
    return t('setup.upToDate', { counts: unitCountsText(summary, t, language) });
  }
  const values = {
    provinces: formatCount(summary.provinces, language),
    districts: formatCount(summary.districts, language),
    communes: formatCount(summary.communes, language),
    added: formatCount(summary.added, language),
    changed: formatCount(summary.changed, language),
    unchanged: formatCount(summary.unchanged, language),
  };
  return summary.districts > 0 ? t('setup.resultWithDistricts', values) : t('setup.resultCommunesOnly', values);
}

/** "00070 Phường Hoàn Kiếm → Phường Gươm (renamed; 3 records)": what changes and how much data it touches. */
export function moveText(move: UnitMove, t: TFunction, language: Language): string {
  const what = move.isRenamed && move.isMovedOut ? 'setup.moveRenamedAndOut' : move.isRenamed ? 'setup.moveRenamed' : 'setup.moveOut';
  return t(what, { code: move.code, name: move.name, newName: move.newName, records: formatCount(move.records, language) });
}
