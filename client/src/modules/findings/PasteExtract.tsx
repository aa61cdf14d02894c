import type { FindingCreated, Handling, Platform } from '@actionday/shared';
import { type Ref, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeMessage, parseError } from '../../app/errors';
import { Queued } from '../../app/outbox/outbox';
import { Button } from '../../app/ui/Button';
import { Fieldset, TextAreaField, formClass } from '../../app/ui/Field';
import { cx } from '../../app/ui/cx';
import { ErrorNotice } from '../../app/ui/Notice';
import type { OperationDetail } from '../operations/operations.api';
import { HandlingSelect } from '../../app/ui/Handling';
import { ExtractedRow, type ItemState } from './ExtractedRow';
import { readExtracted } from './extracted';
import { type Extraction, useExtract, useLogFinding } from './findings.api';
import { highlightSegments } from './highlight';
import styles from './PasteExtract.module.css';
import { type ReadingChoice, type ReadingPlace, useReader } from './reading';

interface Props {
  operation: OperationDetail;
  platform: Platform;
  onLogged: (created: FindingCreated | Queued, summary: string) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/**
 * Paste an ad or a profile: the server finds the phone numbers, e-mails,
 * handles, URLs and wallets in it (ready to log, ticked unless unreadable)
 * and the indicator phrases (highlighted in the text).
 */
export function PasteExtract({ operation, platform, onLogged, textareaRef }: Props) {
  const { t } = useTranslation();
  const extract = useExtract(operation.id);
  const log = useLogFinding(operation.id);
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ text: string; extraction: Extraction } | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [states, setStates] = useState<Map<number, ItemState>>(new Map());
  const [handling, setHandling] = useState<Handling>(operation.defaultHandling);
  const [running, setRunning] = useState(false);
  const [choices, setChoices] = useState<Map<number, ReadingChoice>>(new Map());
  // the shared reading loads with the first answer, to read a number again in the region someone picks
  const reader = useReader(result !== null);
  const place = useMemo<ReadingPlace>(
    () => ({ platform, ownCountry: operation.me.country }),
    [platform, operation.me.country],
  );
  const readings = useMemo(
    () =>
      result?.extraction.identifiers.map((item, index) => readExtracted(item, choices.get(index), reader, place)) ?? [],
    [result, choices, reader, place],
  );

  const run = () => {
    if (!text.trim() || extract.isPending) return;
    extract.mutate(
      { text, platformId: platform.id },
      {
        onSuccess: (extraction) => {
          setResult({ text, extraction });
          setSelected(new Set(extraction.identifiers.flatMap((item, index) => (item.problem ? [] : [index]))));
          setStates(new Map());
          setChoices(new Map());
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
      const reading = readings[index];
      if (!item || !reading) continue;
      setStates((current) => new Map(current).set(index, { state: 'pending' }));
      try {
        const created = await log.mutateAsync({
          kind: 'identifier',
          platformId: platform.id,
          ...reading.log,
          handling,
        });
        const matches = created instanceof Queued ? 0 : created.matches.length;
        setStates((current) => new Map(current).set(index, { state: 'logged', matches }));
        onLogged(
          created,
          t('findings.logged.identifier', {
            kind: t(`findings.identifierKind.${item.identifierKind}`),
            value: reading.display,
          }),
        );
      } catch (error) {
        // an unreadable identifier is explained in the server's words; anything else in the viewer's language
        const parsed = parseError(error);
        const message = parsed.code === 'findings.bad_identifier' ? parsed.message : codeMessage(t, parsed.code);
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
    <div className={styles.extract} data-testid="paste-extract">
      <form
        className={formClass(true)}
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <TextAreaField
          label={t('findings.extract.label')}
          hint={t('findings.extract.hint')}
          ref={textareaRef}
          className={styles.input}
          rows={5}
          maxLength={100_000}
          value={text}
          data-first=""
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              run();
            }
          }}
        />
        <ErrorNotice error={extract.error} />
        <Button
          type="submit"
          disabled={!text.trim()}
          pending={extract.isPending}
          pendingLabel={t('findings.extract.running')}
        >
          {t('findings.extract.run')}
        </Button>
      </form>

      {result && (
        <div className={styles.result} data-testid="extract-result">
          <h4 className={styles.heading}>{t('findings.extract.indicators', { count: phrases.length })}</h4>
          {phrases.length > 0 && (
            <p className={styles.phrases}>
              {phrases.map((phrase) => (
                <mark key={phrase} className={styles.indicator}>
                  {phrase}
                </mark>
              ))}
            </p>
          )}
          <blockquote className={styles.text} aria-label={t('findings.extract.textLabel')}>
            {segments.map((segment, index) =>
              segment.phrases ? (
                <mark key={index} className={styles.indicator} title={segment.phrases.join(' · ')}>
                  {segment.text}
                </mark>
              ) : (
                <span key={index}>{segment.text}</span>
              ),
            )}
          </blockquote>

          <Fieldset plain legend={t('findings.extract.identifiers', { count: result.extraction.identifiers.length })}>
            {result.extraction.identifiers.length === 0 ? (
              <p className="muted">{t('findings.extract.none')}</p>
            ) : (
              <ul className={styles.checklist}>
                {result.extraction.identifiers.map((item, index) => {
                  const reading = readings[index];
                  if (!reading) return null;
                  return (
                    <ExtractedRow
                      key={`${item.start}:${item.identifierKind}:${item.value}`}
                      item={item}
                      reading={reading}
                      choice={choices.get(index)}
                      reader={reader}
                      checked={selected.has(index)}
                      state={states.get(index)}
                      onCheck={(checked) =>
                        setSelected((current) => {
                          const next = new Set(current);
                          if (checked) next.add(index);
                          else next.delete(index);
                          return next;
                        })
                      }
                      onChoose={(choice) => {
                        setChoices((current) => new Map(current).set(index, choice));
                        // a choice that makes it readable ticks it; one that does not unticks it
                        const next = readExtracted(item, choice, reader, place);
                        setSelected((current) => {
                          const updated = new Set(current);
                          if (next.problem) updated.delete(index);
                          else updated.add(index);
                          return updated;
                        });
                      }}
                    />
                  );
                })}
              </ul>
            )}
          </Fieldset>
          {result.extraction.unrecognised.length > 0 && (
            <Fieldset
              plain
              legend={t('findings.reading.unrecognised', { count: result.extraction.unrecognised.length })}
            >
              <ul className={styles.checklist}>
                {result.extraction.unrecognised.map((item) => (
                  <li
                    key={`${item.start}:${item.raw}`}
                    className={cx(styles.item, styles.unrecognised)}
                    data-testid="unrecognised-identifier"
                  >
                    <span className={styles.kind}>{t(`findings.identifierKind.${item.identifierKind}`)}</span>
                    <span className={styles.value} translate="no">
                      {item.raw}
                    </span>
                    <span className={styles.problemText}>
                      {t(`findings.reading.reason.${item.reason}`)}
                      {item.digits && ` ${t('findings.reading.spells', { digits: item.digits })}`}
                    </span>
                  </li>
                ))}
              </ul>
            </Fieldset>
          )}
          {result.extraction.identifiers.length > 0 && (
            <div className={styles.actions}>
              <HandlingSelect name="extract-handling" value={handling} onChange={setHandling} />
              <Button variant="primary" disabled={toLog === 0} pending={running} onClick={() => void logSelected()}>
                {running
                  ? t('findings.form.logging')
                  : toLog === 0 && states.size > 0
                    ? t('findings.extract.allLogged')
                    : t('findings.extract.logSelected', { count: toLog })}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
