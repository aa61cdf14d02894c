import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { Field, TextInput } from '../../app/ui/Field';
import styles from './invites.module.css';

/** A read-only value with a Copy button (falls back to selecting the text). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      input.current?.select();
      setState('failed');
    }
  };

  return (
    <Field label={label} hint={state === 'failed' ? t('inviteForm.copyFailed') : undefined}>
      <div className={styles.copy}>
        <TextInput ref={input} readOnly value={value} onFocus={(event) => event.target.select()} />
        <Button onClick={() => void copy()}>{state === 'copied' ? t('common.copied') : t('common.copy')}</Button>
      </div>
    </Field>
  );
}
