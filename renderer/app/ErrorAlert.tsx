import { useTranslation } from 'react-i18next';

type Props = { message: string | null; onDismiss?: () => void };

/** A visible, announced error; renders nothing when there is no message. */
export function ErrorAlert({ message, onDismiss }: Props) {
  const { t } = useTranslation();
  if (message === null) return null;
  return (
    <div className="alert alert-error" role="alert">
      <span className="alert-text">{message}</span>
      {onDismiss && (
        <button type="button" className="alert-close" onClick={onDismiss} aria-label={t('app.dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}
