import { createContext, useContext, useEffect, useState } from 'react';
import type { IndicatorSetInfo, IndicatorsReport } from '../../../shared/api/indicator-types';
import type { ApiClient } from '../../api/client';

export type SetId = IndicatorSetInfo['id'];
export type IndicatorsState = { report: IndicatorsReport | null; error: unknown; isLoading: boolean };

/**
 * The indicators report of a period and set (null: the period's own set). A reply to
 * an older request is dropped, so switching periods quickly never shows stale figures;
 * asked again after a save elsewhere (IndicatorsReloadContext), without a page reload.
 */
/** Steps when batches stored elsewhere may have changed the figures (LazyIndicatorsSheet, use-outside-saves.ts). */
export const IndicatorsReloadContext = createContext(0);

export function useIndicators(client: ApiClient, periodId: string, setId: SetId | null, reloadKey: number): IndicatorsState {
  const [state, setState] = useState<IndicatorsState>({ report: null, error: null, isLoading: true });
  const outside = useContext(IndicatorsReloadContext);

  useEffect(() => {
    let isCurrent = true;
    setState((before) => ({ ...before, error: null, isLoading: true }));
    client
      .call('indicators.list', { periodId, setId })
      .then((report) => {
        if (isCurrent) setState({ report, error: null, isLoading: false });
      })
      .catch((error: unknown) => {
        if (isCurrent) setState({ report: null, error, isLoading: false });
      });
    return () => {
      isCurrent = false;
    };
  }, [client, periodId, setId, reloadKey, outside]);

  return state;
}
