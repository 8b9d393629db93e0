import { useEffect, useState } from 'react';
import type { ExportRecord, ExportSummary } from '../../../shared/api/exchange-types';
import type { ApiClient } from '../../api/client';

export type SendState = { summary: ExportSummary | null; log: ExportRecord[]; periodIds: string[]; error: unknown; isLoading: boolean };

/**
 * What sending the period would do, the log of packages sent and the periods in use, all
 * reloaded on `reloadKey`. A reply to an older request is dropped, so a fast change of
 * period or of the hotspot option never shows the summary of another choice.
 */
export function useExportSummary(client: ApiClient, periodId: string, includeHotspots: boolean, reloadKey: number, isActive: boolean): SendState {
  const [state, setState] = useState<SendState>({ summary: null, log: [], periodIds: [], error: null, isLoading: true });

  useEffect(() => {
    if (!isActive) return undefined;
    let isCurrent = true;
    setState((before) => ({ ...before, error: null, isLoading: true }));
    Promise.all([client.call('exports.summary', { periodId, includeHotspots }), client.call('exports.list', {}), client.call('periods.list', {})])
      .then(([summary, log, periods]) => {
        if (isCurrent) setState({ summary, log, periodIds: periods.map((p) => p.id), error: null, isLoading: false });
      })
      .catch((error: unknown) => {
        if (isCurrent) setState((before) => ({ ...before, summary: null, error, isLoading: false }));
      });
    return () => {
      isCurrent = false;
    };
  }, [client, periodId, includeHotspots, reloadKey, isActive]);

  return state;
}
