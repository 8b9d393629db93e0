import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportApplyResult } from '../../../shared/api/import-types';
import type { SheetName } from '../../../shared/api/register-types';
import type { Language } from '../../../shared/i18n/format';
import type { Step } from '../../grid/edit-steps';
import { undoStackFor } from '../../grid/undo-stack';
import { useProblemsContext } from '../../problems/problems-context';
import { ImportWizard } from './ImportWizard';

type Props = { sheet: SheetName; periodId: string; language: Language; isLocked: boolean; reload: () => Promise<void> };

/**
 * The toolbar's "Nhập từ Excel" button. An applied import becomes one step of the
 * sheet's undo stack (its sets and created rows, like a paste), so Ctrl+Z takes the
 * whole import back through edits.apply and Ctrl+Y does it again; the sheet then reads
 * its rows again, since the import stored them behind the grid.
 */
export function ImportButton({ sheet, periodId, language, isLocked, reload }: Props) {
  const { t } = useTranslation('sheetImport');
  const [isOpen, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const { refresh: refreshProblems } = useProblemsContext();

  const onApplied = (result: ImportApplyResult, fileName: string) => {
    const { added, changed, unchanged } = result.counts;
    if (result.ops.length > 0) undoStackFor(sheet, periodId).push({ ops: result.ops } satisfies Step);
    setStatus(added + changed === 0 ? t('appliedNothing', { file: fileName }) : t('applied', { file: fileName, added, changed, unchanged }));
    void reload();
    refreshProblems();
  };

  return (
    <>
      <button type="button" data-testid="import-open" title={t('openHint')} disabled={isLocked} onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      {status !== null && (
        <span className="sheet-export-status import-status" role="status" data-testid="import-status" title={status}>
          {status}
        </span>
      )}
      {isOpen && <ImportWizard sheet={sheet} periodId={periodId} language={language} onApplied={onApplied} onClose={() => setOpen(false)} />}
    </>
  );
}
