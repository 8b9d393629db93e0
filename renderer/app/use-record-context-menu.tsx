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
 *
 * A sheet whose grid component does not pass AG Grid events through (SpreadsheetGrid)
 * gives the hook its grid api instead and spreads `wrapperProps` on a div around the
 * grid: the row is then found from the clicked or focused cell's `row-id`.
 */
import type { CellContextMenuEvent, CellKeyDownEvent, FullWidthCellKeyDownEvent, GridApi } from 'ag-grid-community';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent, type ReactElement, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ContextMenu, type MenuItem } from './ContextMenu';
import { useOpenRecordHistory, type RecordRef } from './record-history';

type MenuState = { x: number; y: number; record: RecordRef };

export type RecordContextMenu<TData> = {
  onCellContextMenu: (event: CellContextMenuEvent<TData>) => void;
  onCellKeyDown: (event: CellKeyDownEvent<TData> | FullWidthCellKeyDownEvent<TData>) => void;
  contextMenu: ReactElement | null;
  wrapperProps: {
    onContextMenu: (event: ReactMouseEvent<HTMLElement>) => void;
    onKeyDown: (event: ReactKeyboardEvent<HTMLElement>) => void;
  };
};

const isMenuKey = (event: { key: string; shiftKey: boolean }) => event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');

export function useRecordContextMenu<TData>(
  recordOf: (row: TData) => RecordRef | null,
  extraItems: (row: TData) => MenuItem[] = noItems,
  gridApi?: RefObject<GridApi<TData> | null>,
): RecordContextMenu<TData> {
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
      if (!(key instanceof KeyboardEvent) || !isMenuKey(key)) return;
      key.preventDefault();
      const target = key.target instanceof HTMLElement ? key.target.getBoundingClientRect() : null;
      open(event.data, target ? target.left + 8 : 0, target ? target.bottom : 0);
    },
    [open],
  );

  const rowAt = useCallback(
    (target: EventTarget | null): TData | undefined => {
      const id = target instanceof Element ? target.closest('[row-id]')?.getAttribute('row-id') : null;
      return id ? gridApi?.current?.getRowNode(id)?.data : undefined;
    },
    [gridApi],
  );

  const wrapperProps = useMemo(
    () => ({
      onContextMenu: (event: ReactMouseEvent<HTMLElement>) => {
        const data = rowAt(event.target);
        if (data === undefined || latest.current.recordOf(data) === null) return;
        event.preventDefault();
        open(data, event.clientX, event.clientY);
      },
      onKeyDown: (event: ReactKeyboardEvent<HTMLElement>) => {
        if (!isMenuKey(event)) return;
        const data = rowAt(event.target);
        if (data === undefined) return;
        event.preventDefault();
        const box = event.target instanceof Element ? event.target.getBoundingClientRect() : null;
        open(data, box ? box.left + 8 : 0, box ? box.bottom : 0);
      },
    }),
    [rowAt, open],
  );

  const close = useCallback(() => setMenu(null), []);

  const contextMenu = useMemo(() => {
    if (menu === null) return null;
    const items: MenuItem[] = [{ key: 'history', label: t('menu.history'), onSelect: () => openHistory(menu.record) }, ...menu.extra];
    return <ContextMenu x={menu.x} y={menu.y} label={t('menu.label')} items={items} onClose={close} />;
  }, [menu, t, openHistory, close]);

  return { onCellContextMenu, onCellKeyDown, contextMenu, wrapperProps };
}

function noItems(): MenuItem[] {
  return [];
}
