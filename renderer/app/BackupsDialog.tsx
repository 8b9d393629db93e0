import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../shared/api/contract';
import { errorMessage } from '../../shared/i18n/messages';
import type { ErrorCode } from '../../shared/i18n/errors-vi';
import { currentLanguage, i18n } from '../i18n/setup';
import { useClient } from './client-context';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorAlert } from './ErrorAlert';
import { errorText } from './error-text';
import { ModalDialog } from './ModalDialog';

type Props = { onClose: () => void };

const REASONS = ['open', 'receive', 'import', 'manual'] as const;

function sizeText(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toLocaleString(locale, { maximumFractionDigits: 1 })} MB` : `${Math.ceil(bytes / 1024).toLocaleString(locale)} KB`;
}

/**
 * The backup copies with their time, size and office, and a restore of one of them
 * (product.md §10). A restore replaces the whole workspace, so it asks first; the host
 * reopens the file, and the page reloads to show the restored data and its notice.
 */
export function BackupsDialog({ onClose }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [entries, setEntries] = useState<BackupEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<BackupEntry | null>(null);
  const locale = currentLanguage() === 'en' ? 'en-GB' : 'vi-VN';
  const when = (iso: string) => new Date(iso).toLocaleString(locale);

  useEffect(() => {
    client
      .call('backups.list', {})
      .then(setEntries)
      .catch((e: unknown) => setError(errorText(e, i18n.t)));
  }, [client]);

  const reasonText = (reason: string | null) => (REASONS as readonly (string | null)[]).includes(reason) ? t(`backups.reasons.${reason as (typeof REASONS)[number]}`) : (reason ?? '');
  const problemText = (entry: BackupEntry) =>
    entry.problem === null ? '' : errorMessage(entry.problem as ErrorCode, { file: entry.name, detail: '', found: '', supported: '' }, currentLanguage());

  return (
    <ModalDialog
      title={t('backups.title')}
      onClose={onClose}
      isWide
      testId="backups-dialog"
      actions={
        <button type="button" className="button" onClick={onClose}>
          {t('backups.close')}
        </button>
      }
    >
      <p className="dialog-message">{t('backups.intro')}</p>
      <ErrorAlert message={error} />
      {entries === null && error === null && <p aria-busy="true">{t('app.loading')}</p>}
      {entries !== null && entries.length === 0 && <p data-testid="backups-empty">{t('backups.empty')}</p>}
      {entries !== null && entries.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="backups-table">
            <thead>
              <tr>
                <th>{t('backups.columns.takenAt')}</th>
                <th>{t('backups.columns.size')}</th>
                <th>{t('backups.columns.office')}</th>
                <th>{t('backups.columns.reason')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.name} data-backup={entry.name}>
                  <td>{when(entry.takenAt)}</td>
                  <td>{sizeText(entry.sizeBytes, locale)}</td>
                  <td>{entry.officeName ?? ''}</td>
                  <td>{reasonText(entry.reason)}</td>
                  <td>
                    {entry.problem === null ? (
                      <button type="button" className="button" onClick={() => setChosen(entry)}>
                        {t('backups.restore')}
                      </button>
                    ) : (
                      <span className="backup-problem" title={problemText(entry)}>
                        {t('backups.unusable')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chosen !== null && (
        <ConfirmDialog
          title={t('backups.confirmTitle')}
          message={t('backups.confirmMessage', { date: when(chosen.takenAt), office: chosen.officeName ?? '' })}
          confirmLabel={t('backups.confirm')}
          busyLabel={t('backups.restoring')}
          testId="backup-restore-confirm"
          errorOf={(e) => errorText(e, i18n.t)}
          onClose={() => setChosen(null)}
          onConfirm={async () => {
            await client.call('backups.restore', { name: chosen.name });
            // Every screen holds data of the replaced file: start again from the restored one.
            window.location.reload();
          }}
        />
      )}
    </ModalDialog>
  );
}
