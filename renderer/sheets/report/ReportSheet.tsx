import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportModel, ReportSettings } from '../../../shared/api/report-types';
import { useClient } from '../../app/client-context';
import { errorText } from '../../app/error-text';
import { useOutsideSaves } from '../../app/use-outside-saves';
import { downloadFile } from '../exchange/files';
import { ReportPreview } from './ReportPreview';
import { ReportSettingsForm } from './ReportSettingsForm';
import './report.css';

type Props = { periodId: string; isActive: boolean };
type Status = { text: string; isError: boolean } | null;

/** While set on <body>, the print style sheet prints the report preview only (report.css). */
const PRINTING_CLASS = 'is-printing-report';

/**
 * The Báo cáo tab (issue 15 item 1): the period report's preview beside its editable
 * fields; Save as .docx / PDF and Print use the saved fields, so what is filed is what
 * is stored (unsaved edits are saved first). The preview is the services' model drawn
 * as HTML, the same model the .docx and the PDF are laid out from.
 */
export function ReportSheet({ periodId, isActive }: Props) {
  const { t } = useTranslation('report');
  const { t: tc } = useTranslation();
  const client = useClient();
  const { version } = useOutsideSaves(isActive);
  const [model, setModel] = useState<ReportModel | null>(null);
  const [draft, setDraft] = useState<ReportSettings | null>(null);
  const [isHotspotListIncluded, setHotspotListIncluded] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [isWorking, setWorking] = useState(false);
  const isDirty = model !== null && draft !== null && JSON.stringify(model.settings) !== JSON.stringify(draft);
  // Read by the loading effect: a reload (another period part, the hotspot choice, saves elsewhere) keeps unsaved typing.
  const dirtyDraft = useRef<ReportSettings | null>(null);
  dirtyDraft.current = isDirty ? draft : null;

  useEffect(() => {
    let isCurrent = true;
    client
      .call('report.get', { periodId, isHotspotListIncluded })
      .then((next) => {
        if (!isCurrent) return;
        setModel(next);
        setDraft(dirtyDraft.current ?? next.settings);
      })
      .catch((error: unknown) => {
        if (isCurrent) setStatus({ text: t('failed', { message: errorText(error, tc) }), isError: true });
      });
    return () => {
      isCurrent = false;
    };
  }, [client, periodId, isHotspotListIncluded, version, t, tc]);

  /** Stores the draft when it differs from what is stored; false when the services refused it. */
  const saveDraft = async (): Promise<boolean> => {
    if (!isDirty || draft === null) return true;
    try {
      const next = await client.call('report.saveSettings', { periodId, settings: draft, isHotspotListIncluded });
      setModel(next);
      setDraft(next.settings);
      setStatus({ text: t('saved'), isError: false });
      return true;
    } catch (error) {
      setStatus({ text: t('saveFailed', { message: errorText(error, tc) }), isError: true });
      return false;
    }
  };

  const work = async (task: () => Promise<void>) => {
    setWorking(true);
    try {
      if (await saveDraft()) await task();
    } finally {
      setWorking(false);
    }
  };

  const saveFile = (format: ReportFormat) =>
    work(async () => {
      setStatus({ text: t('working'), isError: false });
      try {
        const file = await client.call('report.file', { periodId, format, isHotspotListIncluded });
        downloadFile(file);
        setStatus({ text: t('written', { file: file.fileName }), isError: false });
      } catch (error) {
        setStatus({ text: t('failed', { message: errorText(error, tc) }), isError: true });
      }
    });

  const print = () =>
    work(async () => {
      document.body.classList.add(PRINTING_CLASS);
      window.addEventListener('afterprint', () => document.body.classList.remove(PRINTING_CLASS), { once: true });
      window.print();
    });

  if (model === null || draft === null) {
    return status === null ? <div className="sheet-loading">{t('loading')}</div> : <p className="edit-problem" role="alert">{status.text}</p>;
  }
  return (
    <div className="report-sheet">
      <div className="report-toolbar">
        <button type="button" data-testid="report-save" disabled={isWorking || !isDirty} onClick={() => void work(async () => undefined)}>
          {t('save')}
        </button>
        <button type="button" data-testid="report-docx" disabled={isWorking} onClick={() => void saveFile('docx')}>
          {t('saveDocx')}
        </button>
        <button type="button" data-testid="report-pdf" disabled={isWorking} onClick={() => void saveFile('pdf')}>
          {t('savePdf')}
        </button>
        <button type="button" data-testid="report-print" disabled={isWorking} onClick={() => void print()}>
          {t('print')}
        </button>
        <label className="report-secret-choice">
          <input type="checkbox" checked={isHotspotListIncluded} data-testid="report-with-hotspots" onChange={(e) => setHotspotListIncluded(e.target.checked)} />
          {t('withHotspots')}
        </label>
        {isDirty && <span className="sheet-export-status">{t('unsaved')}</span>}
        {status !== null && (
          <span className={status.isError ? 'edit-problem' : 'sheet-export-status'} role={status.isError ? 'alert' : 'status'} data-testid="report-status">
            {status.text}
          </span>
        )}
      </div>
      <div className="report-body">
        <aside className="report-side" aria-label={t('settings')}>
          <ReportSettingsForm settings={draft} onChange={setDraft} />
        </aside>
        <div className="report-scroll">
          <ReportPreview model={model} label={t('preview')} />
        </div>
      </div>
    </div>
  );
}
