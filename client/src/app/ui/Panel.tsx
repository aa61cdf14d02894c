import { type CSSProperties, type ReactNode, useId, useState } from 'react';
import styles from './Panel.module.css';
import { cx } from './cx';

type Heading = 'h2' | 'h3' | 'h4';

export interface PanelProps {
  /** The panel's heading (also its accessible name). */
  title?: ReactNode;
  heading?: Heading;
  /** Beside the heading, at the end of the line (a count, a live label, a button). */
  aside?: ReactNode;
  /** `attention` for what needs someone (stale claims, open matches), `accent` for one's own things. */
  tone?: 'attention' | 'accent';
  /** More room inside (a page's main card). */
  roomy?: boolean;
  /** No shadow (a panel inside another). */
  flat?: boolean;
  /** In a `PanelGrid`: the whole row (a collapsible one while open), or two columns. */
  span?: 'row' | 'two';
  /** Folded into its title until opened (a tool that is used now and then). */
  collapsible?: boolean;
  defaultOpen?: boolean;
  /** The section's element: a landmark `section` (default), or an `article` for one of several like it. */
  as?: 'section' | 'article' | 'div';
  className?: string;
  headingId?: string;
  'data-testid'?: string;
  children: ReactNode;
}

/** A surface with a heading: the unit the pages are built from. */
export function Panel({
  title,
  heading = 'h2',
  aside,
  tone,
  roomy,
  flat,
  span,
  collapsible,
  defaultOpen,
  as: Element = 'section',
  className,
  headingId,
  'data-testid': testId,
  children,
}: PanelProps) {
  const ownId = useId();
  const id = headingId ?? `${ownId}-title`;
  const Title = heading;
  const spanClass = span === 'row' ? styles.spanRow : span === 'two' ? styles.spanTwo : undefined;
  if (collapsible) {
    return (
      <Collapsible
        className={cx(styles.panel, styles.collapsible, spanClass, className)}
        title={title}
        defaultOpen={defaultOpen}
        testId={testId}
      >
        {children}
      </Collapsible>
    );
  }
  return (
    <Element
      className={cx(
        styles.panel,
        roomy && styles.roomy,
        flat && styles.flat,
        tone && styles[tone],
        spanClass,
        className,
      )}
      aria-labelledby={title ? id : undefined}
      data-testid={testId}
    >
      {title && (
        <div className={styles.head}>
          <Title id={id} className={heading === 'h2' ? styles.title : undefined}>
            {title}
          </Title>
          {aside}
        </div>
      )}
      {children}
    </Element>
  );
}

/** Panels side by side, as many columns as fit (each at least `min` wide), filling gaps. */
export function PanelGrid({
  min = '22rem',
  label,
  children,
}: {
  min?: string;
  /** Makes the grid a labelled region ("Coordination tools"). */
  label?: string;
  children: ReactNode;
}) {
  const style = { '--grid-min': min } as CSSProperties;
  return label ? (
    <section className={styles.grid} style={style} aria-label={label}>
      {children}
    </section>
  ) : (
    <div className={styles.grid} style={style}>
      {children}
    </div>
  );
}

/** A folded panel whose body is made only once it is first opened (a lazy tool loads then, not with the page). */
function Collapsible({
  className,
  title,
  defaultOpen,
  testId,
  children,
}: {
  className: string;
  title: ReactNode;
  defaultOpen: boolean | undefined;
  testId: string | undefined;
  children: ReactNode;
}) {
  const [opened, setOpened] = useState(defaultOpen ?? false);
  return (
    <details
      className={className}
      open={defaultOpen}
      data-testid={testId}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary className={styles.summary}>{title}</summary>
      <div className={styles.body}>{opened ? children : null}</div>
    </details>
  );
}
