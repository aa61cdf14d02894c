import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only value with a Copy button (falls back to selecting the text). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = useId();
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
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="copy-field">
        <input
          id={id}
          ref={input}
          className="input"
          readOnly
          value={value}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {state === 'copied' ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      <p className="field__hint" role="status">
        {state === 'failed' ? t('inviteForm.copyFailed') : ''}
      </p>
    </div>
  );
}
