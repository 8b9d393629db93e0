/**
 * One page of history.list for a filter. The page resets to the first when the filter
 * changes; `reloadKey` refetches the same page (e.g. when the History tab is shown again).
 */
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../shared/api/register-types';
import type { ApiClient } from '../../api/client';

export type HistoryQuery = {
  table: HistoryEntry['table'] | null;
  recordId: string | null;
  periodId: string | null;
  cause: string | null;
  search: string | null;
};

export const PAGE_SIZE = 500;

export type HistoryPage = { entries: HistoryEntry[] | null; total: number; offset: number; error: unknown; setOffset: (offset: number) => void };

export function useHistory(client: ApiClient, query: HistoryQuery, reloadKey: number): HistoryPage {
  const [offset, setOffset] = useState(0);
  const [result, setResult] = useState<{ entries: HistoryEntry[] | null; total: number; error: unknown }>({ entries: null, total: 0, error: null });
  const { table, recordId, periodId, cause, search } = query;

  useEffect(() => setOffset(0), [table, recordId, periodId, cause, search]);

  useEffect(() => {
    let isStale = false;
    client
      .call('history.list', { table, recordId, periodId, cause, search, limit: PAGE_SIZE, offset })
      .then(({ entries, total }) => {
        if (!isStale) setResult({ entries, total, error: null });
      })
      .catch((error: unknown) => {
        if (!isStale) setResult({ entries: [], total: 0, error });
      });
    return () => {
      isStale = true;
    };
  }, [client, table, recordId, periodId, cause, search, offset, reloadKey]);

  return { ...result, offset, setOffset };
}
