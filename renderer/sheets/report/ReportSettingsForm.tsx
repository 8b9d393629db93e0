import { useTranslation } from 'react-i18next';
import { SIGNER_AUTHORITIES, type ReportSettings, type SignerAuthority } from '../../../shared/api/report-types';

type Props = { settings: ReportSettings; onChange: (next: ReportSettings) => void };

type TextKey = Exclude<keyof ReportSettings, 'recipients' | 'signerAuthority' | 'situation' | 'date'>;

/** The report's editable fields: the office's header and signer (filled once), and this period's number, date and paragraph. */
export function ReportSettingsForm({ settings, onChange }: Props) {
  const { t } = useTranslation('report');
  const set = (patch: Partial<ReportSettings>) => onChange({ ...settings, ...patch });
  const text = (key: TextKey) => (
    <label className="report-field">
      <span>{t(`fields.${key}`)}</span>
      <input type="text" value={settings[key]} data-testid={`report-${key}`} onChange={(e) => set({ [key]: e.target.value })} />
    </label>
  );
  return (
    <div className="report-settings">
      <fieldset>
        <legend>{t('periodSettings')}</legend>
        {text('number')}
        <label className="report-field">
          <span>{t('fields.date')}</span>
          <input type="date" value={settings.date} data-testid="report-date" onChange={(e) => set({ date: e.target.value })} />
        </label>
        <label className="report-field">
          <span>{t('fields.situation')}</span>
          <textarea rows={5} value={settings.situation} data-testid="report-situation" onChange={(e) => set({ situation: e.target.value })} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('officeSettings')}</legend>
        {text('superiorBody')}
        {text('issuer')}
        {text('symbol')}
        {text('place')}
        <label className="report-field">
          <span>{t('fields.recipients')}</span>
          <textarea rows={4} value={settings.recipients.join('\n')} data-testid="report-recipients" onChange={(e) => set({ recipients: e.target.value.split('\n') })} />
        </label>
        {text('archive')}
        <label className="report-field">
          <span>{t('fields.signerAuthority')}</span>
          <select value={settings.signerAuthority} data-testid="report-signerAuthority" onChange={(e) => set({ signerAuthority: e.target.value as SignerAuthority })}>
            {SIGNER_AUTHORITIES.map((a) => (
              <option key={a} value={a}>
                {a === '' ? t('noAuthority') : a}
              </option>
            ))}
          </select>
        </label>
        {text('signerOnBehalfOf')}
        {text('signerTitle')}
        {text('signerName')}
      </fieldset>
    </div>
  );
}
