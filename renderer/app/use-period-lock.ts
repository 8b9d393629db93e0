/**
 * The lock state of the selected period (periods.list), with lock and unlock. A period
 * that was never used is open. While the state is loading the sheets stay editable:
 * the services refuse edits of a locked period anyway (PERIOD_LOCKED).
 */
import { useCallback, useEffect, useState } from 'react';
import type { PeriodInfo } from '../../shared/api/register-types';
import type { ApiClient } from '../api/client';

export type PeriodLock = {
  status: PeriodInfo['status'] | null;
  isLocked: boolean;
  lock: () => Promise<void>;
  unlock: (reason: string) => Promise<void>;
  refresh: () => void;
};

export function usePeriodLock(client: ApiClient, periodId: string, onError: (error: unknown) => void): PeriodLock {
  const [status, setStatus] = useState<PeriodInfo['status'] | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let isStale = false;
    setStatus(null);
    client
      .call('periods.list', {})
      .then((periods) => {
        if (!isStale) setStatus(periods.find((p) => p.id === periodId)?.status ?? 'OPEN');
      })
      .catch((error: unknown) => {
        if (!isStale) onError(error);
      });
    return () => {
      isStale = true;
    };
  }, [client, periodId, version, onError]);

  const lock = useCallback(async () => {
    const info = await client.call('periods.lock', { periodId });
    setStatus(info.status);
  }, [client, periodId]);

  const unlock = useCallback(
    async (reason: string) => {
      const info = await client.call('periods.unlock', { periodId, reason });
      setStatus(info.status);
    },
    [client, periodId],
  );

  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  return { status, isLocked: status === 'LOCKED', lock, unlock, refresh };
}
