import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsolidatedView, NotReportedOffice } from '../../../shared/api/exchange-types';
import type { IndicatorsReport } from '../../../shared/api/indicator-types';
import { COMMUNE_STATUS_FIELDS } from '../../../shared/domain/commune-status';
import { HOTSPOT_FIELDS } from '../../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS } from '../../../shared/domain/model-site';
import { parsePeriodId, periodLabel } from '../../../shared/domain/period';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import type { RefNames } from '../../app/field-text';
import { formatDay } from '../exchange/format';
import { useUnitNames } from '../exchange/use-names';
import { ConsolidatedGrid, type AnyRow } from './ConsolidatedGrid';
import { ConsolidatedIndicators } from './ConsolidatedIndicators';
import '../sheet.css';
import './consolidated.css';

type Props = { periodId: string; isActive: boolean; language: Language };

type Loaded = { periodId: string; view: ConsolidatedView; notReported: NotReportedOffice[]; indicators: IndicatorsReport };

/**
 * "Tổng hợp" (product.md §6, issue 6): for a province, the current package of every
 * district for the period, read only — communes, hotspots and model sites with the
 * office and package each row came from — the offices that have not reported, and the
 * programme indicators over the consolidated data. Reloaded whenever the tab is shown,
 * since packages are received on the Exchange sheet.
 */
export function ConsolidatedSheet({ periodId, isActive, language }: Props) {
  const { t } = useTranslation('consolidation');
  const { t: tApp } = useTranslation();
  const client = useClient();
  const notReportedId = useId();
  const indicatorsId = useId();
  const unitNames = useUnitNames(client);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refs = useMemo((): RefNames => ({ commune: unitNames, officeUnit: unitNames }), [unitNames]);
  const period = parsePeriodId(periodId);
  const periodText = period === null ? periodId : periodLabel(period, language);

  useEffect(() => {
    if (!isActive) return undefined;
    let isCurrent = true;
    Promise.all([client.call('consolidated.list', { periodId }), client.call('consolidated.notReported', { periodId }), client.call('consolidated.indicators', { periodId, setId: null })])
      .then(([view, notReported, indicators]) => {
        if (!isCurrent) return;
        setLoaded({ periodId, view, notReported, indicators });
        setError(null);
      })
      .catch((caught: unknown) => {
        if (isCurrent) setError(errorText(caught, tApp));
      });
    return () => {
      isCurrent = false;
    };
  }, [client, periodId, isActive, tApp]);

  const current = loaded !== null && loaded.periodId === periodId ? loaded : null;

  return (
    <section className="sheet consolidated-sheet" aria-label={t('consolidated.title')} data-testid="consolidated-sheet">
      <p className="hint">{t('consolidated.intro', { period: periodText })}</p>
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {current === null ? (
        error === null && <p className="hint">{t('consolidated.loading')}</p>
      ) : (
        <>
          <div className="consolidated-top">
            <section className="panel" aria-labelledby={notReportedId} data-testid="not-reported">
              <h2 id={notReportedId}>{t('consolidated.notReported')}</h2>
              {current.notReported.length === 0 ? (
                <p className="result">{t('consolidated.allReported')}</p>
              ) : (
                <table className="data-table not-reported-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('consolidated.notReportedColumns.office')}</th>
                      <th scope="col">{t('consolidated.notReportedColumns.lastReported')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {current.notReported.map((office) => (
                      <tr key={office.officeCode} data-testid="not-reported-office">
                        <th scope="row">
                          {office.officeName} <span className="muted">({office.officeCode})</span>
                        </th>
                        <td>
                          {office.lastReported === null
                            ? t('consolidated.never')
                            : `${office.lastReported.periodId} — ${tApp('exchange.send.sequence')} ${office.lastReported.sequence} (${formatDay(office.lastReported.acceptedAt)})`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section className="panel consolidated-indicators" aria-labelledby={indicatorsId} data-testid="consolidated-indicators">
              <h2 id={indicatorsId}>
                {t('consolidated.indicators')} <span className="muted">— {current.indicators.sets.find((s) => s.id === current.indicators.setId)?.name}</span>
              </h2>
              <ConsolidatedIndicators report={current.indicators} language={language} />
            </section>
          </div>
          <ConsolidatedGrid
            testId="consolidated-communes"
            caption={t('consolidated.communes')}
            rows={current.view.communes as AnyRow[]}
            fields={COMMUNE_STATUS_FIELDS}
            language={language}
            refs={refs}
          />
          <ConsolidatedGrid testId="consolidated-hotspots" caption={t('consolidated.hotspots')} rows={current.view.hotspots as AnyRow[]} fields={HOTSPOT_FIELDS} language={language} refs={refs} />
          <ConsolidatedGrid
            testId="consolidated-model-sites"
            caption={t('consolidated.modelSites')}
            rows={current.view.modelSites as AnyRow[]}
            fields={MODEL_SITE_FIELDS}
            language={language}
            refs={refs}
          />
        </>
      )}
    </section>
  );
}
