import { useTranslation } from 'react-i18next';
import type { TrustListSummary } from '../../../shared/api/exchange-types';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { Fingerprint } from './Fingerprint';
import { formatDay } from './format';

type Props = {
  fileName: string;
  summary: TrustListSummary;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  errorOf: (error: unknown) => string;
};

/**
 * The first trust list's root keys, shown before they are pinned (exchange-format.md
 * §3.5 "Bootstrap"): whoever controls this step controls every later verification, so
 * the operator compares the digits out of band and confirms explicitly.
 */
export function TrustBootstrapDialog({ fileName, summary, onConfirm, onClose, errorOf }: Props) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('exchange.trust.bootstrapTitle')}
      confirmLabel={t('exchange.trust.bootstrapConfirm')}
      onConfirm={onConfirm}
      onClose={onClose}
      errorOf={errorOf}
      testId="trust-bootstrap"
      isWide
    >
      <p className="dialog-message">
        {t('exchange.trust.bootstrapIntro', {
          file: fileName,
          authority: summary.authority.officeName,
          version: summary.version,
          date: formatDay(summary.expiresAt),
          offices: summary.offices.length,
        })}
      </p>
      <p className="dialog-message">
        <strong>{t('exchange.trust.bootstrapCheck')}</strong>
      </p>
      <p className="dialog-message">{t('exchange.trust.roots', { threshold: summary.rootThreshold })}</p>
      <ul className="root-keys" data-testid="bootstrap-roots">
        {summary.rootKeys.map((root) => (
          <li key={root.keyId}>
            <code className="key-id">{root.keyId}</code>
            <Fingerprint digits={root.fingerprint} />
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
