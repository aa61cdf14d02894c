import type { Report, ReportLanguage } from '@actionday/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { Hint } from '../../app/ui/Field';
import { Panel } from '../../app/ui/Panel';
import styles from './report.module.css';

/** The key-figures statement, line by line, in the chosen language; one button copies it. */
export function Statement({ report, lang }: { report: Report; lang: ReportLanguage }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const statement = report.statement[lang];
  useEffect(() => setState('idle'), [statement.text]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(statement.text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <Panel
      title={t('reports.statement')}
      aside={
        <Button onClick={() => void copy()} data-testid="copy-statement">
          {state === 'copied' ? t('reports.copied') : t('reports.copyStatement')}
        </Button>
      }
    >
      <ul className={styles.statement} lang={lang} data-testid="statement">
        {statement.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Hint role="status">{state === 'failed' ? t('reports.copyFailed') : ''}</Hint>
    </Panel>
  );
}

/** Each key figure as a card with its breakdowns. */
export function FigureCards({ report, lang }: { report: Report; lang: ReportLanguage }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('reports.keyFigures')}>
      <div className={styles.cards}>
        {report.figures.map((figure) => (
          <div key={figure.key} className={styles.card} data-figure={figure.key}>
            <div className={styles.cardValue}>{figure.display}</div>
            <div className={styles.cardLabel}>{figure.labels[lang]}</div>
            {figure.breakdowns.length > 0 && (
              <ul className={styles.breakdowns}>
                {figure.breakdowns.map((b) => (
                  <li key={b.key}>
                    <b>{b.display}</b> {b.labels[lang]}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </Panel>
  );
}

/** The notes' Markdown copies (full audience only). */
export function ReportNotes({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('reports.notes')}>
      {(report.notes ?? []).map((note) => (
        <article key={note.platformId ?? 'log'} className={styles.note}>
          <h3>
            {note.kind === 'log' ? t('reports.situationLog') : t('reports.noteOn', { name: note.platformName ?? '' })}
          </h3>
          <pre>{note.text}</pre>
        </article>
      ))}
    </Panel>
  );
}
