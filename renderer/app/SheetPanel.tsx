import type { ReactNode } from 'react';
import { tabId, tabPanelId, type SheetTab } from './sheet-tabs';

type Props = { tab: SheetTab; isActive: boolean; children: ReactNode };

/** The tab panel of one sheet; hidden, not unmounted, while another tab is shown. */
export function SheetPanel({ tab, isActive, children }: Props) {
  return (
    <div className="sheet-panel" role="tabpanel" id={tabPanelId(tab)} aria-labelledby={tabId(tab)} hidden={!isActive}>
      {children}
    </div>
  );
}
