import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office, SchemeSummary } from '../../shared/api/contract';
import { useClient } from './client-context';
import { ErrorAlert } from './ErrorAlert';
import { errorText } from './error-text';
import { LanguageSwitch } from './LanguageSwitch';
import { OfficePicker } from './OfficePicker';
import { UnitImportPanel } from './UnitImportPanel';

type Props = { initialSchemes: SchemeSummary[]; onOfficeChosen: (office: Office) => void };

/** First run: import the unit list, then choose the office's own unit. */
export function SetupScreen({ initialSchemes, onOfficeChosen }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [schemes, setSchemes] = useState(initialSchemes);
  const [error, setError] = useState<string | null>(null);
  // Remounting the picker after an import shows the new counts and a fresh drill-down.
  const [importCount, setImportCount] = useState(0);

  const refreshSchemes = async () => {
    try {
      setSchemes(await client.call('units.schemes', {}));
      setImportCount((n) => n + 1);
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };

  return (
    <div className="setup-screen">
      <header className="top-bar">
        <span className="brand">{t('app.name')}</span>
        <span className="top-bar-title">{t('setup.title')}</span>
        <span className="spacer" />
        <LanguageSwitch onError={setError} />
      </header>
      <main className="setup-body">
        <h1>{t('setup.title')}</h1>
        <p className="intro">{t('setup.intro')}</p>
        <ErrorAlert message={error} onDismiss={() => setError(null)} />
        <UnitImportPanel onImported={() => void refreshSchemes()} />
        <section className="panel" aria-labelledby="office-heading">
          <h2 id="office-heading">{t('setup.officeHeading')}</h2>
          <p className="hint">{t('setup.officeHint')}</p>
          <OfficePicker key={importCount} schemes={schemes} onChosen={onOfficeChosen} />
        </section>
      </main>
    </div>
  );
}
