import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorResult } from '../../../shared/api/indicator-types';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { readCspNonce } from '../../app/csp-nonce';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { formatCount } from '../../app/format';
import { sheetTheme } from '../ag-grid-setup';
import { GRID_LOCALE_VI } from '../grid-locale-vi';
import { indicatorColumns } from './indicator-columns';
import { IndicatorsChart } from './IndicatorsChart';
import { useIndicatorTexts } from './use-indicator-texts';
import { useIndicators, type SetId } from './use-indicators';
import '../sheet.css';
import './indicators.css';

type Props = { periodId: string; language: Language };

const styleNonce = readCspNonce();
const DEFAULT_COL_DEF: ColDef<IndicatorResult, string> = { resizable: true, sortable: false, editable: false, wrapHeaderText: true, autoHeaderHeight: true, suppressMovable: true };
const rowIdOf = (p: GetRowIdParams<IndicatorResult>) => p.data.code;

/**
 * The programme indicators of the period (domain.md §8), read only: one row per
 * indicator with its numerator, explicit denominator, target and assessment, the
 * previous period and the baseline; and the percentage indicators as grouped bars.
 * The set defaults to the one of the period's programme phase and can be switched.
 */
export function IndicatorsSheet({ periodId, language }: Props) {
  const { t } = useTranslation('indicators');
  const { t: tApp } = useTranslation();
  const client = useClient();
  // The chosen set belongs to the period it was chosen in; a new period starts on its own set.
  const [chosen, setChosen] = useState<{ periodId: string; setId: SetId } | null>(null);
  const setId = chosen !== null && chosen.periodId === periodId ? chosen.setId : null;
  const { report, error, isLoading } = useIndicators(client, periodId, setId, 0);
  const indicators = useMemo(() => report?.indicators ?? [], [report]);

  const texts = useIndicatorTexts();
  const columnDefs = useMemo(() => indicatorColumns(language, texts), [language, texts]);

  const metCount = indicators.filter((i) => i.isMet === true).length;
  const assessed = indicators.filter((i) => i.isMet !== null).length;

  return (
    <section className="sheet indicators-sheet" aria-label={t('title')} data-testid="indicators-sheet">
      <div className="sheet-toolbar">
        <div className="inline-field">
          <label htmlFor="indicator-set">{t('set')}</label>
          <select
            id="indicator-set"
            data-testid="indicator-set"
            value={report?.setId ?? ''}
            disabled={report === null}
            onChange={(e) => {
              const next = report?.sets.find((s) => s.id === e.currentTarget.value);
              if (next) setChosen({ periodId, setId: next.id });
            }}
          >
            {report === null && <option value="">{isLoading ? t('loading') : ''}</option>}
            {report?.sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {report !== null && (
          <span className="indicator-summary" data-testid="indicator-summary">
            {t('summary', { met: formatCount(metCount, language), total: formatCount(assessed, language) })}
          </span>
        )}
      </div>
      <ErrorAlert message={error === null ? null : errorText(error, tApp)} />
      <div className="indicators-body">
        <div className="sheet-grid indicators-grid">
          {isLoading && report === null && <div className="sheet-loading">{t('loading')}</div>}
          <AgGridReact<IndicatorResult>
            key={language}
            localeText={language === 'vi' ? GRID_LOCALE_VI : undefined}
            theme={sheetTheme}
            styleNonce={styleNonce}
            rowData={report === null ? null : indicators}
            columnDefs={columnDefs}
            defaultColDef={DEFAULT_COL_DEF}
            getRowId={rowIdOf}
            animateRows={false}
            overlayNoRowsTemplate={t('none')}
            enableBrowserTooltips
            suppressCellFocus={false}
          />
        </div>
        {report !== null && <IndicatorsChart indicators={indicators} periodId={report.periodId} language={language} />}
      </div>
    </section>
  );
}
