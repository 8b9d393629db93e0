import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/format';
import { formatTime } from '../app/format';

type Props = { pendingCount: number; lastSavedAt: Date | null; language: Language };

/** "Đã lưu lúc …" appears only when no edit is waiting for the services' answer. */
export function SaveStatus({ pendingCount, lastSavedAt, language }: Props) {
  const { t } = useTranslation();
  const isSaving = pendingCount > 0;
  const text = isSaving
    ? t('sheet.saving', { n: pendingCount })
    : lastSavedAt
      ? t('sheet.savedAt', { time: formatTime(lastSavedAt, language) })
      : t('sheet.idle');
  const state = isSaving ? 'saving' : lastSavedAt ? 'saved' : 'idle';
  return (
    <span className={`save-status save-status-${state}`} data-testid="save-status" data-state={state} role="status">
      {text}
    </span>
  );
}
