import { useTranslation } from 'react-i18next';
import type { ImportAnalysis } from '../../../shared/api/import-types';

type Props = { analysis: ImportAnalysis; isBusy: boolean; onChange: (index: number, field: string | null) => void; onKeyChange: (keyFields: string[]) => void };

/**
 * The mapping step: each column of the file with the field it goes into, filled in by
 * header matching, correctable; and the key — the imported fields that match a row to a
 * stored record — shown and changeable (at least one field stays in it).
 */
export function ImportMapping({ analysis, isBusy, onChange, onKeyChange }: Props) {
  const { t } = useTranslation('sheetImport');
  const label = (key: string) => analysis.fields.find((f) => f.key === key)?.label ?? key;
  const mapped = analysis.columns.flatMap((c) => (c.field === null ? [] : [c.field]));
  // A key field with no column stays listed, so the user sees why the preview says it is missing.
  const keyChoices = [...new Set([...mapped, ...analysis.keyFields])];
  const toggleKey = (field: string, isOn: boolean) => {
    const next = isOn ? [...analysis.keyFields, field] : analysis.keyFields.filter((k) => k !== field);
    if (next.length > 0) onKeyChange(keyChoices.filter((k) => next.includes(k)));
  };
  return (
    <div data-testid="import-mapping">
      {analysis.isMappingRemembered && <p className="import-note">{t('rememberedMapping')}</p>}
      <table className="import-mapping">
        <thead>
          <tr>
            <th>{t('mappingColumn')}</th>
            <th>{t('mappingHeader')}</th>
            <th>{t('mappingField')}</th>
          </tr>
        </thead>
        <tbody>
          {analysis.columns.map((c) => (
            <tr key={c.index}>
              <td>{c.letter}</td>
              <td>{c.header}</td>
              <td>
                <select
                  data-testid={`import-map-${c.letter}`}
                  aria-label={`${t('mappingField')} ${c.letter}`}
                  value={c.field ?? ''}
                  disabled={isBusy}
                  onChange={(e) => onChange(c.index, e.currentTarget.value === '' ? null : e.currentTarget.value)}
                >
                  <option value="">{t('skip')}</option>
                  {analysis.fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset className="import-key" data-testid="import-key">
        <legend>{t('keyChoose')}</legend>
        {keyChoices.map((field) => {
          const isOn = analysis.keyFields.includes(field);
          return (
            <label key={field}>
              <input
                type="checkbox"
                data-testid={`import-key-${field}`}
                checked={isOn}
                disabled={isBusy || (isOn && analysis.keyFields.length === 1)}
                onChange={(e) => toggleKey(field, e.currentTarget.checked)}
              />
              {label(field)}
            </label>
          );
        })}
      </fieldset>
      <p className="import-note" data-testid="import-key-label">{t('keyLabel', { fields: analysis.keyFields.map(label).join(' + ') })}</p>
    </div>
  );
}
