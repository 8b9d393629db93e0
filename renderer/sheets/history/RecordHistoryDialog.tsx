import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/format';
import { ModalDialog } from '../../app/ModalDialog';
import type { RecordRef } from '../../app/record-history';
import { HistoryGrid } from './HistoryGrid';
import type { HistoryQuery } from './use-history';

type Props = { record: RecordRef; language: Language; onClose: () => void };

/** "Xem lịch sử" of one record (a commune, a hotspot, a model), across all periods. */
export function RecordHistoryDialog({ record, language, onClose }: Props) {
  const { t } = useTranslation();
  const query = useMemo<HistoryQuery>(
    () => ({ table: record.table, recordId: record.recordId, periodId: null, cause: null, search: null }),
    [record.table, record.recordId],
  );

  return (
    <ModalDialog
      title={t('history.recordTitle', { record: record.label === '' ? record.recordId : record.label })}
      onClose={onClose}
      isWide
      testId="record-history"
      actions={
        <button type="button" className="button" onClick={onClose}>
          {t('dialog.close')}
        </button>
      }
    >
      <div className="record-history">
        <HistoryGrid query={query} language={language} reloadKey={0} isRecordView />
      </div>
    </ModalDialog>
  );
}
