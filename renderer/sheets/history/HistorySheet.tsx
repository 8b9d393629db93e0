import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDIT_CAUSES, type HistoryEntry } from '../../../shared/api/register-types';
import type { Language } from '../../../shared/i18n/format';
import { HistoryGrid } from './HistoryGrid';
import type { HistoryQuery } from './use-history';
import '../sheet.css';

type Props = { isActive: boolean; language: Language };

const TABLES: readonly HistoryEntry['table'][] = ['commune_statuses', 'hotspots', 'model_sites', 'periods'];
const CAUSES: readonly HistoryEntry['cause'][] = [...EDIT_CAUSES, 'create', 'remove', 'restore', 'lock', 'unlock'];
const SEARCH_DELAY_MS = 300;

/**
 * The History sheet (Lịch sử): every change, who, when, old and new value, why. The
 * filters run in the services (history.list), so they cover the whole log, not a page.
 */
export function HistorySheet({ isActive, language }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [table, setTable] = useState<HistoryEntry['table'] | ''>('');
  const [cause, setCause] = useState('');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(searchText.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  // Shown again: changes made on the other sheets meanwhile must appear.
  useEffect(() => {
    if (isActive) setReloadKey((k) => k + 1);
  }, [isActive]);

  const query = useMemo<HistoryQuery>(
    () => ({ table: table === '' ? null : table, recordId: null, periodId: null, cause: cause === '' ? null : cause, search: search === '' ? null : search }),
    [table, cause, search],
  );

  return (
    <section className="sheet" aria-label={t('tabs.history')}>
      <div className="sheet-toolbar">
        <div className="inline-field">
          <label htmlFor={`${id}-table`}>{t('history.register')}</label>
          <select id={`${id}-table`} value={table} onChange={(e) => setTable(e.currentTarget.value as HistoryEntry['table'] | '')}>
            <option value="">{t('history.all')}</option>
            {TABLES.map((value) => (
              <option key={value} value={value}>
                {t(`history.tables.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="inline-field">
          <label htmlFor={`${id}-cause`}>{t('history.cause')}</label>
          <select id={`${id}-cause`} value={cause} onChange={(e) => setCause(e.currentTarget.value)}>
            <option value="">{t('history.all')}</option>
            {CAUSES.map((value) => (
              <option key={value} value={value}>
                {t(`history.causes.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="inline-field quick-filter">
          <label htmlFor={`${id}-search`}>{t('history.search')}</label>
          <input id={`${id}-search`} type="search" value={searchText} placeholder={t('history.searchPlaceholder')} onChange={(e) => setSearchText(e.currentTarget.value)} />
        </div>
      </div>
      {isActive && <HistoryGrid query={query} language={language} reloadKey={reloadKey} isRecordView={false} />}
    </section>
  );
}
