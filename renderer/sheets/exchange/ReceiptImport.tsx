import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRecord } from '../../../shared/api/exchange-types';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { FilePicker } from './FilePicker';
import { readPickedFile, type PickedFile } from './files';
import { PassphraseField } from './PassphraseField';

type Props = { onImported: (record: ExportRecord) => void };

/**
 * "Nhập biên nhận" (exchange-format.md §6.6): the province's signed receipt is checked
 * and recorded against the export it names, so the district knows the package arrived
 * and what was decided. A receipt encrypted to this office asks for the key passphrase.
 */
export function ReceiptImport({ onImported }: Props) {
  const { t } = useTranslation('consolidation');
  const { t: tApp } = useTranslation();
  const client = useClient();
  const [pending, setPending] = useState<PickedFile | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = (file: PickedFile, key: string | null) => {
    setIsBusy(true);
    client
      .call('receipts.import', { file: { fileName: file.fileName, bytesBase64: file.bytesBase64 }, passphrase: key })
      .then((record) => {
        setPending(null);
        setPassphrase('');
        setDone(t('receipts.imported', { sequence: record.sequence, period: record.periodId }));
        onImported(record);
      })
      .catch((caught: unknown) => setError(errorText(caught, tApp)))
      .finally(() => setIsBusy(false));
  };

  const choose = async (file: File | undefined) => {
    if (file === undefined) return;
    setError(null);
    setDone(null);
    try {
      const picked = await readPickedFile(file);
      if (picked.isEncrypted) setPending(picked);
      else run(picked, null);
    } catch (caught) {
      setError(errorText(caught, tApp));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending !== null) run(pending, passphrase);
  };

  return (
    <div className="receipt-import" data-testid="receipt-import">
      <FilePicker label={t('receipts.import')} accept=".bcrcpt" isDisabled={isBusy} testId="receipt-file" onFiles={([file]) => void choose(file)} />
      {pending !== null && (
        <form className="exchange-form" onSubmit={submit} aria-busy={isBusy}>
          <PassphraseField label={tApp('exchange.receive.passphrase')} value={passphrase} onChange={setPassphrase} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={isBusy || passphrase === ''}>
              {isBusy ? t('receipts.importing') : t('receipts.submit')}
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              {tApp('dialog.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {done !== null && (
        <p className="result" role="status" data-testid="receipt-imported">
          {done}
        </p>
      )}
    </div>
  );
}
