import type { FindingCreated, Platform } from '@actionday/shared';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Queued } from '../../app/outbox/outbox';
import { Pill, PillKey, Pills } from '../../app/ui/Pills';
import type { OperationDetail } from '../operations/operations.api';
import { MatchNotice } from '../matches/MatchNotice';
import { LogForm } from './LogForms';
import { PasteExtract } from './PasteExtract';
import styles from './QuickLog.module.css';

export const allLogModes = ['suspect', 'identifier', 'victim', 'offer', 'paste'] as const;
export type LogMode = (typeof allLogModes)[number];

/** The forms an operation's themes call for: smuggling offers only where the day covers smuggling. */
export function logModesOf(operation: { themes: readonly string[] }): readonly LogMode[] {
  return allLogModes.filter((mode) => mode !== 'offer' || operation.themes.includes('smuggling'));
}

/** What logging an identifier answered about its matches, kept below the form until dismissed. */
interface LoggedMatch {
  key: string;
  value: string;
  matches: FindingCreated['matches'];
}

/**
 * Logging made for the keyboard: Alt+1…5 (or the tabs) pick suspect,
 * identifier, victim, smuggling offer (where the day covers smuggling) or "paste an ad", the cursor lands in the first field,
 * Enter logs, and the cursor is back in the first field for the next one.
 * Each form keeps what was typed while another is shown.
 */
export function QuickLog({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<LogMode>('identifier');
  const [focusRequest, setFocusRequest] = useState(0);
  const [status, setStatus] = useState({ text: '', queued: false });
  const [logged, setLogged] = useState<LoggedMatch[]>([]);
  const panels = useRef<HTMLDivElement>(null);
  const tabs = useRef<HTMLDivElement>(null);
  const themes = operation.themes.join(',');
  const logModes = useMemo(() => logModesOf({ themes: themes.split(',') }), [themes]);

  const choose = (next: LogMode, focusField: boolean) => {
    setMode(next);
    if (focusField) setFocusRequest((n) => n + 1);
  };

  useEffect(() => {
    if (focusRequest === 0) return;
    panels.current?.querySelector<HTMLElement>(`[data-mode="${mode}"] [data-first]`)?.focus();
  }, [focusRequest, mode]);

  // Alt+1…5 anywhere on the page while this platform is open
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const digit = /^(?:Digit|Numpad)([1-5])$/.exec(event.code)?.[1];
      const next = digit ? logModes[Number(digit) - 1] : undefined;
      if (!next) return;
      event.preventDefault();
      choose(next, true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [logModes]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = logModes.indexOf(mode);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const jump = event.key === 'Home' ? 0 : event.key === 'End' ? logModes.length - 1 : null;
    if (!step && jump === null) return;
    event.preventDefault();
    const next = logModes[jump ?? (index + step + logModes.length) % logModes.length] ?? 'identifier';
    setMode(next);
    tabs.current?.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
  };

  const onLogged = (created: FindingCreated | Queued, summary: string) => {
    if (created instanceof Queued) {
      setStatus({ text: t('outbox.queuedStatus', { summary }), queued: true });
      return;
    }
    setStatus({ text: summary, queued: false });
    const finding = created.finding;
    if (finding.kind === 'identifier' && created.matches.length > 0) {
      setLogged((current) =>
        [{ key: finding.id, value: finding.value ?? '', matches: created.matches }, ...current].slice(0, 3),
      );
    }
  };

  const formProps = { operation, platform, onLogged };
  return (
    <div className={styles.quickLog} data-testid="quick-log">
      <Pills role="tablist" label={t('findings.quickLog.label')} ref={tabs} className={styles.tabs}>
        {logModes.map((m, index) => (
          <Pill
            key={m}
            role="tab"
            id={`${id}-tab-${m}`}
            data-tab={m}
            aria-selected={mode === m}
            aria-controls={`${id}-panel-${m}`}
            aria-keyshortcuts={`Alt+${index + 1}`}
            tabIndex={mode === m ? 0 : -1}
            onClick={() => choose(m, false)}
            onKeyDown={onTabKey}
          >
            {t(`findings.quickLog.${m}`)}
            <PillKey>Alt+{index + 1}</PillKey>
          </Pill>
        ))}
      </Pills>
      <div ref={panels}>
        {logModes.map((m) => (
          <div
            key={m}
            role="tabpanel"
            id={`${id}-panel-${m}`}
            aria-labelledby={`${id}-tab-${m}`}
            data-mode={m}
            hidden={mode !== m}
          >
            {m === 'paste' ? <PasteExtract {...formProps} /> : <LogForm kind={m} {...formProps} />}
          </div>
        ))}
      </div>
      <p className={styles.status} role="status" data-testid="log-status">
        {status.text && (
          <>
            <span aria-hidden="true">{status.queued ? '… ' : '✓ '}</span>
            {status.text}
          </>
        )}
      </p>
      {logged.map((entry) => (
        <MatchNotice
          key={entry.key}
          operationId={operation.id}
          value={entry.value}
          matches={entry.matches}
          onDismiss={() => setLogged((current) => current.filter((e) => e.key !== entry.key))}
        />
      ))}
    </div>
  );
}
