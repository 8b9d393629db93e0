import { useEffect, useId, useRef, type ReactNode } from 'react';

type Props = {
  title: string;
  /** Esc, the close buttons and a finished action all end here; the parent unmounts the dialog. */
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
  isWide?: boolean;
  testId?: string;
};

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, makes the
 * page behind inert and turns Esc into `cancel`. Mounted only while open.
 */
export function ModalDialog({ title, onClose, children, actions, isWide = false, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={isWide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}
