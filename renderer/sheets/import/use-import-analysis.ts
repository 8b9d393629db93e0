/**
 * The wizard's conversation with the services: every choice (sheet, header row,
 * mapping) asks imports.analyze again, which reads the file and previews every row
 * without storing anything — so Cancel, at any moment, leaves the workspace untouched:
 * a pending answer is simply dropped.
 */
import { useCallback, useRef, useState } from 'react';
import type { ImportAnalysis } from '../../../shared/api/import-types';
import type { SheetName } from '../../../shared/api/register-types';
import type { ApiClient } from '../../api/client';

export type ImportChoices = {
  sheetName: string | null;
  headerRow: number | null;
  mapping: { index: number; field: string | null }[] | null;
};

export type ImportFile = { fileName: string; bytesBase64: string };

export type ImportAnalysisState = {
  analysis: ImportAnalysis | null;
  isBusy: boolean;
  error: unknown;
  analyze: (file: ImportFile, choices: ImportChoices) => Promise<ImportAnalysis | null>;
  cancel: () => void;
};

export function useImportAnalysis(client: ApiClient, sheet: SheetName, periodId: string): ImportAnalysisState {
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ticket = useRef(0);

  const analyze = useCallback(
    async (file: ImportFile, choices: ImportChoices) => {
      const mine = ++ticket.current;
      setBusy(true);
      setError(null);
      try {
        const result = await client.call('imports.analyze', { sheet, periodId, file, keyFields: null, ...choices });
        if (mine !== ticket.current) return null;
        setAnalysis(result);
        return result;
      } catch (caught) {
        if (mine === ticket.current) setError(caught);
        return null;
      } finally {
        if (mine === ticket.current) setBusy(false);
      }
    },
    [client, sheet, periodId],
  );

  const cancel = useCallback(() => {
    ticket.current += 1;
    setBusy(false);
  }, []);

  return { analysis, isBusy, error, analyze, cancel };
}
