import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportAnalysis, ImportApplyResult } from '../../../shared/api/import-types';
import type { SheetName } from '../../../shared/api/register-types';
import { COMMUNE_STATUS_FIELDS } from '../../../shared/domain/commune-status';
import type { FieldDef } from '../../../shared/domain/fields';
import { checkSpreadsheetSize } from '../../../shared/domain/spreadsheet';
import { isAppError } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n/messages';
import { HOTSPOT_FIELDS } from '../../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS } from '../../../shared/domain/model-site';
import type { Language } from '../../../shared/i18n/format';
import { bytesToBase64 } from '../../app/base64';
import { useClient } from '../../app/client-context';
import { errorText } from '../../app/error-text';
import type { RefNames } from '../../app/field-text';
import { ModalDialog } from '../../app/ModalDialog';
import { ImportMapping } from './ImportMapping';
import { ImportPreview } from './ImportPreview';
import { useImportAnalysis, type ImportChoices, type ImportFile } from './use-import-analysis';
import './import.css';

type Step = 'file' | 'sheet' | 'header' | 'mapping' | 'preview';
type Props = { sheet: SheetName; periodId: string; language: Language; onApplied: (result: ImportApplyResult, fileName: string) => void; onClose: () => void };

const DEFS: Record<SheetName, readonly FieldDef[]> = { hotspots: HOTSPOT_FIELDS, modelSites: MODEL_SITE_FIELDS, communeStatuses: COMMUNE_STATUS_FIELDS };
const NO_CHOICES: ImportChoices = { sheetName: null, headerRow: null, mapping: null, keyFields: null };

/**
 * The import wizard (issue 11 item 1): choose the file, the sheet when there are
 * several, the header row (found, correctable), the column mapping (filled in,
 * correctable), then the preview of every row; Apply stores all or nothing.
 */
