import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupsDialog } from './BackupsDialog';

/** The top bar's way to the backup copies; the dialog is mounted only while open. */
export function BackupsButton() {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" title={t('backups.openHint')} onClick={() => setIsOpen(true)} data-testid="backups-open">
        {t('backups.open')}
      </button>
      {isOpen && <BackupsDialog onClose={() => setIsOpen(false)} />}
    </>
  );
}
