import type { AgCartesianChartOptions } from 'ag-charts-community';
import { AgCharts } from 'ag-charts-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorResult } from '../../../shared/api/indicator-types';
import { parsePeriodId, periodLabel } from '../../../shared/domain/period';
import type { Language } from '../../../shared/i18n/format';
import { readCspNonce } from '../../app/csp-nonce';
import { formatPercent } from './indicator-format';
import './chart-setup';

type Props = { indicators: readonly IndicatorResult[]; periodId: string; language: Language };

/** One group of bars: an indicator's percent now, in the previous period and at the baseline. */
export type ChartDatum = { code: string; name: string; current: number | null; previous: number | null; baseline: number | null };

const styleNonce = readCspNonce();
const FONT = 'Segoe UI, Noto Sans, Roboto, Helvetica Neue, Arial, sans-serif';
const COLORS = { current: '#1d5fa8', previous: '#8fb3dc', baseline: '#c9a227' };

/** The PCT indicators as chart rows (counts and changes do not share a percent axis). */
export function chartData(indicators: readonly IndicatorResult[]): ChartDatum[] {
  return indicators
    .filter((i) => i.unit === 'PCT')
    .map((i) => ({ code: i.code, name: i.name, current: i.current.value, previous: i.previous.value, baseline: i.baseline?.value ?? null }));
}

function periodText(id: string | undefined, language: Language): string {
  if (id === undefined) return '';
  const period = parsePeriodId(id);
  return period ? periodLabel(period, language) : id;
}

/** Grouped bars of the percentage indicators: this period, the previous period and the baseline. */
export function IndicatorsChart({ indicators, periodId, language }: Props) {
  const { t } = useTranslation('indicators');
  const data = useMemo(() => chartData(indicators), [indicators]);

  const options = useMemo((): AgCartesianChartOptions<ChartDatum> => {
    const first = indicators[0];
    const baselineId = indicators.find((i) => i.baseline !== null)?.baseline?.periodId;
    const currentName = t('chart.current', { period: periodText(periodId, language) });
    const previousName = t('chart.previous', { period: periodText(first?.previous.periodId, language) });
    const baselineName = baselineId === undefined ? t('chart.noBaseline') : t('chart.baseline', { period: periodText(baselineId, language) });
    const percent = (value: unknown) => (typeof value === 'number' ? formatPercent(value, language) : '');
    const bar = (yKey: 'current' | 'previous' | 'baseline', yName: string) => ({
      type: 'bar' as const,
      xKey: 'name' as const,
      yKey,
      yName,
      fill: COLORS[yKey],
      stroke: COLORS[yKey],
      label: { enabled: true, fontSize: 10, formatter: ({ value }: { value: unknown }) => percent(value) },
      tooltip: {
        renderer: ({ datum }: { datum: ChartDatum }) => ({ heading: datum.name, title: yName, data: [{ label: yName, value: datum[yKey] === null ? '—' : percent(datum[yKey]) }] }),
      },
    });
    return {
      data,
      styleNonce,
      background: { fill: '#ffffff' },
      title: { text: t('chart.title'), fontFamily: FONT, fontSize: 14 },
      subtitle: { text: t('chart.subtitle'), fontFamily: FONT, fontSize: 11 },
      series: [bar('current', currentName), bar('previous', previousName), bar('baseline', baselineName)],
      axes: {
        x: { type: 'category', position: 'bottom', label: { fontFamily: FONT, fontSize: 11, wrapping: 'on-space', rotation: 0 } },
        y: { type: 'number', position: 'left', min: 0, label: { fontFamily: FONT, formatter: ({ value }: { value: unknown }) => percent(value) } },
      },
      legend: { position: 'bottom', item: { label: { fontFamily: FONT } } },
    };
  }, [data, indicators, periodId, language, t]);

  if (data.length === 0) return <div className="indicators-chart-empty">{t('chart.empty')}</div>;
  return (
    <div className="indicators-chart" data-testid="indicators-chart" role="img" aria-label={t('chart.label')}>
      <AgCharts options={options} className="indicators-chart-canvas" />
    </div>
  );
}
