import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office, SchemeSummary, UnitRow } from '../../shared/api/contract';
import type { SchemeCode, UnitLevel } from '../../shared/domain/admin-units';
import { currentLanguage } from '../i18n/setup';
import { useClient } from './client-context';
import { ErrorAlert } from './ErrorAlert';
import { errorText } from './error-text';
import { unitCountsText } from './import-result';

type Props = { schemes: SchemeSummary[]; onChosen: (office: Office) => void };

/** One drop-down per level of the scheme; options[i] are the units under path[i-1]. */
type Drill = { options: UnitRow[][]; path: string[] };

const EMPTY_DRILL: Drill = { options: [], path: [] };

/**
 * Chooses the office's own unit by drilling down the scheme's levels (province →
 * district → commune, or province → commune since 2025). The deepest chosen unit
 * becomes the office; the levels come from the scheme, never from a fixed list.
 */
export function OfficePicker({ schemes, onChosen }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const language = currentLanguage();
  const usable = schemes.filter((s) => s.communes > 0);
  const [schemeCode, setSchemeCode] = useState<SchemeCode | ''>(usable.length === 1 ? (usable[0]?.code ?? '') : '');
  const [drill, setDrill] = useState<Drill>(EMPTY_DRILL);
  const [isLoading, setIsLoading] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Answers to an older choice must not overwrite the lists of a newer one.
  const requestId = useRef(0);
  const idPrefix = useId();

  const scheme = usable.find((s) => s.code === schemeCode);
  const levels: readonly UnitLevel[] = scheme?.levels ?? [];

  const loadLevel = async (code: SchemeCode, index: number, parentCode: string | null, path: string[], options: UnitRow[][]) => {
    const id = ++requestId.current;
    setIsLoading(true);
    setError(null);
    try {
      const parentLevel = index === 0 ? null : (levels[index - 1] ?? null);
      const rows = await client.call('units.children', { scheme: code, parentLevel, parentCode });
      if (id === requestId.current) setDrill({ options: [...options.slice(0, index), rows], path });
    } catch (caught) {
      if (id === requestId.current) setError(errorText(caught, t));
    } finally {
      if (id === requestId.current) setIsLoading(false);
    }
  };

  useEffect(() => {
    setDrill(EMPTY_DRILL);
    if (schemeCode !== '') void loadLevel(schemeCode, 0, null, [], []);
    // loadLevel is recreated each render; the drill-down restarts only when the scheme changes.
  }, [schemeCode]);

  const choose = (index: number, code: string) => {
    const path = [...drill.path.slice(0, index), ...(code === '' ? [] : [code])];
    const options = drill.options.slice(0, index + 1);
    if (code === '' || index + 1 >= levels.length || schemeCode === '') {
      ++requestId.current;
      setDrill({ options, path });
      return;
    }
    setDrill({ options, path });
    void loadLevel(schemeCode, index + 1, code, path, options);
  };

  const deepest = drill.path.length - 1;
  const chosenUnit = deepest >= 0 ? drill.options[deepest]?.find((u) => u.code === drill.path[deepest]) : undefined;

  const confirm = async () => {
    if (chosenUnit === undefined || schemeCode === '') return;
    setIsSaving(true);
    setError(null);
    try {
      onChosen(await client.call('office.set', { scheme: schemeCode, level: chosenUnit.level, code: chosenUnit.code }));
    } catch (caught) {
      setError(errorText(caught, t));
      setIsSaving(false);
    }
  };

  if (usable.length === 0) return <p className="hint">{t('setup.needUnits')}</p>;

  return (
    <div className="office-picker">
      <div className="field">
        <label className="field-label" htmlFor={`${idPrefix}-scheme`}>
          {t('setup.schemeLabel')}
        </label>
        <select id={`${idPrefix}-scheme`} value={schemeCode} onChange={(e) => setSchemeCode(e.currentTarget.value as SchemeCode | '')}>
          <option value="">{t('setup.choose')}</option>
          {usable.map((s) => (
            <option key={s.code} value={s.code}>
              {t('setup.schemeOption', { name: s.name, counts: unitCountsText(s, t, language) })}
            </option>
          ))}
        </select>
      </div>
      {levels.map((level, index) => {
        const options = drill.options[index];
        if (options === undefined) return null;
        const label = t(`levels.${level}`);
        const isLast = index === levels.length - 1 && index > 0;
        return (
          <div className="field" key={level}>
            <label className="field-label" htmlFor={`${idPrefix}-${level}`}>
              {isLast ? t('setup.optional', { label }) : label}
            </label>
            <select id={`${idPrefix}-${level}`} value={drill.path[index] ?? ''} onChange={(e) => choose(index, e.currentTarget.value)}>
              <option value="">{t('setup.choose')}</option>
              {options.map((unit) => (
                <option key={unit.code} value={unit.code}>
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {isLoading && (
        <p className="hint" role="status">
          {t('setup.loadingUnits')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button primary" disabled={chosenUnit === undefined || isSaving} onClick={() => void confirm()}>
          {isSaving ? t('setup.saving') : t('setup.confirm')}
        </button>
        {chosenUnit && <span className="hint">{t('setup.chosen', { name: chosenUnit.name })}</span>}
      </div>
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
    </div>
  );
}
