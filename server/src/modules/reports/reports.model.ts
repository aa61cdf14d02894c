import {
  type FigureSubject,
  type Report,
  type ReportAudience,
  type ReportFigure,
  type ReportLanguage,
  can,
  reportLanguages,
} from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { anchoredHead } from '../audit/index.js';
import type { OperationRow } from '../operations/index.js';
import type { Viewer } from '../sharing/index.js';
import { currentTally } from '../tallies/index.js';
import type { RouteCounts } from '../findings/index.js';
import type { LiaisonCounts } from '../liaison/index.js';
import { confirmedMatches, leadPlatforms, noteTexts } from './reports.leads.js';
import {
  countByCategory,
  countByExploitation,
  countByRoute,
  countByTag,
  countLiaison,
  countTimeline,
  participatingCountries,
} from './reports.queries.js';
import { auditSentence, breakdownLabel, figureLabel, statementLines } from './reports.statement.js';

/** The minutes of one timeline bucket, as the dashboard's. */
export const TIMELINE_BUCKET_MINUTES = 15;

/** Who the report is for. A CLI run has no member: it reads as a coordinator. */
export interface ReportOptions {
  audience: ReportAudience;
  viewer: Viewer;
  now: Date;
}

/** Counts that could point at a person: suppressed when small in public versions. Platform and participant counts are not. */
const personSubjects = new Set<FigureSubject>(['suspects', 'identifiers', 'victims', 'evidence', 'matches', 'offers']);

/** The viewer of a report generated outside any membership (the CLI): a coordinator of no country. */
export const cliViewer: Viewer = { memberId: null, role: 'coordinator', country: null };

/**
 * The report model of an operation: the frozen figures of a closed
 * operation (or a live recount, marked provisional), the statement in
 * English and Dutch, the tables, the timeline, the verdict funnel, and —
 * for the full audience — leads and the notes the viewer may read.
 * Public versions carry aggregates only, with small counts of persons
 * suppressed as the coordinator set (`suppressBelow`).
 */
