import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../shared/api/contract';
import { parsePeriodId, periodLabel, quarterOf } from '../../shared/domain/period';
import { currentLanguage } from '../i18n/setup';
import { CommunesSheet } from '../sheets/CommunesSheet';
import { ErrorAlert } from './ErrorAlert';
import { todayIso } from './format';
import { LanguageSwitch } from './LanguageSwitch';
import { documentTitle, officeTitle } from './office-title';
import { choiceFromId, choiceId, rememberChoice, rememberedChoice, type PeriodChoice } from './period-choice';
import { PeriodSelector } from './PeriodSelector';

type Props = { office: Office };

const FALLBACK_CHOICE: PeriodChoice = { kind: 'YEAR', year: new Date().getFullYear(), seq: null };

/** The office's workspace: top bar (office, period, language) and the Communes sheet. */
export function MainScreen({ office }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const today = useMemo(() => new Date(), []);
  const [choice, setChoice] = useState<PeriodChoice>(() => rememberedChoice() ?? choiceFromId(quarterOf(todayIso(today))) ?? FALLBACK_CHOICE);
  const [error, setError] = useState<string | null>(null);
  const periodId = choiceId(choice);
  const period = parsePeriodId(periodId);

  useEffect(() => {
    document.title = documentTitle(office);
  }, [office]);

  const choosePeriod = (next: PeriodChoice) => {
    rememberChoice(next);
    setChoice(next);
  };

  return (
    <div className="main-screen">
      <header className="top-bar">
        <span className="brand">{t('app.name')}</span>
        <div className="office-title" aria-label={t('office.label')} title={officeTitle(office)}>
          <span className="office-name">{office.name}</span>
          {office.parents.length > 0 && <span className="office-parents">{office.parents.join(', ')}</span>}
        </div>
        <span className="spacer" />
        <PeriodSelector value={choice} onChange={choosePeriod} today={today} />
        <LanguageSwitch onError={setError} />
      </header>
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      <div className="sheet-header">
        <h1 className="sheet-title">{t('sheet.title')}</h1>
        <span className="period-label" data-testid="period-label">
          {period ? periodLabel(period, language) : periodId}
        </span>
      </div>
      <CommunesSheet periodId={periodId} />
    </div>
  );
}
