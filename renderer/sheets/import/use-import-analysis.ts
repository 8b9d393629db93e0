/**
 * The wizard's conversation with the services: every choice (sheet, header row,
 * mapping, key) asks imports.analyze again, which reads the file and previews every row
 * without storing anything. Each call carries a request id, so the wizard can show how
 * far the reading has come (imports.progress, polled) and Cancel can stop the work on
 * the server (imports.cancel ends the parse worker), not only drop the answer.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportAnalysis } from '../../../shared/api/import-types';
import type { SheetName } from '../../../shared/api/register-types';
import type { ApiClient } from '../../api/client';

export type ImportChoices = {
  sheetName: string | null;
  headerRow: number | null;
  mapping: { index: number; field: string | null }[] | null;
  /** The fields that match a row to a stored record; null: the sheet's usual key. */
  keyFields: string[] | null;
};

export type ImportFile = { fileName: string; bytesBase64: string };

export type ImportAnalysisState = {
  analysis: ImportAnalysis | null;
  isBusy: boolean;
  /** Fraction of the file read while busy (1: its rows are being checked). */
  progress: number;
  error: unknown;
  analyze: (file: ImportFile, choices: ImportChoices) => Promise<ImportAnalysis | null>;
  cancel: () => void;
};

const POLL_MS = 250;

export function useImportAnalysis(client: ApiClient, sheet: SheetName, periodId: string): ImportAnalysisState {
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const ticket = useRef(0);
  const running = useRef<string | null>(null);

  useEffect(() => {
    if (!isBusy) return undefined;
    const timer = setInterval(() => {
      const id = running.current;
      if (id === null) return;
      client
        .call('imports.progress', { requestId: id })
        .then((p) => {
          if (running.current === id && p.stage === 'reading') setProgress(p.fraction);
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [client, isBusy]);

  const analyze = useCallback(
    async (file: ImportFile, choices: ImportChoices) => {
      const mine = ++ticket.current;
      const requestId = crypto.randomUUID();
      running.current = requestId;
      setBusy(true);
      setProgress(0);
      setError(null);
      try {
        const result = await client.call('imports.analyze', { sheet, periodId, file, ...choices, requestId });
        if (mine !== ticket.current) return null;
        setAnalysis(result);
        return result;
      } catch (caught) {
        if (mine === ticket.current) setError(caught);
        return null;
      } finally {
        if (mine === ticket.current) {
          running.current = null;
          setBusy(false);
        }
      }
    },
    [client, sheet, periodId],
  );

  const cancel = useCallback(() => {
    const id = running.current;
    ticket.current += 1;
    running.current = null;
    setBusy(false);
    if (id !== null) void client.call('imports.cancel', { requestId: id }).catch(() => undefined);
  }, [client]);

  // Closing the wizard mid-read stops the read as Cancel does.
  useEffect(() => () => cancel(), [cancel]);

  return { analysis, isBusy, progress, error, analyze, cancel };
}
