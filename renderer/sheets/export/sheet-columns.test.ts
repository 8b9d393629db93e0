/**
 * The export writes, and the importer matches, the headers of shared/domain/sheet-columns.ts.
 * These tests hold them to the grid's own column definitions (built with the app's
 * Vietnamese and English texts): same column ids, same order, same headers, same pinning.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import type { SheetName } from '../../../shared/api/register-types';
import type { Language } from '../../../shared/i18n/format';
import { sheetColumns } from '../../../shared/domain/sheet-columns';
import type { SheetCellState } from '../../grid/field-column';
import { en as enMessages } from '../../i18n/en';
import { gridResources } from '../../i18n/grid';
import { vi as viMessages } from '../../i18n/vi';
import { communeColumns, type CommuneTexts } from '../commune-columns';
import { hotspotColumns, type HotspotTexts } from '../hotspots/hotspot-columns';
import { modelSiteColumns } from '../model-sites/model-site-columns';

const state: SheetCellState = {
  isLocked: () => false,
  refs: () => ({}),
  isPending: () => false,
  isSaved: () => false,
  isInRange: () => false,
  onInvalid: () => undefined,
};

type AnyColumn = ColDef<unknown, unknown> | ColGroupDef<unknown>;
const flatten = (columns: readonly AnyColumn[]): ColDef<unknown, unknown>[] =>
  columns.flatMap((c) => ('children' in c ? flatten(c.children as AnyColumn[]) : [c]));

function gridColumns(sheet: SheetName, language: Language): ColDef<unknown, unknown>[] {
  const m = language === 'en' ? enMessages : viMessages;
  const g = gridResources[language];
  const base = { empty: m.sheet.empty, yes: m.sheet.yes, no: m.sheet.no, invalid: () => '' };
  if (sheet === 'communeStatuses') {
    const texts: CommuneTexts = {
      ...base,
      ...m.sheet.columns,
      groups: g.groups,
      activeHotspots: g.computed.activeHotspots,
      activeModelSites: g.computed.activeModelSites,
      computedClass: g.classification.computedClass,
      criteria: g.classification.criteria,
    };
    return flatten(communeColumns(language, texts, state) as AnyColumn[]);
  }
  if (sheet === 'hotspots') {
    const texts: HotspotTexts = { ...base, flags: g.hotspots.flags, flagYes: g.hotspots.flagYes, newRowHint: g.hotspots.newRowHint };
    return flatten(hotspotColumns(language, texts, state) as AnyColumn[]);
  }
  return flatten(modelSiteColumns(language, base, state) as AnyColumn[]);
}

describe.each(['communeStatuses', 'hotspots', 'modelSites'] as const)('sheetColumns(%s)', (sheet) => {
  it.each(['vi', 'en'] as const)('has the grid headers in %s, in the grid order', (language) => {
    const grid = gridColumns(sheet, language).map((c) => ({ key: c.colId, label: c.headerName, isPinned: c.pinned === 'left' }));
    const shared = sheetColumns(sheet).map((c) => ({ key: c.key, label: c.labels[language], isPinned: c.isPinned }));
    expect(shared).toEqual(grid);
  });
});