export async function buildReport(db: Db, operation: OperationRow, options: ReportOptions): Promise<Report> {
  const { audience, viewer } = options;
  const full = audience === 'full';
  const tally = await currentTally(db, operation, options.now);
  const frozen = tally.frozen;
  const [auditHead, countries, byCategory, byTag, byExploitation, timeline, byRoute, liaison] = await Promise.all([
    // the log's size and root count every entry, those about records the viewer may not see too: the head is
    // the coordinators' anchor (they may see every record), not part of anybody else's report
    viewer.role === 'coordinator' ? anchoredHead(db, operation.id) : Promise.resolve(null),
    participatingCountries(db, operation.id),
    countByCategory(db, operation.id),
    countByTag(db, operation.id, operation.focusTags, frozen),
    countByExploitation(db, operation.id, frozen),
    countTimeline(db, operation, TIMELINE_BUCKET_MINUTES, frozen),
    countByRoute(db, operation.id, frozen),
    countLiaison(db, operation.id, frozen),
  ]);

  const below = operation.suppressBelow;
  const applied = !full && below > 1;
  /** A count as published: null when it is a small count of persons in a public version. */
  const shown = (value: number, personal: boolean): number | null =>
    applied && personal && value > 0 && value < below ? null : value;
  const display = (value: number | null) => (value === null ? `<${below}` : String(value));

  const subjects = new Map(operation.figures.map((f) => [f.key, f.counts]));
  const figures: ReportFigure[] = tally.figures.map((f) => {
    const counts = subjects.get(f.key) ?? 'platforms';
    const personal = personSubjects.has(counts);
    const value = shown(f.value ?? 0, personal);
    return {
      key: f.key,
      label: f.label,
      counts,
      labels: perLanguage((lang) => figureLabel(f.key, f.label, lang, value ?? below)),
      value,
      display: display(value),
      breakdowns: f.breakdowns.map((b) => {
        const v = shown(b.value ?? 0, personal);
        const labels = perLanguage((lang) => breakdownLabel(operation.figures, f.key, b, lang));
        return { key: b.key, label: b.label, labels, value: v, display: display(v) };
      }),
    };
  });
  const statement = (language: ReportLanguage) => {
    const lines = statementLines(figures, operation.figures, language, below);
    const audit = auditHead ? auditSentence(auditHead, language) : null;
    return { lines, audit, text: [...lines, ...(audit ? ['', audit] : [])].join('\n') };
  };

  const countryCodes = [...new Set([...countries, ...Object.keys(tally.byCountry)])].sort();
  const byCountry = countryCodes.map((country) => {
    const c = tally.byCountry[country];
    return {
      country,
      participants: shown(c?.participants ?? 0, false),
      platformsChecked: shown(c?.platformsChecked ?? 0, false),
      suspects: shown(c?.suspects ?? 0, true),
      identifiers: shown(c?.identifiers ?? 0, true),
      victims: shown(c?.victims ?? 0, true),
      matches: shown(c?.matches ?? 0, true),
    };
  });

  const sum = (pick: (row: (typeof byCategory)[number]) => number) =>
    byCategory.reduce((total, row) => total + pick(row), 0);
  const funnel = {
    listed: sum((r) => r.platforms),
    checked: sum((r) => r.noIndicators + r.suspected + r.confirmed),
    withIndicators: sum((r) => r.suspected + r.confirmed),
    confirmed: sum((r) => r.confirmed),
    followUp: sum((r) => r.followUp),
  };

  let leads: Report['leads'] = null;
  let notes: Report['notes'] = null;
  if (full) {
    const [platforms, matches] = await Promise.all([
      leadPlatforms(db, operation.id),
      confirmedMatches(db, operation.id, viewer),
    ]);
    leads = { platforms, matches };
    if (can(viewer.role, 'note.read')) notes = await noteTexts(db, operation.id);
  }

  return {
    schemaVersion: 1,
    operation: {
      id: operation.id,
      name: operation.name,
      status: operation.status,
      startsAt: operation.startsAt.toISOString(),
      endsAt: operation.endsAt.toISOString(),
      timeZone: operation.timeZone,
      closedAt: operation.closedAt?.toISOString() ?? null,
      focusTags: operation.focusTags,
      focusNationalities: operation.focusNationalities,
      countries,
    },
    generatedAt: options.now.toISOString(),
    asOf: tally.asOf,
    provisional: !frozen,
    audience,
    suppression: { below, applied },
    figures,
    statement: perLanguage(statement),
    tables: {
      byCountry,
      byCategory: byCategory.map((r) => ({ ...r })),
      byTag: byTag.map((r) => ({
        tag: r.tag,
        platforms: r.platforms,
        checked: r.checked,
        suspected: r.suspected,
        confirmed: r.confirmed,
        followUp: r.followUp,
        suspects: shown(r.suspects, true),
        identifiers: shown(r.identifiers, true),
        victims: shown(r.victims, true),
      })),
      byExploitation: byExploitation.map((r) => ({
        exploitation: r.exploitation,
        victims: shown(r.victims, true),
        minors: shown(r.minors, true),
        referredPolice: shown(r.referredPolice, true),
        referredNgo: shown(r.referredNgo, true),
      })),
      ...routeAndLiaisonTables(byRoute, liaison, shown),
    },
    timeline: {
      bucketMinutes: timeline.bucketMinutes,
      buckets: timeline.buckets.map((b) => ({ start: b.start, checked: b.checked, findings: shown(b.findings, true) })),
    },
    funnel,
    leads,
    notes,
    auditHead,
  };
}

/**
 * The route table (offers are a smuggler's: small counts suppressed like persons, and their median price with
 * them) and the liaison table (requests to platforms: about platforms, never suppressed).
 */
function routeAndLiaisonTables(
  byRoute: RouteCounts[],
  liaison: LiaisonCounts[],
  shown: (value: number, personal: boolean) => number | null,
): Pick<Report['tables'], 'byRoute' | 'liaison'> {
  return {
    byRoute: byRoute.map((r) => {
      const offers = shown(r.offers, true);
      return { ...r, offers, medianPriceMinor: offers === null ? null : r.medianPriceMinor };
    }),
    liaison: liaison.map((r) => ({
      kind: r.kind,
      requests: r.total,
      draft: r.states.draft,
      sent: r.states.sent,
      acknowledged: r.states.acknowledged,
      removed: r.states.removed,
      refused: r.states.refused,
      noAnswer: r.states.no_answer,
      legalRequestNeeded: r.legalRequestNeeded,
      medianMinutesToRemoval: r.medianMinutesToRemoval,
    })),
  };
}

/** One value per shipped report language. */
function perLanguage<T>(make: (language: ReportLanguage) => T): Record<ReportLanguage, T> {
  return Object.fromEntries(reportLanguages.map((language) => [language, make(language)])) as Record<ReportLanguage, T>;
}
