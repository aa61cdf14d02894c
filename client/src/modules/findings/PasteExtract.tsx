import type { FindingCreated, Handling, Platform } from '@actionday/shared';
import { type Ref, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { codeMessage } from '../../app/errors';
import { ErrorNotice } from '../../app/ui/Notice';
import type { OperationDetail } from '../operations/operations.api';
import { HandlingSelect } from './fields';
import { type Extraction, useExtract, useLogFinding } from './findings.api';
import { highlightSegments } from './highlight';

type ItemState = { state: 'logged'; hits: number } | { state: 'failed'; message: string } | { state: 'pending' };

interface Props {
  operation: OperationDetail;
  platform: Platform;
  onLogged: (created: FindingCreated, summary: string) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/**
 * Paste an ad or a profile: the server finds the phone numbers, e-mails,
 * handles, URLs and wallets in it (ready to log, ticked unless unreadable)
 * and the indicator phrases (highlighted in the text).
 */
export function PasteExtract({ operation, platform, onLogged, textareaRef }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const extract = useExtract(operation.id);
  const log = useLogFinding(operation.id);
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ text: string; extraction: Extraction } | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [states, setStates] = useState<Map<number, ItemState>>(new Map());
  const [handling, setHandling] = useState<Handling>(operation.defaultHandling);
  const [running, setRunning] = useState(false);

  const run = () => {
    if (!text.trim() || extract.isPending) return;
    extract.mutate(
      { text, platformId: platform.id },
      {
        onSuccess: (extraction) => {
          setResult({ text, extraction });
          setSelected(new Set(extraction.identifiers.flatMap((item, index) => (item.problem ? [] : [index]))));
          setStates(new Map());
        },
      },
    );
  };

  const logSelected = async () => {
    if (!result || running) return;
    setRunning(true);
    const indexes = [...selected].filter((index) => states.get(index)?.state !== 'logged').sort((a, b) => a - b);
    for (const index of indexes) {
      const item = result.extraction.identifiers[index];
      if (!item) continue;
      setStates((current) => new Map(current).set(index, { state: 'pending' }));
      try {
        const created = await log.mutateAsync({
          kind: 'identifier',
          platformId: platform.id,
          identifierKind: item.identifierKind,
          value: item.value,
          handling,
        });
        setStates((current) => new Map(current).set(index, { state: 'logged', hits: created.hits.length }));
        onLogged(
          created,
          t('findings.logged.identifier', {
            kind: t(`findings.identifierKind.${item.identifierKind}`),
            value: item.value,
          }),
        );
      } catch (error) {
        const message = isApiError(error)
          ? error.code === 'findings.bad_identifier'
            ? error.message
            : codeMessage(t, error.code)
          : t('error.unknown');
        setStates((current) => new Map(current).set(index, { state: 'failed', message }));
      }
    }
    setRunning(false);
  };

  const segments = useMemo(
    () => (result ? highlightSegments(result.text, result.extraction.indicators) : []),
    [result],
  );
  const phrases = useMemo(() => [...new Set(result?.extraction.indicators.map((m) => m.phrase) ?? [])], [result]);
  const toLog = [...selected].filter((index) => states.get(index)?.state !== 'logged').length;

  return (
    <div className="extract" data-testid="paste-extract">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-text`} className="field__label">
            {t('findings.extract.label')}
          </label>
          <textarea
            id={`${id}-text`}
            ref={textareaRef}
            className="input extract__input"
            rows={5}
            maxLength={100_000}
            value={text}
            data-first=""
            aria-describedby={`${id}-hint`}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                run();
              }
            }}
          />
          <p id={`${id}-hint`} className="field__hint">
            {t('findings.extract.hint')}
          </p>
        </div>
        <ErrorNotice error={extract.error} />
        <button
          type="submit"
          className="button"
          disabled={extract.isPending || !text.trim()}
          aria-busy={extract.isPending}
        >
          {extract.isPending ? t('findings.extract.running') : t('findings.extract.run')}
        </button>
      </form>

      {result && (
        <div className="extract__result" data-testid="extract-result">
          <h4 className="extract__heading">{t('findings.extract.indicators', { count: phrases.length })}</h4>
          {phrases.length > 0 && (
            <p className="extract__phrases">
              {phrases.map((phrase) => (
                <mark key={phrase} className="indicator">
                  {phrase}
                </mark>
              ))}
            </p>
          )}
          <blockquote className="extract__text" aria-label={t('findings.extract.textLabel')}>
            {segments.map((segment, index) =>
              segment.phrases ? (
                <mark key={index} className="indicator" title={segment.phrases.join(' · ')}>
                  {segment.text}
                </mark>
              ) : (
                <span key={index}>{segment.text}</span>
              ),
            )}
          </blockquote>

          <fieldset className="extract__identifiers">
            <legend className="extract__heading">
              {t('findings.extract.identifiers', { count: result.extraction.identifiers.length })}
            </legend>
            {result.extraction.identifiers.length === 0 ? (
              <p className="muted">{t('findings.extract.none')}</p>
            ) : (
              <ul className="checklist">
                {result.extraction.identifiers.map((item, index) => {
                  const state = states.get(index);
                  return (
                    <li
                      key={`${item.identifierKind}:${item.value}`}
                      className={`checklist__item${item.problem ? ' checklist__item--problem' : ''}`}
                      data-testid="extracted-identifier"
                    >
                      <label className="toggle">
                        <input
                          type="checkbox"
                          checked={selected.has(index)}
                          disabled={state?.state === 'logged' || state?.state === 'pending'}
                          onChange={(event) =>
                            setSelected((current) => {
                              const next = new Set(current);
                              if (event.target.checked) next.add(index);
                              else next.delete(index);
                              return next;
                            })
                          }
                        />
                        <span className="checklist__kind">{t(`findings.identifierKind.${item.identifierKind}`)}</span>
                        <span className="checklist__value" translate="no">
                          {item.value}
                        </span>
                      </label>
                      {item.normalizedValue && item.normalizedValue !== item.value && (
                        <span className="checklist__normalized muted" translate="no">
                          → {item.normalizedValue}
                        </span>
                      )}
                      {item.problem && (
                        <span className="checklist__problem">
                          {t('findings.extract.problem')} <span lang="en">({item.problem})</span>
                        </span>
                      )}
                      {state && <ItemStatus state={state} />}
                    </li>
                  );
                })}
              </ul>
            )}
          </fieldset>
          {result.extraction.identifiers.length > 0 && (
            <div className="extract__actions">
              <HandlingSelect name="extract-handling" value={handling} onChange={setHandling} />
              <button
                type="button"
                className="button button--primary"
                disabled={running || toLog === 0}
                aria-busy={running}
                onClick={() => void logSelected()}
              >
                {running
                  ? t('findings.form.logging')
                  : toLog === 0 && states.size > 0
                    ? t('findings.extract.allLogged')
                    : t('findings.extract.logSelected', { count: toLog })}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function ItemStatus({ state }: { state: ItemState }) {
  const { t } = useTranslation();
  if (state.state === 'pending') return <span className="checklist__status muted">{t('findings.form.logging')}</span>;
  if (state.state === 'failed')
    return (
      <span className="checklist__status checklist__status--failed" role="alert">
        {state.message}
      </span>
    );
  return (
    <span className={`checklist__status checklist__status--logged${state.hits > 0 ? ' checklist__status--hit' : ''}`}>
      {state.hits > 0 ? t('findings.crossHit.short') : t('findings.extract.logged')}
    </span>
  );
}
