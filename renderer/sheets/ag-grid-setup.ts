/**
 * One-time AG Grid set-up for every sheet: Community modules only (the product ships
 * no Enterprise licence), test ids for Playwright in the e2e build, and the house theme. The font is
 * set explicitly because Quartz's default names a Google font, and the app is offline
 * behind a CSP that allows no remote fonts.
 */
import { AllCommunityModule, ModuleRegistry, setupAgTestIds, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);
// Only in the e2e build (vite --mode e2e): AG Grid's test-id service works on every scroll.
if (import.meta.env.MODE === 'e2e') setupAgTestIds();

export const sheetTheme = themeQuartz.withParams({
  fontFamily: ['Segoe UI', 'Noto Sans', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  spacing: 5,
  // Excel-like density: a 1366×768 laptop shows 18 communes at once (issue 14), and the
  // header takes one line when its text fits (autoHeaderHeight grows it when it wraps).
  rowHeight: 23,
  headerHeight: 30,
  accentColor: '#1d5fa8',
  foregroundColor: '#1c2430',
  headerBackgroundColor: '#eef2f7',
  headerTextColor: '#2a3547',
  borderColor: '#d3dae4',
  columnBorder: true,
  wrapperBorderRadius: 0,
  oddRowBackgroundColor: '#fafbfd',
  cellHorizontalPadding: 8,
  browserColorScheme: 'light',
});
