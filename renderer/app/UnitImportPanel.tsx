import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundledUnitList, UnitImportSummary } from '../../shared/api/contract';
import type { SchemeCode } from '../../shared/domain/admin-units';
import { formatDate } from '../../shared/domain/field-values';
import { currentLanguage } from '../i18n/setup';
import { bytesToBase64 } from './base64';
import { formatCount } from './format';
import { useClient } from './client-context';
import { ErrorAlert } from './ErrorAlert';
import { errorText } from './error-text';
import { importResultText } from './import-result';
import { UnitMovesNotice } from './UnitMovesNotice';

type Busy = { phase: 'reading' | 'importing' | 'bundled'; file: string };
/** Where a list comes from: a file the user picked, or a list shipped with the app. */
type Source = { kind: 'file'; fileName: string; contentBase64: string } | { kind: 'bundled'; scheme: SchemeCode };
/** A list held back because it renames or moves units with data: kept to re-send once confirmed. */
type Held = { summary: UnitImportSummary; source: Source };
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
  const [bundled, setBundled] = useState<BundledUnitList[]>([]);

  useEffect(() => {
    // Without the shipped lists (a damaged installation) the file import below still works.
    client.call('units.bundled', {}).then(setBundled, (caught: unknown) => setError(errorText(caught, t)));
  }, [client, t]);

  const send = async (source: Source, isMoveConfirmed: boolean) => {
    setBusy(source.kind === 'file' ? { phase: 'importing', file: source.fileName } : { phase: 'bundled', file: '' });
    const result =
      source.kind === 'file'
        ? await client.call('units.import', { fileName: source.fileName, contentBase64: source.contentBase64, isMoveConfirmed })
        : await client.call('units.importBundled', { scheme: source.scheme, isMoveConfirmed });
    if (!result.isApplied) {
      setHeld({ summary: result, source });
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
      await send({ kind: 'file', fileName: file.name, contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) }, false);
    });

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clearing lets the same file be chosen again after fixing it in Excel.
    input.value = '';
    if (file !== undefined) void importFile(file);
  };

  const busyText = (b: Busy): string => (b.phase === 'bundled' ? t('setup.importingBundled') : t(b.phase === 'reading' ? 'setup.reading' : 'setup.importing', { file: b.file }));

  return (
    <section className="panel" aria-labelledby="import-heading" aria-busy={busy !== null}>
      <h2 id="import-heading">{t('setup.importHeading')}</h2>
      <p className="hint">{t('setup.importHint')}</p>
      {bundled.length > 0 && (
        <div className="field" role="group" aria-label={t('setup.bundledLabel')}>
          {bundled.map((list) => (
            <button
              key={list.scheme}
              type="button"
              className="button"
              data-testid={`bundled-${list.scheme}`}
              disabled={busy !== null}
              onClick={() => void run(() => send({ kind: 'bundled', scheme: list.scheme }, false))}
            >
              {t(list.scheme === 'GSO_2004' ? 'setup.bundledGSO_2004' : 'setup.bundledNSO_2025', {
                counts: t(list.districts > 0 ? 'setup.countsWithDistricts' : 'setup.countsCommunesOnly', {
                  provinces: formatCount(list.provinces, currentLanguage()),
                  districts: formatCount(list.districts, currentLanguage()),
                  communes: formatCount(list.communes, currentLanguage()),
                }),
                date: formatDate(list.asOf),
              })}
            </button>
          ))}
        </div>
      )}
      <p className="hint">{t('setup.orFile')}</p>
      <label className="field">
        <span className="field-label">{t('setup.fileLabel')}</span>
        <input type="file" accept={ACCEPTED} onChange={onChange} disabled={busy !== null} />
      </label>
      {busy && (
        <div className="busy" role="status">
          <progress aria-label={busyText(busy)} />
          <span>{busyText(busy)}</span>
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
          onConfirm={() => void run(() => send(held.source, true))}
          onCancel={() => setHeld(null)}
        />
      )}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
    </section>
  );
}
