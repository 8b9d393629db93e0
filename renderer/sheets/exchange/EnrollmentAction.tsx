import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentForm } from '../../../shared/api/exchange-types';
import { useClient } from '../../app/client-context';
import { EnrollmentSheet } from './EnrollmentSheet';
import { downloadFile } from './files';
import { PassphraseAction } from './PassphraseAction';

/** Writes the enrollment statement (.bckey, exchange-format.md §3.4), downloads it and shows the form to print. */
export function EnrollmentAction() {
  const { t } = useTranslation();
  const client = useClient();
  const [made, setMade] = useState<{ form: EnrollmentForm; fileName: string } | null>(null);

  return (
    <div className="exchange-form">
      <p className="hint">{t('exchange.keys.enrollmentHint')}</p>
      <PassphraseAction
        label={t('exchange.keys.enrollment')}
        busyLabel={t('exchange.keys.enrollmentBusy')}
        passphraseLabel={t('exchange.keys.enrollmentPassphrase')}
        testId="enrollment-ask"
        run={async (passphrase) => {
          const { form, file } = await client.call('keys.enrollment', { passphrase });
          downloadFile(file);
          setMade({ form, fileName: file.fileName });
        }}
      />
      {made !== null && (
        <>
          <p className="result" role="status" data-testid="enrollment-saved">
            {t('exchange.keys.enrollmentSaved', { file: made.fileName })}
          </p>
          <EnrollmentSheet form={made.form} onClose={() => setMade(null)} />
        </>
      )}
    </div>
  );
}
