import { focusName, presetLabels } from '@actionday/shared';
import type { TFunction } from 'i18next';
import en from '../../app/i18n/en.json';

type FigureKey = keyof typeof en.dashboard.figures;
type ActionKey = keyof typeof en.dashboard.activity.actions;

/** The English labels the figure presets start with, by key. */
const defaultLabels = presetLabels;

function isFigureKey(key: string): key is FigureKey {
  return Object.hasOwn(en.dashboard.figures, key);
}

/**
 * A figure's label in the viewer's language when it is one of the press
 * release's figures with its label unchanged; otherwise the coordinator's
 * own label.
 */
export function figureLabel(t: TFunction, figure: { key: string; label: string }): string {
  return isFigureKey(figure.key) && defaultLabels.get(figure.key) === figure.label
    ? t(`dashboard.figures.${figure.key}`)
    : figure.label;
}

/**
 * A breakdown's label: the default ones translated, each on its own ("related to the Ukraine focus",
 * "nationals of Ukraine": breakdowns are independent, not nested), the others as written. A focus tag
 * naming a country reads as that country's name in the viewer's language.
 */
export function breakdownLabel(
  t: TFunction,
  countryName: (code: string) => string,
  breakdown: { key: string; label: string },
): string {
  if (breakdown.label === `of which ${breakdown.key}`)
    return t('dashboard.breakdown.tag', { focus: focusName(breakdown.key, countryName) });
  const nationality = /^nationality:([A-Z]{2})$/.exec(breakdown.key)?.[1];
  if (nationality && breakdown.label === `of nationality ${nationality}`)
    return t('dashboard.breakdown.nationality', { country: countryName(nationality) });
  return breakdown.label;
}

/** Actions whose sentence is counted ("added 3 platforms"): their keys carry plural forms. */
const counted = new Set(['platform_created']);

/**
 * The activity line's verb phrase key for an audit action (`platform.claimed` → `platform_claimed`; the
 * matches' former name `hit.*` reads as `match.*`); `other` for an action the feed has no sentence for, so
 * a raw action name is never shown.
 */
export function actionKey(action: string): ActionKey | 'platform_created' {
  const key = action.replace(/^hit\./, 'match.').replaceAll('.', '_');
  if (counted.has(key)) return 'platform_created';
  return Object.hasOwn(en.dashboard.activity.actions, key) ? (key as ActionKey) : 'other';
}
