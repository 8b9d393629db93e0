/**
 * The i18next instance of the renderer. Vietnamese is the default; the stored
 * language (app.info) switches it after start-up. Resources are bundled, so
 * initialisation is synchronous and the first render already has its texts.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/i18n/format';
import { consolidationResources, type ConsolidationMessages } from './consolidation';
import { en } from './en';
import { gridResources, type GridMessages } from './grid';
import { indicatorResources, type IndicatorMessages } from './indicators';
import { reportResources, type ReportMessages } from './report';
import { sheetImportResources, type SheetImportMessages } from './sheet-import';
import { vi, type Messages } from './vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages; grid: GridMessages; indicators: IndicatorMessages; consolidation: ConsolidationMessages; sheetImport: SheetImportMessages; report: ReportMessages };
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: vi, grid: gridResources.vi, indicators: indicatorResources.vi, consolidation: consolidationResources.vi, sheetImport: sheetImportResources.vi, report: reportResources.vi },
    en: { translation: en, grid: gridResources.en, indicators: indicatorResources.en, consolidation: consolidationResources.en, sheetImport: sheetImportResources.en, report: reportResources.en },
  },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  initAsync: false,
  // React already escapes; double escaping would show &quot; in Vietnamese quotes.
  interpolation: { escapeValue: false },
});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}