export function ImportWizard({ sheet, periodId, language, onApplied, onClose }: Props) {
  const { t } = useTranslation('sheetImport');
  const { t: tApp } = useTranslation();
  const client = useClient();
  const state = useImportAnalysis(client, sheet, periodId);
  const { analysis, isBusy } = state;
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<ImportFile | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(NO_CHOICES);
  const [headerText, setHeaderText] = useState('');
  const [applyError, setApplyError] = useState<unknown>(null);
  const [sizeError, setSizeError] = useState<string | null>(null);
  const [isApplying, setApplying] = useState(false);
  const defs = useMemo(() => new Map(DEFS[sheet].map((d) => [d.key, d])), [sheet]);
  const [refNames, setRefNames] = useState<RefNames>({});

  // The preview names communes and host units as the sheet does, not by their codes.
  useEffect(() => {
    client
      .call('units.underOffice', {})
      .then((units) => {
        const names = new Map(units.map((u) => [u.code, u.name]));
        setRefNames({ commune: names, officeUnit: names });
      })
      .catch(() => setRefNames({}));
  }, [client]);

  const rerun = async (next: ImportChoices, target?: Step): Promise<ImportAnalysis | null> => {
    if (!file) return null;
    setChoices(next);
    const result = await state.analyze(file, next);
    if (result) {
      setHeaderText(String(result.headerRow));
      if (target) setStep(target);
    }
    return result;
  };

  const chooseFile = async (picked: File | undefined) => {
    if (!picked) return;
    setSizeError(null);
    // Said before the browser loads the file: a 200 MB file would otherwise be read, encoded and sent first.
    try {
      checkSpreadsheetSize(picked.size, picked.name);
    } catch (caught) {
      if (!isAppError(caught)) throw caught;
      setSizeError(errorMessage(caught.code, caught.params, language));
      return;
    }
    const chosen = { fileName: picked.name, bytesBase64: bytesToBase64(new Uint8Array(await picked.arrayBuffer())) };
    setFile(chosen);
    setChoices(NO_CHOICES);
    const result = await state.analyze(chosen, NO_CHOICES);
    if (result) {
      setHeaderText(String(result.headerRow));
      setStep(result.sheetNames.length > 1 ? 'sheet' : 'header');
    }
  };

  const confirmHeader = () => {
    const row = Number(headerText);
    if (analysis && Number.isInteger(row) && row > 0 && row !== analysis.headerRow) void rerun({ ...choices, headerRow: row, mapping: null, keyFields: null }, 'mapping');
    else setStep('mapping');
  };

  const setField = (index: number, field: string | null) => {
    if (!analysis) return;
    const mapping = analysis.columns.map((c) => ({ index: c.index, field: c.index === index ? field : c.field }));
    void rerun({ ...choices, mapping });
  };

  const setKey = (keyFields: string[]) => {
    if (!analysis) return;
    const mapping = choices.mapping ?? analysis.columns.map((c) => ({ index: c.index, field: c.field }));
    void rerun({ ...choices, mapping, keyFields });
  };

  const apply = async () => {
    if (!file) return;
    setApplying(true);
    setApplyError(null);
    try {
      const mapping = choices.mapping ?? analysis?.columns.map((c) => ({ index: c.index, field: c.field })) ?? null;
      const result = await client.call('imports.apply', { sheet, periodId, file, ...choices, mapping, keyFields: choices.keyFields ?? analysis?.keyFields ?? null });
      onApplied(result, file.fileName);
      onClose();
    } catch (error) {
      setApplyError(error);
    } finally {
      setApplying(false);
    }
  };

  const counts = analysis?.counts;
  const isBlocked = analysis !== null && (analysis.counts.refused > 0 || analysis.fileProblems.length > 0);
  const isNothing = analysis !== null && !isBlocked && analysis.counts.added + analysis.counts.changed === 0;
  const steps: Step[] = analysis !== null && analysis.sheetNames.length > 1 ? ['file', 'sheet', 'header', 'mapping', 'preview'] : ['file', 'header', 'mapping', 'preview'];
  const back = steps[steps.indexOf(step) - 1];
  const error = applyError ?? state.error;

  const actions = (
    <>
      {isBusy && (
        <button type="button" data-testid="import-cancel-read" onClick={() => (analysis ? state.cancel() : (state.cancel(), setStep('file')))}>
          {t('cancel')}
        </button>
      )}
      {back !== undefined && step !== 'file' && (
        <button type="button" disabled={isBusy || isApplying} onClick={() => setStep(back)}>
          {t('back')}
        </button>
      )}
      {step === 'sheet' && <button type="button" data-testid="import-next" disabled={isBusy} onClick={() => setStep('header')}>{t('next')}</button>}
      {step === 'header' && <button type="button" data-testid="import-next" disabled={isBusy} onClick={confirmHeader}>{t('next')}</button>}
      {step === 'mapping' && <button type="button" data-testid="import-next" disabled={isBusy} onClick={() => setStep('preview')}>{t('next')}</button>}
      {step === 'preview' && (
        <button type="button" className="primary" data-testid="import-apply" disabled={isBusy || isApplying || isBlocked || isNothing} onClick={() => void apply()}>
          {isApplying ? t('applying') : t('apply', { n: (counts?.added ?? 0) + (counts?.changed ?? 0) })}
        </button>
      )}
      <button type="button" data-testid="import-close" disabled={isApplying} onClick={onClose}>
        {t('close')}
      </button>
    </>
  );

  return (
    <ModalDialog title={t('title', { sheet: t(`sheets.${sheet}`) })} onClose={onClose} actions={actions} isWide testId="import-wizard">
      <ol className="import-steps">
        {/* Numbered as shown: a one-sheet file has no sheet step, and no gap in the numbers. */}
        {steps.map((s, i) => (
          <li key={s} className={s === step ? 'is-current' : undefined}>
            {`${i + 1}. ${t(`steps.${s}`)}`}
          </li>
        ))}
      </ol>
      {step === 'file' && (
        <label className="import-field">
          {t('chooseFile')}
          <input type="file" data-testid="import-file" accept=".xlsx,.xls,.ods,.csv" disabled={isBusy} onChange={(e) => void chooseFile(e.currentTarget.files?.[0])} />
        </label>
      )}
      {isBusy && file && (
        <p className="import-busy" role="status" data-testid="import-busy">
          {state.progress > 0 ? <progress value={state.progress} max={1} data-testid="import-progress" /> : <progress />}{' '}
          {state.progress >= 1 ? t('checking', { file: file.fileName }) : t('reading', { file: file.fileName, percent: Math.round(state.progress * 100) })}
        </p>
      )}
      {sizeError !== null && (
        <p className="edit-problem" role="alert" data-testid="import-error">
          {t('failed', { message: sizeError })}
        </p>
      )}
      {error !== null && (
        <p className="edit-problem" role="alert" data-testid="import-error">
          {t('failed', { message: errorText(error, tApp) })}
        </p>
      )}
      {analysis && step === 'sheet' && (
        <label className="import-field">
          {t('sheetLabel')}
          <select data-testid="import-sheet-name" value={analysis.sheetName} disabled={isBusy} onChange={(e) => void rerun({ sheetName: e.currentTarget.value, headerRow: null, mapping: null, keyFields: null })}>
            {analysis.sheetNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      {analysis && step === 'header' && (
        <div>
          <p>{t('headerFound', { row: analysis.headerRow })}</p>
          <label className="import-field">
            {t('headerLabel')}
            <input type="number" min={1} data-testid="import-header-row" value={headerText} onChange={(e) => setHeaderText(e.currentTarget.value)} />
          </label>
          <p className="import-note">{t('headerCells', { headers: analysis.columns.filter((c) => c.header !== '').map((c) => `“${c.header}”`).join(', ') })}</p>
        </div>
      )}
      {analysis && step === 'mapping' && <ImportMapping analysis={analysis} isBusy={isBusy} onChange={setField} onKeyChange={setKey} />}
      {analysis && step === 'preview' && (
        <div>
          <p data-testid="import-counts">{t('counts', { ...analysis.counts })}</p>
          {analysis.fileProblems.map((p, i) => (
            <p key={i} className="import-error">
              {t('fileProblem', { message: p.message })}
            </p>
          ))}
          {isNothing && (
            <p className="import-nothing" role="status" data-testid="import-nothing">
              {t('nothingToChange')}
            </p>
          )}
          {isBlocked && (
            <p className="edit-problem" role="alert" data-testid="import-blocked">
              {t('blocked')}
            </p>
          )}
          <ImportPreview analysis={analysis} defs={defs} refNames={refNames} language={language} />
        </div>
      )}
    </ModalDialog>
  );
}
