import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorResult, IndicatorsReport } from '../../../shared/api/indicator-types';
import type { Language } from '../../../shared/i18n/format';
import { readCspNonce } from '../../app/csp-nonce';
import { sheetTheme } from '../ag-grid-setup';
import { GRID_LOCALE_VI } from '../grid-locale-vi';
import { indicatorColumns } from '../indicators/indicator-columns';
import { useIndicatorTexts } from '../indicators/use-indicator-texts';
import '../indicators/indicators.css';

type Props = { report: IndicatorsReport; language: Language };

const styleNonce = readCspNonce();
const DEFAULT_COL_DEF: ColDef<IndicatorResult, string> = { resizable: true, sortable: false, editable: false, wrapHeaderText: true, autoHeaderHeight: true, suppressMovable: true };
const rowIdOf = (p: GetRowIdParams<IndicatorResult>) => p.data.code;

/** The province's indicators over the consolidated data, with the Indicators sheet's own columns. */
export function ConsolidatedIndicators({ report, language }: Props) {
  const { t } = useTranslation('indicators');
  const texts = useIndicatorTexts();
  const columnDefs = useMemo(() => indicatorColumns(language, texts), [language, texts]);
  return (
    <div className="consolidated-grid consolidated-indicator-grid">
      <AgGridReact<IndicatorResult>
        key={language}
        localeText={language === 'vi' ? GRID_LOCALE_VI : undefined}
        theme={sheetTheme}
        styleNonce={styleNonce}
        rowData={report.indicators}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL_DEF}
        getRowId={rowIdOf}
        animateRows={false}
        overlayNoRowsTemplate={t('none')}
        enableBrowserTooltips
      />
    </div>
  );
}
