import { useTranslation } from 'react-i18next';
import type { DatasetName, DatasetPreview } from '../../../shared/api/exchange-types';
import { COMMUNE_STATUS_FIELDS } from '../../../shared/domain/commune-status';
import type { FieldDef, FieldValue } from '../../../shared/domain/fields';
import { HOTSPOT_FIELDS } from '../../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS } from '../../../shared/domain/model-site';
import type { Language } from '../../../shared/i18n/format';
import { formatFieldValue, type RefNames } from '../../app/field-text';

type Props = { dataset: DatasetPreview; language: Language; unitNames: ReadonlyMap<string, string> };

/** Each dataset's record key and fields (payload schema 1, exchange-format.md §2.6). */
const SHAPES: Record<DatasetName, { idKey: string; fields: readonly FieldDef[] }> = {
  commune_status: { idKey: 'commune', fields: COMMUNE_STATUS_FIELDS },
  hotspots: { idKey: 'id', fields: HOTSPOT_FIELDS },
  model_sites: { idKey: 'id', fields: MODEL_SITE_FIELDS },
};

/** A package value as the register holds it: decimals travel as fixed-point strings (§2.3 has no floats). */
function storedValue(def: FieldDef, raw: unknown): FieldValue {
  if (raw === null || raw === undefined) return null;
  if (def.kind.type === 'decimal' && typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return raw as string[];
  return JSON.stringify(raw);
}

/**
 * One dataset of a received package as a read-only table, labelled with the register's
 * own field names and enum labels. Columns no record fills are left out: a commune
 * status has some fifty fields and most packages fill a handful.
 */
export function DatasetTable({ dataset, language, unitNames }: Props) {
  const { t } = useTranslation();
  const shape = SHAPES[dataset.dataset];
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
                  <td key={def.key} className={def.kind.type === 'int' || def.kind.type === 'decimal' ? 'num' : undefined}>
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
