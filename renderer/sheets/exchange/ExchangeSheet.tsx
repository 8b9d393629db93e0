import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeysStatus, TrustStatus } from '../../../shared/api/exchange-types';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { ImportLogPanel } from './ImportLogPanel';
import { KeysPanel } from './KeysPanel';
import { ReceivePanel } from './ReceivePanel';
import { SendPanel } from './SendPanel';
import { TrustPanel } from './TrustPanel';
import './exchange.css';

type Props = { periodId: string; isActive: boolean; language: Language; onPeriodLocked: () => void };

/**
 * "Gửi / nhận" (product.md §2 sheet 5, §6): the office's keys, the trust list, sending a
 * period as a signed package, receiving packages into the consolidated data, and the
 * import log. Everything is reloaded when
 * the tab is shown again, since the other sheets change what a package would hold.
 */
export function ExchangeSheet({ periodId, isActive, language, onPeriodLocked }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [keys, setKeys] = useState<KeysStatus | null>(null);
  const [trust, setTrust] = useState<TrustStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  // Decisions on received packages change the received list and the import log, not the keys.
  const [logVersion, setLogVersion] = useState(0);
  const onDecided = useCallback(() => setLogVersion((v) => v + 1), []);
  const officeNames = useMemo(() => {
    const list = trust?.installed;
    if (list === null || list === undefined) return new Map<string, string>();
    return new Map([[list.authority.officeCode, list.authority.officeName], ...list.offices.map((o): [string, string] => [o.officeCode, o.officeName])]);
  }, [trust]);

  useEffect(() => {
    if (!isActive) return undefined;
    let isCurrent = true;
    Promise.all([client.call('keys.status', {}), client.call('trust.status', {})])
      .then(([nextKeys, nextTrust]) => {
        if (!isCurrent) return;
        setKeys(nextKeys);
        setTrust(nextTrust);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (isCurrent) setError(errorText(caught, t));
      });
    return () => {
      isCurrent = false;
    };
  }, [client, version, isActive, t]);

  const onSent = useCallback(() => {
    refresh();
    onPeriodLocked();
  }, [refresh, onPeriodLocked]);

  return (
    <section className="sheet exchange-sheet" aria-label={t('exchange.label')} data-testid="exchange-sheet">
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {keys === null || trust === null ? (
        error === null && <p className="hint">{t('exchange.loading')}</p>
      ) : (
        <div className="exchange-grid">
          <KeysPanel keys={keys} onChanged={refresh} />
          <TrustPanel trust={trust} onChanged={refresh} />
          <SendPanel appPeriodId={periodId} isActive={isActive} reloadKey={version} language={language} onSent={onSent} />
          <ReceivePanel hasEncryptionKey={keys.encryption !== null} language={language} officeNames={officeNames} reloadKey={version + logVersion} onDecided={onDecided} />
          <ImportLogPanel reloadKey={version + logVersion} />
        </div>
      )}
    </section>
  );
}
