/**
 * For a sheet that shows figures computed from records other sheets store (a commune's
 * active hotspots and model sites, the indicators): a version that steps when batches
 * were stored elsewhere since the sheet last read its data — at once while the sheet is
 * shown, else when it is shown again (a hidden sheet never costs a read per keystroke) —
 * so it reads again without a reload of the page (issue 12 item 8). The sheet calls
 * noteOwnSave after each batch it stored itself: those answers already carry its rows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useProblemsContext } from '../problems/problems-context';

export type OutsideSaves = { version: number; noteOwnSave: () => void };

export function useOutsideSaves(isActive: boolean): OutsideSaves {
  // Every stored batch, of any sheet, import or receipt, asks the Problems panel again.
  const { savedCount } = useProblemsContext();
  const own = useRef(0);
  const seen = useRef(savedCount);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const outside = savedCount - own.current;
    if (!isActive || outside === seen.current) return;
    seen.current = outside;
    setVersion((v) => v + 1);
  }, [isActive, savedCount]);
  const noteOwnSave = useCallback(() => {
    own.current += 1;
  }, []);
  return { version, noteOwnSave };
}
