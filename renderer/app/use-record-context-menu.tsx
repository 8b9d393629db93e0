/**
 * The row context menu every sheet offers (right-click, or Shift+F10 / the menu key on
 * a focused cell) with "Xem lịch sử" for the row's record. Usage in a sheet:
 *
 *   const { onCellContextMenu, onCellKeyDown, contextMenu } = useRecordContextMenu(recordOf);
 *   <AgGridReact suppressContextMenu preventDefaultOnContextMenu
 *     onCellContextMenu={onCellContextMenu} onCellKeyDown={onCellKeyDown} … />
 *   {contextMenu}
 *
 * `recordOf` maps a row to its RecordRef (null: no menu, e.g. a blank new row).
 */
import type { CellContextMenuEvent, CellKeyDownEvent, FullWidthCellKeyDownEvent } from 'ag-grid-community';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ContextMenu, type MenuItem } from './ContextMenu';
import { useOpenRecordHistory, type RecordRef } from './record-history';

type MenuState = { x: number; y: number; record: RecordRef };

export type RecordContextMenu<TData> = {
  onCellContextMenu: (event: CellContextMenuEvent<TData>) => void;
  onCellKeyDown: (event: CellKeyDownEvent<TData> | FullWidthCellKeyDownEvent<TData>) => void;
  contextMenu: ReactElement | null;
};

export function useRecordContextMenu<TData>(recordOf: (row: TData) => RecordRef | null, extraItems: (row: TData) => MenuItem[] = noItems): RecordContextMenu<TData> {
  const { t } = useTranslation();
  const openHistory = useOpenRecordHistory();
  const [menu, setMenu] = useState<(MenuState & { extra: MenuItem[] }) | null>(null);
  const latest = useRef({ recordOf, extraItems });
  useLayoutEffect(() => {
    latest.current = { recordOf, extraItems };
  });

  const open = useCallback((data: TData | undefined, x: number, y: number) => {
    if (data === undefined) return;
    const record = latest.current.recordOf(data);
    if (record !== null) setMenu({ x, y, record, extra: latest.current.extraItems(data) });
  }, []);

  const onCellContextMenu = useCallback(
    (event: CellContextMenuEvent<TData>) => {
      const mouse = event.event;
      if (!(mouse instanceof MouseEvent)) return;
      mouse.preventDefault();
      open(event.data, mouse.clientX, mouse.clientY);
    },
    [open],
  );

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<TData> | FullWidthCellKeyDownEvent<TData>) => {
      const key = event.event;
      if (!(key instanceof KeyboardEvent) || !(key.key === 'ContextMenu' || (key.shiftKey && key.key === 'F10'))) return;
      key.preventDefault();
      const target = key.target instanceof HTMLElement ? key.target.getBoundingClientRect() : null;
      open(event.data, target ? target.left + 8 : 0, target ? target.bottom : 0);
    },
    [open],
  );

  const close = useCallback(() => setMenu(null), []);

  const contextMenu = useMemo(() => {
    if (menu === null) return null;
    const items: MenuItem[] = [{ key: 'history', label: t('menu.history'), onSelect: () => openHistory(menu.record) }, ...menu.extra];
    return <ContextMenu x={menu.x} y={menu.y} label={t('menu.label')} items={items} onClose={close} />;
  }, [menu, t, openHistory, close]);

  return { onCellContextMenu, onCellKeyDown, contextMenu };
}

function noItems(): MenuItem[] {
  return [];
}
