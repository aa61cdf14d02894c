import { type IdentifierKind, identifierKinds, identifierResults } from '@actionday/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRow, SelectField, TextField } from '../../../app/ui/Field';
import { oneOf, textOf } from '../fields';
import { guessIdentifierKind } from '../guess';
import type { KindFieldsProps, KindForm } from './kindForm';

/**
 * An identifier checked: its value first (the kind is guessed from it and can
 * be changed), then the result. Once logged, only the result changes.
 */
function IdentifierFields({ mode, finding, messages }: KindFieldsProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<IdentifierKind>('username');
  // a kind picked by hand is no longer guessed, until the form is emptied for the next entry
  const chosen = useRef(false);
  const valueInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const form = valueInput.current?.form;
    if (!form) return;
    const onReset = () => {
      chosen.current = false;
    };
    form.addEventListener('reset', onReset);
    return () => form.removeEventListener('reset', onReset);
  }, []);

  const result = (
    <SelectField
      label={t('findings.field.result')}
      name="result"
      defaultValue={finding?.result ?? 'nothing_found'}
      error={messages.forField('result')}
      data-first={mode === 'edit' ? '' : undefined}
    >
      {identifierResults.map((value) => (
        <option key={value} value={value}>
          {t(`findings.identifierResult.${value}`)}
        </option>
      ))}
    </SelectField>
  );
  if (mode === 'edit') return <FormRow>{result}</FormRow>;
  return (
    <FormRow>
      <TextField
        ref={valueInput}
        label={t('findings.field.value')}
        hint={t('findings.field.valueHint')}
        name="value"
        required
        maxLength={500}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        data-first=""
        error={messages.forField('value')}
        onChange={(event) => {
          if (chosen.current) return;
          const guess = guessIdentifierKind(event.target.value);
          if (guess) setKind(guess);
        }}
      />
      <SelectField
        label={t('findings.field.identifierKind')}
        name="identifierKind"
        value={kind}
        error={messages.forField('identifierKind')}
        onChange={(event) => {
          chosen.current = true;
          setKind(oneOf(identifierKinds, event.target.value) ?? 'other');
        }}
      >
        {identifierKinds.map((k) => (
          <option key={k} value={k}>
            {t(`findings.identifierKind.${k}`)}
          </option>
        ))}
      </SelectField>
      {result}
    </FormRow>
  );
}

export const identifierForm: KindForm = {
  kind: 'identifier',
  Fields: IdentifierFields,
  create: (data) => {
    const value = textOf(data, 'value');
    const identifierKind = oneOf(identifierKinds, textOf(data, 'identifierKind'));
    if (!value || !identifierKind) return null;
    return { kind: 'identifier', identifierKind, value, result: oneOf(identifierResults, textOf(data, 'result')) };
  },
  patch: (data) => ({ result: oneOf(identifierResults, textOf(data, 'result')) }),
  summary: (t, body) =>
    body.kind === 'identifier'
      ? t('findings.logged.identifier', {
          kind: t(`findings.identifierKind.${body.identifierKind}`),
          value: body.value,
        })
      : '',
};
