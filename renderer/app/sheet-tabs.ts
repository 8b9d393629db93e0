/** The sheets of the main screen, in tab order. */
export const SHEET_TABS = ['communes', 'hotspots', 'modelSites', 'history', 'indicators', 'report', 'exchange', 'consolidated'] as const;
export type SheetTab = (typeof SHEET_TABS)[number];

/** data-testid of each tab (tests address tabs without depending on the language). */
export const TAB_TEST_IDS: Record<SheetTab, string> = {
  communes: 'tab-communes',
  hotspots: 'tab-hotspots',
  modelSites: 'tab-model-sites',
  history: 'tab-history',
  indicators: 'tab-indicators',
  report: 'tab-report',
  exchange: 'tab-exchange',
  consolidated: 'tab-consolidated',
};

/** The tabs an office sees: the consolidated view only where packages of offices below are received (a province). */
export function tabsFor(level: string): readonly SheetTab[] {
  return level === 'PROVINCE' ? SHEET_TABS : SHEET_TABS.filter((tab) => tab !== 'consolidated');
}

export function tabPanelId(tab: SheetTab): string {
  return `sheet-panel-${tab}`;
}

export function tabId(tab: SheetTab): string {
  return `sheet-tab-${tab}`;
}
