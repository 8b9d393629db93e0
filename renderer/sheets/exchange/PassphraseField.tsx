import { useId } from 'react';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  isNew?: boolean;
  testId?: string;
  hint?: string;
  isDisabled?: boolean;
};

/** A labelled password input; the passphrase lives in this form's state only until it is sent once. */
export function PassphraseField({ label, value, onChange, isNew = false, testId, hint, isDisabled = false }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="text-input"
        type="password"
        autoComplete={isNew ? 'new-password' : 'current-password'}
        spellCheck={false}
        value={value}
        disabled={isDisabled}
        data-testid={testId}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {hint !== undefined && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
