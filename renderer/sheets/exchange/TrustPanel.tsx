import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileBytes, TrustListSummary, TrustStatus } from '../../../shared/api/exchange-types';
import { ApiCallError } from '../../api/client';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { FilePicker } from './FilePicker';
import { readPickedFile } from './files';
import { formatDay } from './format';
import { TrustBootstrapDialog } from './TrustBootstrapDialog';
import { TrustListView } from './TrustListView';

type Props = { trust: TrustStatus; onChanged: () => void };

/** Warn this many days before the installed list expires (exchange-format.md §3.5 "Freeze"). */
const WARN_DAYS = 30;

/**
 * "Danh sách tin cậy" (exchange-format.md §3.5): the installed list and the import of a
 * new one. The first list is never installed blind: its root fingerprints are shown to
 * be compared with the province's letter and by phone, and only then pinned.
 */
export function TrustPanel({ trust, onChanged }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const headingId = useId();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [bootstrap, setBootstrap] = useState<{ file: FileBytes; summary: TrustListSummary } | null>(null);
  // A list skipping more than 1,000 versions waits for a supervisor's explicit confirmation (§3.5).
  const [jumping, setJumping] = useState<FileBytes | null>(null);
  const installed = trust.installed;

  const installedText = (s: TrustListSummary) => t('exchange.trust.installed', { version: s.version, offices: s.offices.length, date: formatDay(s.expiresAt) });

  const run = async (file: File) => {
    setError(null);
    setDone(null);
    setJumping(null);
    setIsBusy(true);
    let bytes: FileBytes | null = null;
    try {
      const picked = await readPickedFile(file);
      bytes = { fileName: picked.fileName, bytesBase64: picked.bytesBase64 };
      if (installed === null) {
        setBootstrap({ file: bytes, summary: await client.call('trust.inspect', { file: bytes }) });
      } else {
        setDone(installedText(await client.call('trust.import', { file: bytes, isBootstrap: false })));
        onChanged();
      }
    } catch (caught) {
      setError(errorText(caught, t));
      if (caught instanceof ApiCallError && caught.code === 'TRUST_VERSION_JUMP') setJumping(bytes);
    } finally {
      setIsBusy(false);
    }
  };

  const confirmJump = () => {
    if (jumping === null) return;
    setError(null);
    client
      .call('trust.import', { file: jumping, isBootstrap: false, isJumpConfirmed: true })
      .then((summary) => {
        setJumping(null);
        setDone(installedText(summary));
        onChanged();
      })
      .catch((caught: unknown) => setError(errorText(caught, t)));
  };

  const confirmBootstrap = async () => {
    if (bootstrap === null) return;
    const summary = await client.call('trust.import', { file: bootstrap.file, isBootstrap: true });
    setDone(installedText(summary));
    onChanged();
  };

  const days = trust.daysLeft;
  const warning =
    installed === null || days === null || days >= WARN_DAYS
      ? null
      : days < 0
        ? t('exchange.trust.expired', { date: formatDay(installed.expiresAt) })
        : t('exchange.trust.expiringSoon', { date: formatDay(installed.expiresAt), n: days });

  return (
    <section className="panel exchange-panel" aria-labelledby={headingId} data-testid="trust-panel">
      <h2 id={headingId}>{t('exchange.trust.heading')}</h2>
      {warning !== null && (
        <div className="alert alert-warning" role="alert" data-testid="trust-expiry-warning">
          <span className="alert-text">{warning}</span>
        </div>
      )}
      {trust.isAuthority && <p className="hint">{t('exchange.trust.isAuthority')}</p>}
      {installed === null ? <p className="hint">{t('exchange.trust.none')}</p> : <TrustListView list={installed} daysLeft={days} />}
      <FilePicker
        label={t('exchange.trust.importLabel')}
        accept=".bctrust"
        isDisabled={isBusy}
        testId="trust-file"
        onFiles={([file]) => {
          if (file !== undefined) void run(file);
        }}
      />
      {isBusy && (
        <div className="busy" role="status">
          <progress aria-label={t('exchange.trust.reading')} />
          <span>{t('exchange.trust.reading')}</span>
        </div>
      )}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {jumping !== null && (
        <button type="button" className="button" onClick={confirmJump}>
          {t('exchange.trust.confirmJump')}
        </button>
      )}
      {done !== null && (
        <p className="result" role="status" data-testid="trust-installed">
          {done}
        </p>
      )}
      {bootstrap !== null && (
        <TrustBootstrapDialog
          fileName={bootstrap.file.fileName}
          summary={bootstrap.summary}
          onConfirm={confirmBootstrap}
          onClose={() => setBootstrap(null)}
          errorOf={(e) => errorText(e, t)}
        />
      )}
    </section>
  );
}
