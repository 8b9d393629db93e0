import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from './client-context';

type Props = { initialName: string | null; onError: (error: unknown) => void; onNotice: (text: string) => void };

/** "Người nhập": the name written into the history beside every change made here. */
export function UserNameField({ initialName, onError, onNotice }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const [text, setText] = useState(initialName ?? '');
  const [savedName, setSavedName] = useState(initialName ?? '');

  const save = () => {
    const name = text.trim();
    if (name === '' || name === savedName) {
      setText(savedName);
      return;
    }
    client
      .call('settings.setUserName', { userName: name })
      .then((result) => {
        setSavedName(result.userName);
        setText(result.userName);
        onNotice(t('user.saved'));
      })
      .catch(onError);
  };

  return (
    <div className="inline-field user-name" title={t('user.hint')}>
      <label htmlFor={id}>{t('user.label')}</label>
      <input
        id={id}
        className="user-name-input"
        value={text}
        maxLength={120}
        placeholder={t('user.placeholder')}
        autoComplete="name"
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </div>
  );
}
