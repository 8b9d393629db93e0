import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../shared/api/exchange-types';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { FilePicker } from './FilePicker';
import { readPickedFile, type PickedFile } from './files';
import { PackagePreview } from './PackagePreview';
import { PassphraseField } from './PassphraseField';
import { VerifyResults } from './VerifyResults';

type Props = { hasEncryptionKey: boolean; language: Language };

/**
 * "Nhận" (exchange-format.md §5): packages chosen or dropped are verified read-only, one
 * result per file with the code and the sentence of §5.2. The passphrase is asked only
 * when a file is encrypted and this office holds a key that could open it.
 */
export function ReceivePanel({ hasEncryptionKey, language }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const headingId = useId();
  const [pending, setPending] = useState<PickedFile[] | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busyCount, setBusyCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<VerifyResult[]>([]);
  const [previewed, setPreviewed] = useState<VerifyResult | null>(null);
  const [isDragOver, setIsDragOver] = useState(false);

  const verify = async (files: PickedFile[], key: string | null) => {
    setBusyCount(files.length);
    setError(null);
    try {
      const verified = await client.call('packages.verify', { files: files.map((f) => ({ fileName: f.fileName, bytesBase64: f.bytesBase64 })), passphrase: key });
      setResults(verified);
      setPending(null);
      setPassphrase('');
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusyCount(null);
    }
  };

  const accept = async (list: readonly File[]) => {
    if (list.length === 0) return;
    setResults([]);
    setError(null);
    try {
      const files = await Promise.all(list.map(readPickedFile));
      if (hasEncryptionKey && files.some((f) => f.isEncrypted)) setPending(files);
      else await verify(files, null);
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsDragOver(false);
    void accept([...event.dataTransfer.files]);
  };

  const submitPassphrase = (event: FormEvent) => {
    event.preventDefault();
    if (pending !== null) void verify(pending, passphrase);
  };

  const encryptedCount = pending?.filter((f) => f.isEncrypted).length ?? 0;

  return (
    <section className="panel exchange-panel" aria-labelledby={headingId} data-testid="receive-panel">
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
        <form className="exchange-form" onSubmit={submitPassphrase} data-testid="receive-passphrase">
          <p className="hint">{t('exchange.receive.passphraseIntro', { n: encryptedCount })}</p>
          <PassphraseField label={t('exchange.receive.passphrase')} value={passphrase} onChange={setPassphrase} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={passphrase === '' || busyCount !== null}>
              {t('exchange.receive.verify')}
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              {t('exchange.receive.cancel')}
            </button>
          </div>
        </form>
      )}
      {busyCount !== null && (
        <div className="busy" role="status">
          <progress aria-label={t('exchange.receive.busy', { n: busyCount })} />
          <span>{t('exchange.receive.busy', { n: busyCount })}</span>
        </div>
      )}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {results.length > 0 && <VerifyResults results={results} onView={setPreviewed} />}
      {previewed !== null && <PackagePreview result={previewed} language={language} onClose={() => setPreviewed(null)} />}
    </section>
  );
}
