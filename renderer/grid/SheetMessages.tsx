import type { ReactNode } from 'react';
import type { Language } from '../../shared/i18n/format';
import { ErrorAlert } from '../app/ErrorAlert';
import { BlockReport } from './BlockReport';
import type { SheetEdits } from './use-sheet-edits';

type Props<Row> = { edits: SheetEdits<Row>; language: Language };

/** What every sheet shows above its grid: a failed load, a refused save, the report of a paste. */
export function SheetMessages<Row>({ edits, language }: Props<Row>) {
  return (
    <>
      <ErrorAlert message={edits.loadError} />
      <ErrorAlert message={edits.alert} onDismiss={edits.clearAlert} />
      <BlockReport report={edits.report} language={language} onClose={edits.clearReport} />
    </>
  );
}

/** The grid's overlay while its rows load (none once loaded, or when loading failed and says so above). */
export function loadingOverlay<Row>(edits: SheetEdits<Row>, text: string): ReactNode {
  return edits.rows === null && edits.loadError === null ? <div className="sheet-loading">{text}</div> : null;
}
