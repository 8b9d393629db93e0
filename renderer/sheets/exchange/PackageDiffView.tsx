import { useTranslation } from 'react-i18next';
import type { DatasetDiff, PackageDiff, ReceiveWarning, RecordChange } from '../../../shared/api/exchange-types';
import type { Language } from '../../../shared/i18n/format';
import type { RefNames } from '../../app/field-text';
import { formatCount } from '../../app/format';
import { fieldLabel, valueText } from './dataset-shapes';

type Props = { diff: PackageDiff; warnings: ReceiveWarning[]; language: Language; unitNames: ReadonlyMap<string, string> };

/** An added record lists this many of its filled fields; the rest are counted. */
const ADDED_FIELDS_SHOWN = 6;

/**
 * The conflict preview of exchange-format.md §6.3, shown before anything is merged:
 * per dataset the record counts and the added, removed and changed records (a changed
 * one field by field, before → after, in the register's labels), the changed totals,
 * hotspot addresses another office also reported, and the warnings that need a supervisor.
 */
export function PackageDiffView({ diff, warnings, language, unitNames }: Props) {
  const { t } = useTranslation('consolidation');
  const refs: RefNames = { commune: unitNames, officeUnit: unitNames };
  return (
    <div className="package-diff" data-testid="package-diff">
      <h4>{t('diff.heading')}</h4>
      <p className="hint" data-testid="diff-previous">
        {diff.previous === null ? t('diff.first') : t('diff.replaces', { sequence: diff.previous.sequence })}
      </p>
      {warnings.length > 0 && (
        <div className="alert alert-warning" data-testid="diff-warnings">
          <div className="alert-text">
            <strong>{t('diff.warnings')}</strong>
            <ul className="blockers">
              {warnings.map((w) => (
                <li key={w.code}>
                  <code>{w.code}</code> {w.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {diff.datasets.map((dataset) => (
        <DatasetChanges key={dataset.dataset} dataset={dataset} language={language} refs={refs} unitNames={unitNames} />
      ))}
      {diff.totals.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="diff-totals">
            <caption>{t('diff.totals')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('diff.columns.field')}</th>
                <th scope="col">{t('diff.columns.before')}</th>
                <th scope="col">{t('diff.columns.after')}</th>
                <th scope="col">{t('diff.columns.delta')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.totals.map((total) => {
                const delta = total.after - total.before;
                return (
                  <tr key={total.field}>
                    <th scope="row">{fieldLabel('commune_status', total.field, language)}</th>
                    <td className="num">{formatCount(total.before, language)}</td>
                    <td className="num">{formatCount(total.after, language)}</td>
                    <td className="num">{`${delta > 0 ? '+' : ''}${formatCount(delta, language)}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {diff.duplicateAddresses.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="diff-duplicates">
            <caption>{t('diff.duplicates')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('diff.duplicateColumns.hotspot')}</th>
                <th scope="col">{t('diff.duplicateColumns.address')}</th>
                <th scope="col">{t('diff.duplicateColumns.otherOffice')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.duplicateAddresses.map((d) => (
                <tr key={`${d.hotspotId}-${d.otherOffice}`}>
                  <td>
                    <code>{d.hotspotId}</code>
                  </td>
                  <td>{d.address}</td>
                  <td>{d.otherOffice}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {diff.sharedCommunes.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="diff-shared-communes">
            <caption>{t('diff.sharedCommunes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('diff.sharedColumns.commune')}</th>
                <th scope="col">{t('diff.duplicateColumns.otherOffice')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.sharedCommunes.map((c) => (
                <tr key={`${c.commune}-${c.otherOffice}`}>
                  <td>
                    <code>{c.commune}</code> {unitNames.get(c.commune) ?? ''}
                  </td>
                  <td>{c.otherOffice}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

type DatasetProps = { dataset: DatasetDiff; language: Language; refs: RefNames; unitNames: ReadonlyMap<string, string> };

function DatasetChanges({ dataset, language, refs, unitNames }: DatasetProps) {
  const { t } = useTranslation('consolidation');
  const { t: tApp } = useTranslation();
  const name = dataset.dataset;
  const value = (field: string, raw: unknown) => {
    const text = valueText(name, field, raw, language, refs);
    return text === '' ? t('diff.empty') : text;
  };
  const recordCell = (change: RecordChange, rowSpan: number) => {
    const unit = name === 'commune_status' ? unitNames.get(change.id) : undefined;
    return (
      <th scope="row" rowSpan={rowSpan}>
        <code>{change.id}</code>
        {unit !== undefined && <span className="row-name"> {unit}</span>}
      </th>
    );
  };
  const rows = dataset.changes.flatMap((change) => {
    const kind = <td rowSpan={change.kind === 'changed' ? Math.max(change.fields.length, 1) : 1} className={`change-${change.kind}`}>{t(`diff.kinds.${change.kind}`)}</td>;
    if (change.kind === 'changed') {
      return change.fields.map((f, index) => (
        <tr key={`${change.id}-${f.field}`} data-testid="diff-change" data-record={change.id} data-field={f.field}>
          {index === 0 && recordCell(change, change.fields.length)}
          {index === 0 && kind}
          <td>{fieldLabel(name, f.field, language)}</td>
          <td className="before">{value(f.field, f.before)}</td>
          <td className="after">{value(f.field, f.after)}</td>
        </tr>
      ));
    }
    const shown = change.fields.slice(0, ADDED_FIELDS_SHOWN);
    const more = change.fields.length - shown.length;
    return [
      <tr key={change.id} data-testid="diff-change" data-record={change.id}>
        {recordCell(change, 1)}
        {kind}
        <td colSpan={3}>
          {shown.map((f) => `${fieldLabel(name, f.field, language)}: ${value(f.field, f.after)}`).join('; ')}
          {more > 0 && ` ${t('diff.more', { n: more })}`}
        </td>
      </tr>,
    ];
  });
  return (
    <div className="table-wrap" data-testid={`diff-${name}`}>
      <table className="data-table diff-table">
        <caption>
          {tApp(`exchange.preview.datasets.${name}`)} — <span data-testid="diff-counts">{t('diff.counts', { before: formatCount(dataset.countBefore, language), after: formatCount(dataset.countAfter, language) })}</span>
        </caption>
        {rows.length === 0 ? (
          <tbody>
            <tr>
              <td className="muted">{t('diff.noChanges')}</td>
            </tr>
          </tbody>
        ) : (
          <>
            <thead>
              <tr>
                <th scope="col">{t('diff.columns.record')}</th>
                <th scope="col">{t('diff.columns.kind')}</th>
                <th scope="col">{t('diff.columns.field')}</th>
                <th scope="col">{t('diff.columns.before')}</th>
                <th scope="col">{t('diff.columns.after')}</th>
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </>
        )}
      </table>
    </div>
  );
}
