import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../shared/api/contract';
import { parsePeriodId, periodLabel } from '../../shared/domain/period';
import { currentLanguage, i18n } from '../i18n/setup';
import { CommunesSheet } from '../sheets/CommunesSheet';
import { ConsolidatedSheet } from '../sheets/consolidated/ConsolidatedSheet';
import { ExchangeSheet } from '../sheets/exchange/ExchangeSheet';
import { HotspotsSheet } from '../sheets/hotspots/HotspotsSheet';
import { HistorySheet } from '../sheets/history/HistorySheet';
import { RecordHistoryDialog } from '../sheets/history/RecordHistoryDialog';
import { LazyIndicatorsSheet } from '../sheets/indicators/LazyIndicatorsSheet';
import { ModelSitesSheet } from '../sheets/model-sites/ModelSitesSheet';
import { ReportSheet } from '../sheets/report/ReportSheet';
import { ProblemsContext } from '../problems/problems-context';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { useProblems } from '../problems/use-problems';
import { BackupsButton } from './BackupsButton';
import { useClient } from './client-context';
import { ErrorAlert } from './ErrorAlert';
import { errorText } from './error-text';
import { todayIso } from './format';
import { LanguageSwitch } from './LanguageSwitch';
import { documentTitle, officeTitle } from './office-title';
import { PeriodActions } from './PeriodActions';
import { choiceFromId, choiceId, defaultPeriodId, rememberChoice, rememberedChoice, type PeriodChoice } from './period-choice';
import { PeriodSelector } from './PeriodSelector';
import { RecordHistoryContext, type RecordRef } from './record-history';
import { SheetPanel } from './SheetPanel';
import { SheetTabs } from './SheetTabs';
import { tabsFor, type SheetTab } from './sheet-tabs';
import { usePeriodLock } from './use-period-lock';
import { UserNameField } from './UserNameField';

type Props = { office: Office; userName: string | null };

const FALLBACK_CHOICE: PeriodChoice = { kind: 'YEAR', year: new Date().getFullYear(), seq: null };

/**
 * The office's workspace: top bar (office, user, language), the period bar (period,
 * lock, copy forward) and the sheet tabs. A sheet is mounted when first shown and then
 * kept, so switching tabs never drops an edit that is still being saved.
 */
export function MainScreen({ office, userName }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const language = currentLanguage();
  const today = useMemo(() => new Date(), []);
  const [choice, setChoice] = useState<PeriodChoice>(() => rememberedChoice() ?? choiceFromId(defaultPeriodId(office.scheme, todayIso(today))) ?? FALLBACK_CHOICE);
  const [tab, setTab] = useState<SheetTab>('communes');
  const [visited, setVisited] = useState<ReadonlySet<SheetTab>>(() => new Set(['communes']));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [historyRecord, setHistoryRecord] = useState<RecordRef | null>(null);
  const periodId = choiceId(choice);
  const period = parsePeriodId(periodId);
  const periodText = period ? periodLabel(period, language) : periodId;

  const errorOf = useCallback((e: unknown) => errorText(e, i18n.t), []);
  const showError = useCallback((e: unknown) => setError(errorText(e, i18n.t)), []);
  const lock = usePeriodLock(client, periodId, showError);
  const problems = useProblems(client, periodId, dataVersion);

  useEffect(() => {
    document.title = documentTitle(office);
  }, [office]);

  const choosePeriod = (next: PeriodChoice) => {
    rememberChoice(next);
    setChoice(next);
    setNotice(null);
  };

  const chooseTab = (next: SheetTab) => {
    setTab(next);
    setVisited((before) => (before.has(next) ? before : new Set([...before, next])));
  };

  const panel = (which: SheetTab, content: () => ReactNode) =>
    visited.has(which) ? (
      <SheetPanel tab={which} isActive={tab === which}>
        {content()}
      </SheetPanel>
    ) : null;

  return (
    <RecordHistoryContext.Provider value={setHistoryRecord}>
      <ProblemsContext.Provider value={problems}>
        <div className="main-screen">
          <header className="top-bar">
            <span className="brand">{t('app.name')}</span>
            <div className="office-title" aria-label={t('office.label')} title={officeTitle(office)}>
              <span className="office-name">{office.name}</span>
              {office.parents.length > 0 && <span className="office-parents">{office.parents.join(', ')}</span>}
            </div>
            <span className="spacer" />
            <UserNameField initialName={userName} onError={showError} onNotice={setNotice} />
            <BackupsButton />
            <LanguageSwitch onError={setError} />
          </header>
          <div className="period-bar">
            <PeriodSelector value={choice} onChange={choosePeriod} today={today} />
            <span className="period-label" data-testid="period-label">
              {periodText}
            </span>
            <span className="spacer" />
            {period !== null && (
              <PeriodActions period={period} lock={lock} onNotice={setNotice} onError={showError} errorOf={errorOf} onCopied={() => setDataVersion((v) => v + 1)} />
            )}
          </div>
          <ErrorAlert message={error} onDismiss={() => setError(null)} />
          {notice !== null && (
            <div className="notice" role="status">
              <span className="alert-text" data-testid="notice">
                {notice}
              </span>
              <button type="button" className="alert-close" onClick={() => setNotice(null)} aria-label={t('app.dismiss')}>
                ×
              </button>
            </div>
          )}
          <SheetTabs tabs={tabsFor(office.level)} active={tab} onChange={chooseTab} />
          {panel('communes', () => <CommunesSheet key={dataVersion} periodId={periodId} isLocked={lock.isLocked} language={language} isActive={tab === 'communes'} />)}
          {panel('hotspots', () => <HotspotsSheet key={dataVersion} periodId={periodId} isLocked={lock.isLocked} language={language} />)}
          {panel('modelSites', () => <ModelSitesSheet key={dataVersion} periodId={periodId} officeCode={office.code} isLocked={lock.isLocked} language={language} />)}
          {panel('history', () => <HistorySheet key={dataVersion} isActive={tab === 'history'} language={language} />)}
          {panel('indicators', () => <LazyIndicatorsSheet key={dataVersion} periodId={periodId} language={language} isActive={tab === 'indicators'} />)}
          {panel('report', () => <ReportSheet key={dataVersion} periodId={periodId} isActive={tab === 'report'} />)}
          {panel('exchange', () => <ExchangeSheet periodId={periodId} isActive={tab === 'exchange'} language={language} onPeriodLocked={lock.refresh} />)}
          {panel('consolidated', () => <ConsolidatedSheet periodId={periodId} isActive={tab === 'consolidated'} language={language} />)}
          <ProblemsPanel problems={problems} periodId={periodId} periodText={periodText} onShowSheet={(sheet) => chooseTab(sheet === 'communeStatuses' ? 'communes' : sheet)} />
          {historyRecord !== null && <RecordHistoryDialog record={historyRecord} language={language} onClose={() => setHistoryRecord(null)} />}
        </div>
      </ProblemsContext.Provider>
    </RecordHistoryContext.Provider>
  );
}
