import { type IdentifierKind, identifierKinds, identifierResults, serviceIds } from '@actionday/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { FormRow, Hint, SelectField, TextField } from '../../../app/ui/Field';
import { oneOf, textOf } from '../fields';
import { guessIdentifierKind } from '../guess';
import { type ReadingChoice, useReading } from '../reading';
import { RegionSelect, ServiceSelect, phoneSentence, readingSentence } from '../ReadingControls';
import type { KindFieldsProps, KindForm } from './kindForm';

const noChoice: ReadingChoice = { service: null, region: null };

/**
 * An identifier checked: its value first (the kind is guessed from it and can
 * be changed), then the result. While typing, the form says what the value
 * will be read as — a handle's service (which can be changed, or set to "no
 * known service"), a phone number's country (which can be changed) — or that
 * it cannot be read. Once logged, only the result changes.
 */
function IdentifierFields({ mode, finding, messages, place }: KindFieldsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<IdentifierKind>('username');
  const [value, setValue] = useState('');
  const [choice, setChoice] = useState<ReadingChoice>(noChoice);
  const { reader, result } = useReading(kind, value, place ?? {}, choice);
  // a kind picked by hand is no longer guessed, until the form is emptied for the next entry
  const chosen = useRef(false);
  const valueInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const form = valueInput.current?.form;
    if (!form) return;
    const onReset = () => {
      chosen.current = false;
      setValue('');
      setChoice(noChoice);
    };
    form.addEventListener('reset', onReset);
    return () => form.removeEventListener('reset', onReset);
  }, []);

  const resultField = (
    <SelectField
      label={t('findings.field.result')}
      name="result"
      defaultValue={finding?.result ?? 'nothing_found'}
      error={messages.forField('result')}
      data-first={mode === 'edit' ? '' : undefined}
    >
      {identifierResults.map((option) => (
        <option key={option} value={option}>
          {t(`findings.identifierResult.${option}`)}
        </option>
      ))}
    </SelectField>
  );
  if (mode === 'edit')
    return (
      <>
        <FormRow>{resultField}</FormRow>
        {finding?.readAs ? (
          <Hint>{phoneSentence(t, format.country, finding.readAs)}</Hint>
        ) : (
          finding?.display && <Hint>{t('findings.reading.readAs', { value: finding.display })}</Hint>
        )}
      </>
    );

  const reading = result?.ok ? result.reading : null;
  const sentence = result && readingSentence(t, format.country, value.trim(), result);
  const showService = reader && kind === 'username' && (!reading || reading.identifierKind === 'username');
  const showRegion = kind === 'phone' || !!reading?.readAs;
  return (
    <>
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
            setValue(event.target.value);
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
        {showService && (
          <ServiceSelect
            reader={reader}
            choice={choice.service}
            recognised={reading?.service ?? null}
            onChange={(service) => setChoice((current) => ({ ...current, service }))}
          />
        )}
        {showRegion && (
          <RegionSelect value={choice.region} onChange={(region) => setChoice((current) => ({ ...current, region }))} />
        )}
        {resultField}
      </FormRow>
      {sentence && (
        <Hint role="status">
          <span data-testid="identifier-reading" data-recognised={sentence.recognised ? 'yes' : 'no'}>
            {sentence.text}
          </span>
        </Hint>
      )}
    </>
  );
}

export const identifierForm: KindForm = {
  kind: 'identifier',
  Fields: IdentifierFields,
  create: (data) => {
    const value = textOf(data, 'value');
    const identifierKind = oneOf(identifierKinds, textOf(data, 'identifierKind'));
    if (!value || !identifierKind) return null;
    const service = oneOf(serviceIds, textOf(data, 'service'));
    const region = textOf(data, 'region');
    return {
      kind: 'identifier',
      identifierKind,
      value,
      result: oneOf(identifierResults, textOf(data, 'result')),
      ...(service ? { service } : {}),
      ...(region ? { regions: [region] } : {}),
    };
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
