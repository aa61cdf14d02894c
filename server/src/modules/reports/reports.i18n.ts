import type { ReportLanguage } from '@actionday/shared';

/**
 * The words of the rendered report (HTML, PDF, CSV headings) in each
 * language. The client has its own catalogues; these are the server's,
 * because a printed report must not depend on a browser.
 */
export interface ReportWords {
  locale: string;
  title: string;
  provisional: string;
  provisionalNote: string;
  final: string;
  publicVersion: string;
  publicNote: string;
  suppressedNote: (below: number) => string;
  fewerThan: (below: string) => string;
  generated: string;
  asOf: string;
  window: string;
  countries: string;
  keyFigures: string;
  statement: string;
  timeline: string;
  timelineNote: (minutes: number) => string;
  funnel: string;
  byCountry: string;
  byCategory: string;
  byTag: string;
  byExploitation: string;
  leads: string;
  leadPlatforms: string;
  leadHits: string;
  noLeads: string;
  noHits: string;
  notes: string;
  situationLog: string;
  noteOn: (name: string) => string;
  total: string;
  columns: Record<string, string>;
  category: Record<string, string>;
  verdict: Record<string, string>;
  exploitation: Record<string, string>;
  funnelSteps: Record<string, string>;
  series: { checked: string; findings: string };
  yes: string;
  source: Record<string, string>;
  footer: string;
}

