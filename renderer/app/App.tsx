import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office, SchemeSummary } from '../../shared/api/contract';
import { i18n } from '../i18n/setup';
import { useClient } from './client-context';
import { ErrorAlert } from './ErrorAlert';
import { errorText } from './error-text';
import { MainScreen } from './MainScreen';
import { SetupScreen } from './SetupScreen';
import type { AppInfo } from '../../shared/api/contract';
import { TrainingBanner } from './TrainingBanner';

type Screen =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'setup'; schemes: SchemeSummary[] }
  | { kind: 'main'; office: Office; userName: string | null };

/**
 * Decides the screen from what the workspace holds: set-up until an office is chosen
 * (importing the unit list first when there is none), then the sheets.
 */
export function App() {
  const { t } = useTranslation();
  const client = useClient();
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [userName, setUserName] = useState<string | null>(null);
  const [isTraining, setIsTraining] = useState(false);
  const [restoredFrom, setRestoredFrom] = useState<AppInfo['restoredFrom']>(null);
  const [openNotices, setOpenNotices] = useState<AppInfo['notices']>([]);

  const load = useCallback(async () => {
    setScreen({ kind: 'loading' });
    try {
      const info = await client.call('app.info', {});
      if (info.language !== i18n.language) await i18n.changeLanguage(info.language);
      document.documentElement.lang = info.language;
      setUserName(info.userName);
      setIsTraining(info.environment === 'training');
      setRestoredFrom(info.restoredFrom);
      setOpenNotices(info.notices);
      const office = await client.call('office.get', {});
      if (office !== null) {
        setScreen({ kind: 'main', office, userName: info.userName });
        return;
      }
      setScreen({ kind: 'setup', schemes: await client.call('units.schemes', {}) });
    } catch (error) {
      setScreen({ kind: 'failed', message: errorText(error, i18n.t) });
    }
    // Not keyed on `t`: switching the language must not reload and reset the screens.
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const content = (() => {
    switch (screen.kind) {
      case 'loading':
        return (
          <div className="center-message" aria-busy="true">
            {t('app.loading')}
          </div>
        );
      case 'failed':
        return (
          <div className="center-message">
            <ErrorAlert message={`${t('app.startFailed')} ${screen.message}`} />
            <button type="button" className="button" onClick={() => void load()}>
              {t('app.retry')}
            </button>
          </div>
        );
      case 'setup':
        return <SetupScreen initialSchemes={screen.schemes} onOfficeChosen={(office) => setScreen({ kind: 'main', office, userName })} />;
      case 'main':
        return <MainScreen office={screen.office} userName={screen.userName} />;
    }
  })();

  if (!isTraining && restoredFrom === null && openNotices.length === 0) return content;
  return (
    <div className="app-frame">
      {isTraining && <TrainingBanner />}
      {restoredFrom !== null && (
        // §6.5: whatever arrived after the copy was taken is no longer here and must be received again.
        <div className="restored-banner" role="alert" data-testid="restored-banner">
          {t('app.restored', { date: new Date(restoredFrom.takenAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN') })}{' '}
          <button type="button" className="button" onClick={() => void client.call('app.acknowledgeRestore', {}).then(() => setRestoredFrom(null))}>
            {t('app.restoredUnderstood')}
          </button>
        </div>
      )}
      {openNotices.map((notice) => (
        // What the open had to tell: a -wal moved aside, read-only, a backup that did not fit on the disk.
        <div key={notice.code} className="restored-banner" role="alert" data-testid="open-notice" data-code={notice.code}>
          {notice.message}{' '}
          <button type="button" className="button" onClick={() => setOpenNotices((all) => all.filter((n) => n.code !== notice.code))}>
            {t('app.restoredUnderstood')}
          </button>
        </div>
      ))}
      <div className="app-frame-body">{content}</div>
    </div>
  );
}
