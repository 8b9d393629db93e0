import type { CustomCellRendererProps } from 'ag-grid-react';
import type { IndicatorResult } from '../../../shared/api/indicator-types';

/** The assessment of one indicator: "Đạt", "Chưa đạt" or "—", addressable by tests. */
export function MetCell({ value, data }: CustomCellRendererProps<IndicatorResult, string>) {
  const isMet = data?.isMet ?? null;
  const state = isMet === null ? 'unknown' : isMet ? 'met' : 'not-met';
  return (
    <span data-testid="indicator-met" data-state={state}>
      {value ?? ''}
    </span>
  );
}
