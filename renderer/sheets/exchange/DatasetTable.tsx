import { useTranslation } from 'react-i18next';
import type { DatasetPreview } from '../../../shared/api/exchange-types';
import type { Language } from '../../../shared/i18n/format';
import { formatFieldValue, type RefNames } from '../../app/field-text';
import { DATASET_SHAPES, isNumericField, storedValue } from './dataset-shapes';

type Props = { dataset: DatasetPreview; language: Language; unitNames: ReadonlyMap<string, string> };

/**
 * One dataset of a received package as a read-only table, labelled with the register's
 * own field names and enum labels. Columns no record fills are left out: a commune
 * status has some fifty fields and most packages fill a handful.
 */
export function DatasetTable({ dataset, language, unitNames }: Props) {
  const { t } = useTranslation();
  const shape = DATASET_SHAPES[dataset.dataset];
  const records = dataset.records;
  const fields = shape.fields.filter((def) => records.some((record) => storedValue(def, record[def.key]) !== null));
  const refs: RefNames = { commune: unitNames, officeUnit: unitNames };
  const isCommune = dataset.dataset === 'commune_status';

  return (
    <div className="table-wrap dataset" data-testid={`preview-${dataset.dataset}`}>
      <table className="data-table">
        <caption>
          {t(`exchange.preview.datasets.${dataset.dataset}`)} — {t('exchange.preview.recordCount', { n: records.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{isCommune ? t('exchange.preview.commune') : t('exchange.preview.recordId')}</th>
            {fields.map((def) => (
              <th key={def.key} scope="col">
                {def.labels[language]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record, index) => {
            const id = String(record[shape.idKey] ?? '');
            const name = isCommune ? unitNames.get(id) : undefined;
            return (
              <tr key={`${index}-${id}`}>
                <th scope="row">
                  <code>{id}</code>
                  {name !== undefined && <span className="row-name"> {name}</span>}
                </th>
                {fields.map((def) => (
                  <td key={def.key} className={isNumericField(def) ? 'num' : undefined}>
                    {formatFieldValue(def, storedValue(def, record[def.key]), language, refs)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
