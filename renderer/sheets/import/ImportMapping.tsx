import { useTranslation } from 'react-i18next';
import type { ImportAnalysis } from '../../../shared/api/import-types';

type Props = { analysis: ImportAnalysis; isBusy: boolean; onChange: (index: number, field: string | null) => void };

/** The mapping step: each column of the file with the field it goes into, filled in by header matching, correctable. */
export function ImportMapping({ analysis, isBusy, onChange }: Props) {
  const { t } = useTranslation('sheetImport');
  const label = (key: string) => analysis.fields.find((f) => f.key === key)?.label ?? key;
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
      <p className="import-note">{t('keyLabel', { fields: analysis.keyFields.map(label).join(' + ') })}</p>
    </div>
  );
}
