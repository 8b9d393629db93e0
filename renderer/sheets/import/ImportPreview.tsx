import { useTranslation } from 'react-i18next';
import type { ImportAnalysis, ImportPreviewRow } from '../../../shared/api/import-types';
import type { FieldDef } from '../../../shared/domain/fields';
import type { Language } from '../../../shared/i18n/format';
import { formatFieldValue, type RefNames } from '../../app/field-text';

type Props = { analysis: ImportAnalysis; defs: ReadonlyMap<string, FieldDef>; refNames: RefNames; language: Language };

/** A browser table stays quick up to a few hundred rows; rows with problems are always among them. */
const SHOWN_ROWS = 300;

function shownRows(rows: readonly ImportPreviewRow[]): ImportPreviewRow[] {
  const withProblems = rows.filter((r) => r.problems.length > 0);
  const rest = rows.filter((r) => r.problems.length === 0).slice(0, Math.max(0, SHOWN_ROWS - withProblems.length));
  return [...withProblems, ...rest].sort((a, b) => a.row - b.row).slice(0, Math.max(SHOWN_ROWS, withProblems.length));
}

/** The preview step: every row's outcome (with the fields that change) and its problems, as the rules engine found them. */
export function ImportPreview({ analysis, defs, refNames, language }: Props) {
  const { t } = useTranslation('sheetImport');
  const rows = shownRows(analysis.rows);
  const text = (field: string, value: ImportPreviewRow['values'][string]) => {
    const def = defs.get(field);
    return def ? formatFieldValue(def, value, language, refNames) : String(value ?? '');
  };
  const label = (field: string) => analysis.fields.find((f) => f.key === field)?.label ?? field;
  const details = (row: ImportPreviewRow) => {
    if (row.outcome === 'changed') return row.changes.map((c) => t('change', { field: label(c.field), old: text(c.field, c.oldValue), new: text(c.field, c.newValue) })).join('; ');
    return Object.entries(row.values)
      .map(([field, value]) => text(field, value))
      .filter((v) => v !== '')
      .join(' · ');
  };
  return (
    <div className="import-preview" data-testid="import-preview">
      {rows.length < analysis.rows.length && <p className="import-note">{t('shownRows', { shown: rows.length, total: analysis.rows.length })}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('columns.row')}</th>
            <th>{t('columns.outcome')}</th>
            <th>{t('columns.details')}</th>
            <th>{t('columns.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} data-testid="import-preview-row" data-row={row.row} data-outcome={row.outcome} className={`import-${row.outcome}`}>
              <td>{row.row}</td>
              <td>{t(`outcomes.${row.outcome}`)}</td>
              <td>{details(row)}</td>
              <td>
                {row.problems.map((p, i) => (
                  <div key={i} className={p.severity === 'error' ? 'import-error' : 'import-warning'} data-testid="import-problem" data-code={p.code}>
                    {p.column !== '' ? `${p.column}: ` : ''}
                    {p.message}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
