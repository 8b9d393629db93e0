import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/i18n/format';
import { currentLanguage, i18n } from '../i18n/setup';
import { useClient } from './client-context';
import { errorText } from './error-text';

type Props = { onError: (message: string) => void };

/**
 * VI/EN switch. The interface changes at once; the services are told too, because
 * they write error messages in the stored language.
 */
export function LanguageSwitch({ onError }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const active = currentLanguage();

  const choose = (language: Language) => {
    if (language === active) return;
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    client.call('settings.setLanguage', { language }).catch((error: unknown) => onError(errorText(error, t)));
  };

  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className={language === active ? 'lang-button is-active' : 'lang-button'}
          aria-pressed={language === active}
          title={t(`language.${language}`)}
          onClick={() => choose(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
