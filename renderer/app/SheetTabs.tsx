import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TAB_TEST_IDS, tabId, tabPanelId, type SheetTab } from './sheet-tabs';

type Props = { tabs: readonly SheetTab[]; active: SheetTab; onChange: (tab: SheetTab) => void };

/**
 * The sheet tabs, as the WAI-ARIA tabs pattern: one tab stop, arrow keys, Home and End
 * move between tabs and show them at once (the sheets keep their data per period).
 */
export function SheetTabs({ tabs, active, onChange }: Props) {
  const { t } = useTranslation();
  const refs = useRef(new Map<SheetTab, HTMLButtonElement>());

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(active);
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length : event.key === 'ArrowLeft' ? (index + last) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? last : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (tab === undefined) return;
    onChange(tab);
    refs.current.get(tab)?.focus();
  };

  return (
    <div className="sheet-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={move}>
      {tabs.map((tab) => (
        <button
          key={tab}
          ref={(element) => {
            if (element) refs.current.set(tab, element);
            else refs.current.delete(tab);
          }}
          type="button"
          role="tab"
          id={tabId(tab)}
          className={tab === active ? 'sheet-tab is-active' : 'sheet-tab'}
          aria-selected={tab === active}
          aria-controls={tabPanelId(tab)}
          tabIndex={tab === active ? 0 : -1}
          data-testid={TAB_TEST_IDS[tab]}
          onClick={() => onChange(tab)}
        >
          {t(`tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
