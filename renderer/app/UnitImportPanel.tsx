import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitImportSummary } from '../../shared/api/contract';
import { currentLanguage } from '../i18n/setup';
import { bytesToBase64 } from './base64';
import { useClient } from './client-context';
import { ErrorAlert } from './ErrorAlert';
import { errorText } from './error-text';
import { importResultText } from './import-result';
import { UnitMovesNotice } from './UnitMovesNotice';

type Busy = { phase: 'reading' | 'importing'; file: string };
/** A list held back because it renames or moves units with data: kept to re-send once confirmed. */
type Held = { summary: UnitImportSummary; fileName: string; contentBase64: string };
type Props = { onImported: (summary: UnitImportSummary) => void };

const ACCEPTED = '.xlsx,.xls,.ods,.csv,.json';

/** Imports the administrative-unit list from a file the user picks. */
export function UnitImportPanel({ onImported }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [summary, setSummary] = useState<UnitImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState<Held | null>(null);

  const send = async (fileName: string, contentBase64: string, isMoveConfirmed: boolean) => {
    setBusy({ phase: 'importing', file: fileName });
    const result = await client.call('units.import', { fileName, contentBase64, isMoveConfirmed });
    if (!result.isApplied) {
      setHeld({ summary: result, fileName, contentBase64 });
      return;
    }
    setHeld(null);
    setSummary(result);
    onImported(result);
  };

  const run = async (step: () => Promise<void>) => {
    setError(null);
    setSummary(null);
    try {
      await step();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(null);
    }
  };

  const importFile = (file: File) =>
    run(async () => {
      setHeld(null);
      setBusy({ phase: 'reading', file: file.name });
      await send(file.name, bytesToBase64(new Uint8Array(await file.arrayBuffer())), false);
    });

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clearing lets the same file be chosen again after fixing it in Excel.
    input.value = '';
    if (file !== undefined) void importFile(file);
  };

  return (
    <section className="panel" aria-labelledby="import-heading" aria-busy={busy !== null}>
      <h2 id="import-heading">{t('setup.importHeading')}</h2>
      <p className="hint">{t('setup.importHint')}</p>
      <label className="field">
        <span className="field-label">{t('setup.fileLabel')}</span>
        <input type="file" accept={ACCEPTED} onChange={onChange} disabled={busy !== null} />
      </label>
      {busy && (
        <div className="busy" role="status">
          <progress aria-label={t(busy.phase === 'reading' ? 'setup.reading' : 'setup.importing', { file: busy.file })} />
          <span>{t(busy.phase === 'reading' ? 'setup.reading' : 'setup.importing', { file: busy.file })}</span>
        </div>
      )}
      {summary && (
        <p className="result" role="status" data-testid="import-result">
          {importResultText(summary, t, currentLanguage())}
        </p>
      )}
      {held && (
        <UnitMovesNotice
          summary={held.summary}
          isBusy={busy !== null}
          onConfirm={() => void run(() => send(held.fileName, held.contentBase64, true))}
          onCancel={() => setHeld(null)}
        />
      )}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
    </section>
  );
}