export const words: Record<ReportLanguage, ReportWords> = {
  en: {
    locale: 'en-GB',
    title: 'After-action report',
    provisional: 'Provisional figures',
    provisionalNote: 'The operation is still open: these numbers can change until it is closed.',
    final: 'Final figures',
    publicVersion: 'Public version',
    publicNote: 'Aggregate figures only: no personal data, no leads, no notes.',
    suppressedNote: (below) => `Counts of persons from 1 to ${below - 1} are shown as “<${below}”.`,
    fewerThan: (below) => `fewer than ${below}`,
    generated: 'Generated',
    asOf: 'Figures as of',
    window: 'Operation window',
    countries: 'Participating countries',
    keyFigures: 'Key figures',
    statement: 'Key-figures statement',
    timeline: 'Timeline of the day',
    timelineNote: (minutes) => `Platforms checked and findings logged per ${minutes} minutes.`,
    funnel: 'Verdict funnel',
    byCountry: 'Per participating country',
    byCategory: 'Per platform category and verdict',
    byTag: 'Per focus tag',
    byExploitation: 'Possible victims per type of exploitation',
    leads: 'Leads for follow-up',
    leadPlatforms: 'Platforms for follow-up',
    leadHits: 'Confirmed matches',
    noLeads: 'No platforms were flagged for follow-up or confirmed.',
    noHits: 'No confirmed matches.',
    notes: 'Notes',
    situationLog: 'Situation log',
    noteOn: (name) => `Note on ${name}`,
    total: 'Total',
    columns: {
      country: 'Country',
      participants: 'Participants',
      platformsChecked: 'Platforms checked',
      suspects: 'Suspects',
      identifiers: 'Identifiers checked',
      victims: 'Possible victims',
      matches: 'Matches',
      category: 'Category',
      platforms: 'Platforms',
      unchecked: 'Unchecked',
      claimed: 'In progress',
      noIndicators: 'No indicators',
      suspected: 'Suspected',
      confirmed: 'Confirmed',
      followUp: 'Follow-up',
      tag: 'Focus tag',
      checked: 'Checked',
      exploitation: 'Exploitation',
      minors: 'Minors',
      referredPolice: 'Referred to police',
      referredNgo: 'Referred to NGO',
      name: 'Platform',
      address: 'Address',
      verdict: 'Verdict',
      responsible: 'Country responsible',
      checkedAt: 'Checked at',
      summary: 'Summary',
      tags: 'Tags',
      source: 'Source',
      kind: 'Identifier type',
      value: 'Value',
      countries: 'Countries',
      platformNames: 'Platforms',
      figure: 'Figure',
      breakdown: 'Breakdown',
      value_count: 'Value',
      start: 'Start',
      findings: 'Findings',
      step: 'Step',
      note: 'Note',
      text: 'Text',
      updatedAt: 'Last edited',
    },
    category: {
      social_media: 'Social media',
      dating: 'Dating',
      classified_ads: 'Classified ads',
      escort_ads: 'Escort ads',
      help_platform: 'Help platforms',
      forum: 'Forums',
      messaging: 'Messaging apps',
      dark_web: 'Dark web',
      other: 'Other',
    },
    verdict: { no_indicators: 'No indicators', suspected: 'Suspected', confirmed: 'Confirmed' },
    exploitation: {
      sexual: 'Sexual exploitation',
      labour: 'Labour exploitation',
      criminal: 'Forced criminal activities',
      cse: 'Child sexual exploitation',
      other: 'Other',
    },
    funnelSteps: {
      listed: 'On the list',
      checked: 'Checked',
      withIndicators: 'Suspected or confirmed',
      confirmed: 'Confirmed involved',
      followUp: 'Flagged for follow-up',
    },
    series: { checked: 'Platforms checked', findings: 'Findings logged' },
    yes: 'yes',
    source: { finding: 'sighting(s)', reference: 'Reference list' },
    footer: 'Actionday after-action report',
  },
  nl: {
    locale: 'nl-NL',
    title: 'Verslag na afloop',
    provisional: 'Voorlopige cijfers',
    provisionalNote: 'De operatie loopt nog: deze cijfers kunnen veranderen tot ze is afgesloten.',
    final: 'Definitieve cijfers',
    publicVersion: 'Openbare versie',
    publicNote: 'Alleen totalen: geen persoonsgegevens, geen aanknopingspunten, geen notities.',
    suppressedNote: (below) => `Aantallen personen van 1 tot en met ${below - 1} staan er als “<${below}”.`,
    fewerThan: (below) => `minder dan ${below}`,
    generated: 'Gemaakt',
    asOf: 'Cijfers per',
    window: 'Tijdvak van de operatie',
    countries: 'Deelnemende landen',
    keyFigures: 'Belangrijkste cijfers',
    statement: 'Belangrijkste cijfers in tekst',
    timeline: 'Verloop van de dag',
    timelineNote: (minutes) => `Gecontroleerde platforms en vastgelegde bevindingen per ${minutes} minuten.`,
    funnel: 'Trechter van de oordelen',
    byCountry: 'Per deelnemend land',
    byCategory: 'Per soort platform en oordeel',
    byTag: 'Per focus',
    byExploitation: 'Mogelijke slachtoffers per vorm van uitbuiting',
    leads: 'Aanknopingspunten voor vervolg',
    leadPlatforms: 'Platforms voor vervolgonderzoek',
    leadHits: 'Bevestigde matches',
    noLeads: 'Geen platforms gemarkeerd voor vervolg of bevestigd.',
    noHits: 'Geen bevestigde matches.',
    notes: 'Notities',
    situationLog: 'Situatielogboek',
    noteOn: (name) => `Notitie bij ${name}`,
    total: 'Totaal',
    columns: {
      country: 'Land',
      participants: 'Deelnemers',
      platformsChecked: 'Platforms gecontroleerd',
      suspects: 'Verdachten',
      identifiers: 'Identificatoren gecontroleerd',
      victims: 'Mogelijke slachtoffers',
      matches: 'Matches',
      category: 'Soort',
      platforms: 'Platforms',
      unchecked: 'Niet gecontroleerd',
      claimed: 'In behandeling',
      noIndicators: 'Geen aanwijzingen',
      suspected: 'Verdacht',
      confirmed: 'Bevestigd',
      followUp: 'Vervolg',
      tag: 'Focus',
      checked: 'Gecontroleerd',
      exploitation: 'Uitbuiting',
      minors: 'Minderjarigen',
      referredPolice: 'Doorverwezen naar politie',
      referredNgo: 'Doorverwezen naar ngo',
      name: 'Platform',
      address: 'Adres',
      verdict: 'Oordeel',
      responsible: 'Verantwoordelijk land',
      checkedAt: 'Gecontroleerd op',
      summary: 'Samenvatting',
      tags: 'Labels',
      source: 'Bron',
      kind: 'Soort identificator',
      value: 'Waarde',
      countries: 'Landen',
      platformNames: 'Platforms',
      figure: 'Cijfer',
      breakdown: 'Uitsplitsing',
      value_count: 'Waarde',
      start: 'Begin',
      findings: 'Bevindingen',
      step: 'Stap',
      note: 'Notitie',
      text: 'Tekst',
      updatedAt: 'Laatst bewerkt',
    },
    category: {
      social_media: 'Sociale media',
      dating: 'Datingsites',
      classified_ads: 'Advertentiesites',
      escort_ads: 'Escortadvertenties',
      help_platform: 'Hulpplatforms',
      forum: 'Fora',
      messaging: 'Berichtenapps',
      dark_web: 'Darkweb',
      other: 'Overig',
    },
    verdict: { no_indicators: 'Geen aanwijzingen', suspected: 'Verdacht', confirmed: 'Bevestigd' },
    exploitation: {
      sexual: 'Seksuele uitbuiting',
      labour: 'Arbeidsuitbuiting',
      criminal: 'Gedwongen criminele activiteiten',
      cse: 'Seksuele uitbuiting van kinderen',
      other: 'Overig',
    },
    funnelSteps: {
      listed: 'Op de lijst',
      checked: 'Gecontroleerd',
      withIndicators: 'Verdacht of bevestigd',
      confirmed: 'Betrokkenheid bevestigd',
      followUp: 'Gemarkeerd voor vervolg',
    },
    series: { checked: 'Platforms gecontroleerd', findings: 'Bevindingen vastgelegd' },
    yes: 'ja',
    source: { finding: 'waarneming(en)', reference: 'Referentielijst' },
    footer: 'Actionday-verslag na afloop',
  },
};

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in a language (`UA` → "Ukraine" / "Oekraïne"); the code when unknown. */
export function countryName(code: string, language: string): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    regionNames.set(language, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
