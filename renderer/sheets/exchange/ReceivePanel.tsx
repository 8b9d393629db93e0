import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiveResult, VerifyResult } from '../../../shared/api/exchange-types';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { FilePicker } from './FilePicker';
import { readPickedFile, type PickedFile } from './files';
import { PackagePreview } from './PackagePreview';
import { PassphraseField } from './PassphraseField';
import { ReceivedPackages } from './ReceivedPackages';
import { ReceiveItem, type Outcome } from './ReceiveItem';
import { useUnitNames } from './use-names';
import { VerifyResults } from './VerifyResults';
import './receive.css';

type Props = { hasEncryptionKey: boolean; language: Language; officeNames: ReadonlyMap<string, string>; reloadKey: number; onDecided: () => void };

type Results = { mode: 'receive'; items: ReceiveResult[] } | { mode: 'verify'; items: VerifyResult[] };

/**
 * "Nhận" (exchange-format.md §5, §6): packages chosen or dropped are received — verified
 * and staged, one result per file with the code and the sentence of §5.2, and for each
 * staged one the preview of §6.3 and the decision — or only checked, storing nothing.
 * The passphrase is asked only when a file is encrypted and this office holds a key
 * that could open it.
 */
export function ReceivePanel({ hasEncryptionKey, language, officeNames, reloadKey, onDecided }: Props) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('consolidation');
  const client = useClient();
  const headingId = useId();
  const unitNames = useUnitNames(client);
  const [pending, setPending] = useState<PickedFile[] | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busyCount, setBusyCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, Outcome>>(() => new Map());
  const [previewed, setPreviewed] = useState<VerifyResult | null>(null);
  const [isDragOver, setIsDragOver] = useState(false);
  const needsPassphrase = hasEncryptionKey && (pending ?? []).some((f) => f.isEncrypted);

  const run = async (mode: Results['mode']) => {
    if (pending === null) return;
    setBusyCount(pending.length);
    setError(null);
    const files = pending.map((f) => ({ fileName: f.fileName, bytesBase64: f.bytesBase64 }));
    const key = needsPassphrase ? passphrase : null;
    try {
      setResults(
        mode === 'receive'
          ? { mode, items: await client.call('packages.receive', { files, passphrase: key }) }
          : { mode, items: await client.call('packages.verify', { files, passphrase: key }) },
      );
      setOutcomes(new Map());
      setPending(null);
      setPassphrase('');
      // Refusals and duplicates are logged at once.
      if (mode === 'receive') onDecided();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusyCount(null);
    }
  };

  const accept = async (list: readonly File[]) => {
    if (list.length === 0) return;
    setResults(null);
    setError(null);
    try {
      setPending(await Promise.all(list.map(readPickedFile)));
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };

  const decided = (stagingId: string, outcome: Outcome) => {
    setOutcomes((before) => new Map([...before, [stagingId, outcome]]));
    onDecided();
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsDragOver(false);
    void accept([...event.dataTransfer.files]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('receive');
  };

  const encryptedCount = pending?.filter((f) => f.isEncrypted).length ?? 0;

  return (
    <section className="panel exchange-panel exchange-wide" aria-labelledby={headingId} data-testid="receive-panel">
      <h2 id={headingId}>{t('exchange.receive.heading')}</h2>
      <div
        className={isDragOver ? 'drop-zone is-over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setIsDragOver(true);
        }}
        onDragLeave={() => setIsDragOver(false)}
        onDrop={onDrop}
      >
        <FilePicker label={t('exchange.receive.chooseFiles')} accept=".bcpkg" isMultiple isDisabled={busyCount !== null} testId="package-files" onFiles={(files) => void accept(files)} />
        <p className="hint">{t('exchange.receive.drop')}</p>
      </div>
      {pending !== null && (
        <form className="exchange-form" onSubmit={submit} data-testid="receive-passphrase">
          <p className="hint" data-testid="receive-chosen">
            {tc('receive.chosen', { n: pending.length, files: pending.map((f) => f.fileName).join(', ') })}
          </p>
          {needsPassphrase && (
            <>
              <p className="hint">{t('exchange.receive.passphraseIntro', { n: encryptedCount })}</p>
              <PassphraseField label={t('exchange.receive.passphrase')} value={passphrase} onChange={setPassphrase} />
            </>
          )}
          <div className="actions">
            <button type="submit" className="button primary" disabled={(needsPassphrase && passphrase === '') || busyCount !== null}>
              {tc('receive.submit')}
            </button>
            <button type="button" className="button" disabled={(needsPassphrase && passphrase === '') || busyCount !== null} onClick={() => void run('verify')}>
              {tc('receive.verifyOnly')}
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              {t('exchange.receive.cancel')}
            </button>
          </div>
          <p className="field-hint">{tc('receive.verifyOnlyHint')}</p>
        </form>
      )}
      {busyCount !== null && (
        <div className="busy" role="status">
          <progress aria-label={tc('receive.busy', { n: busyCount })} />
          <span>{tc('receive.busy', { n: busyCount })}</span>
        </div>
      )}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {results?.mode === 'verify' && <VerifyResults results={results.items} onView={setPreviewed} />}
      {results?.mode === 'receive' && (
        <div className="receive-results" data-testid="receive-results">
          <h3 className="visually-hidden">{tc('receive.results')}</h3>
          {results.items.map((result, index) => (
            <ReceiveItem
              key={`${index}-${result.file}`}
              result={result}
              outcome={result.stagingId === null ? null : (outcomes.get(result.stagingId) ?? null)}
              language={language}
              unitNames={unitNames}
              officeNames={officeNames}
              onDecided={(outcome) => {
                if (result.stagingId !== null) decided(result.stagingId, outcome);
              }}
            />
          ))}
        </div>
      )}
      <ReceivedPackages reloadKey={reloadKey} officeNames={officeNames} />
      {previewed !== null && <PackagePreview result={previewed} language={language} onClose={() => setPreviewed(null)} />}
    </section>
  );
}
