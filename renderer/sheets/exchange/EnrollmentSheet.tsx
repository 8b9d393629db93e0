import { useTranslation } from 'react-i18next';
import type { EnrollmentForm } from '../../../shared/api/exchange-types';
import { Fingerprint } from './Fingerprint';
import { formatDay } from './format';

type Props = { form: EnrollmentForm; onClose: () => void };

/** While this class is on <html>, the print stylesheet prints the registration form alone. */
const PRINT_CLASS = 'print-enrollment';

function printForm(): void {
  const root = document.documentElement;
  root.classList.add(PRINT_CLASS);
  window.addEventListener('afterprint', () => root.classList.remove(PRINT_CLASS), { once: true });
  window.print();
}

/**
 * The registration form (Phiếu đăng ký khóa, exchange-format.md §3.4 step 1): printed,
 * signed and stamped by the head of office, and sent with the .bckey file. The province
 * compares its digits with the ones it reads from the file, by phone.
 */
export function EnrollmentSheet({ form, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <div className="enrollment-wrap">
      <article className="enrollment-form" aria-labelledby="enrollment-form-title" data-testid="enrollment-form">
        <h3 id="enrollment-form-title" className="enrollment-title">
          {t('exchange.form.title')}
        </h3>
        <p className="enrollment-subtitle">{t('exchange.form.subtitle')}</p>
        <table className="enrollment-facts">
          <tbody>
            <tr>
              <th scope="row">{t('exchange.form.office')}</th>
              <td>{form.officeName}</td>
            </tr>
            <tr>
              <th scope="row">{t('exchange.form.officeCode')}</th>
              <td>
                <code>{form.officeCode}</code> — {t('exchange.form.level')}: {t(`exchange.levels.${form.level}`)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('exchange.form.keyId')}</th>
              <td>
                <code className="key-id">{form.keyId}</code>
              </td>
            </tr>
            <tr>
              <th scope="row">{t('exchange.form.fingerprint')}</th>
              <td>
                <Fingerprint digits={form.fingerprint} testId="enrollment-fingerprint" />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('exchange.form.encryption')}</th>
              <td>{form.encryptionRecipient === null ? t('exchange.none') : <code className="recipient">{form.encryptionRecipient}</code>}</td>
            </tr>
            {form.encryptionFingerprint !== null && (
              <tr>
                <th scope="row">{t('exchange.form.encryptionFingerprint')}</th>
                <td>
                  <Fingerprint digits={form.encryptionFingerprint} />
                </td>
              </tr>
            )}
            <tr>
              <th scope="row">{t('exchange.form.date')}</th>
              <td>{formatDay(form.createdAt)}</td>
            </tr>
            <tr>
              <th scope="row">{t('exchange.form.appVersion')}</th>
              <td>PCMT Desk {form.appVersion}</td>
            </tr>
          </tbody>
        </table>
        <p className="enrollment-instructions">{t('exchange.form.instructions')}</p>
        <div className="enrollment-signatures">
          <div>
            <strong>{t('exchange.form.preparedBy')}</strong>
            <span>{t('exchange.form.preparedBySign')}</span>
          </div>
          <div>
            <strong>{t('exchange.form.head')}</strong>
            <span>{t('exchange.form.headSign')}</span>
          </div>
        </div>
      </article>
      <div className="actions no-print">
        <button type="button" className="button primary" onClick={printForm}>
          {t('exchange.form.print')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('exchange.form.close')}
        </button>
      </div>
    </div>
  );
}
