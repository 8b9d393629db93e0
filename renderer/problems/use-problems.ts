/**
 * useProblems(periodId): the rules engine's answer for the period (problems.list) —
 * asked on mount, on a period change and on refresh() (after every saved batch); an
 * answer that arrives after a newer question is dropped.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemsList } from '../../shared/api/contract';
import type { SheetName } from '../../shared/api/register-types';
import type { ApiClient } from '../api/client';
import { errorText } from '../app/error-text';
import { indexProblems } from '../grid/problem-marks';
import type { FocusCell, ProblemsState } from './problems-context';

export type Problems = ProblemsState & {
  /** Focuses a record's cell in its sheet's grid; false when that grid or row is not there. */
  focusCell: (sheet: SheetName, recordId: string, field: string | null) => boolean;
};

export function useProblems(client: ApiClient, periodId: string, dataVersion = 0): Problems {
  const { t } = useTranslation();
  const [list, setList] = useState<ProblemsList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const seq = useRef(0);
  const grids = useRef(new Map<SheetName, FocusCell>());

  useEffect(() => {
    setList(null);
  }, [periodId]);

  useEffect(() => {
    const mine = ++seq.current;
    client
      .call('problems.list', { periodId })
      .then((answer) => {
        if (mine !== seq.current) return;
        setList(answer);
        setError(null);
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setError(errorText(e, t));
      });
  }, [client, periodId, version, dataVersion, t]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const registerGrid = useCallback((sheet: SheetName, focus: FocusCell) => {
    grids.current.set(sheet, focus);
    return () => {
      if (grids.current.get(sheet) === focus) grids.current.delete(sheet);
    };
  }, []);
  const focusCell = useCallback((sheet: SheetName, recordId: string, field: string | null) => grids.current.get(sheet)?.(recordId, field) ?? false, []);
  const index = useMemo(() => indexProblems(list), [list]);

  return useMemo(() => ({ list, index, error, refresh, savedCount: version, registerGrid, focusCell }), [list, index, error, refresh, version, registerGrid, focusCell]);
}
