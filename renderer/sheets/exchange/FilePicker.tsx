import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { label: string; accept: string; isMultiple?: boolean; isDisabled?: boolean; testId?: string; onFiles: (files: File[]) => void };

/**
 * A file input whose button speaks the interface language: the native one says
 * "Choose Files" in the browser's own language. The input stays in the tab order
 * (visually hidden, its label drawn as the button), so keyboards work as before.
 */
export function FilePicker({ label, accept, isMultiple = false, isDisabled = false, testId, onFiles }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    // Clearing lets the same file be chosen again (e.g. after the sender resends it).
    input.value = '';
    setChosen(files.length === 0 ? null : files.map((f) => f.name).join(', '));
    if (files.length > 0) onFiles(files);
  };

  return (
    <div className="file-picker">
      <input id={id} className="visually-hidden" type="file" accept={accept} multiple={isMultiple} disabled={isDisabled} onChange={onChange} data-testid={testId} />
      <label htmlFor={id} className={isDisabled ? 'button is-disabled' : 'button'}>
        {label}
      </label>
      <span className="muted file-picker-chosen">{chosen ?? t('exchange.noFile')}</span>
    </div>
  );
}
