import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';

export type MenuItem = { key: string; label: string; onSelect: () => void };

type Props = { x: number; y: number; label: string; items: readonly MenuItem[]; onClose: () => void };

const MARGIN = 4;

/**
 * A small context menu at a screen point (AG Grid's own context menu is Enterprise).
 * Keyboard: focus starts on the first item, arrows move, Enter chooses, Esc and Tab
 * close; a click anywhere else closes it. Focus returns to where it was (the cell).
 */
export function ContextMenu({ x, y, label, items, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const menu = ref.current;
    if (menu === null) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // CSSOM, not a style attribute: the CSP forbids inline style attributes, not this.
    const width = menu.offsetWidth;
    const height = menu.offsetHeight;
    menu.style.left = `${Math.max(MARGIN, Math.min(x, window.innerWidth - width - MARGIN))}px`;
    menu.style.top = `${Math.max(MARGIN, Math.min(y, window.innerHeight - height - MARGIN))}px`;
    menu.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => returnTo?.focus();
  }, [x, y]);

  useEffect(() => {
    const closeOutside = (event: MouseEvent) => {
      if (ref.current !== null && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', closeOutside, true);
    window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('mousedown', closeOutside, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
    const index = buttons.findIndex((b) => b === document.activeElement);
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      buttons[(index + step + buttons.length) % buttons.length]?.focus();
    }
    event.stopPropagation();
  };

  return (
    <div ref={ref} className="context-menu" role="menu" aria-label={label} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          className="context-menu-item"
          tabIndex={-1}
          onClick={() => {
            onClose();
            item.onSelect();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
