import {
  type FigureDefinition,
  type OperationTheme,
  defaultFigures,
  operationThemes,
  presetFigures,
  presetsOf,
} from '@actionday/shared';
import { fail } from '../../http/errors.js';
import type { OperationRow } from './operations.policy.js';

/** Phases in which the themes may still change: the day has not gone live. */
const beforeLive = new Set<OperationRow['status']>(['planned', 'briefing']);

/**
 * A change of themes before the day goes live, with what it does to the key figures: the presets of added
 * themes join them; figures of a dropped preset go if the coordinator left them as the preset made them.
 */
export function themeChange(
  operation: OperationRow,
  themes: OperationTheme[],
): { themes: OperationTheme[]; figures?: FigureDefinition[] } {
  const same = themes.length === operation.themes.length && themes.every((t) => operation.themes.includes(t));
  if (same) return { themes };
  if (!beforeLive.has(operation.status)) fail('operations.themes_locked');
  const tags = operation.focusTags;
  const nationalities = operation.focusNationalities;
  const before = new Set(presetsOf(operation.themes));
  const after = new Set(presetsOf(themes));
  const dropped = new Map(
    [...before]
      .filter((p) => !after.has(p))
      .flatMap((p) => presetFigures(p, tags, nationalities))
      .map((f) => [f.key, JSON.stringify(f)]),
  );
  const kept = operation.figures.filter((f) => dropped.get(f.key) !== JSON.stringify(f));
  const keys = new Set(kept.map((f) => f.key));
  const added = defaultFigures(tags, nationalities, themes).filter((f) => !keys.has(f.key));
  return { themes: operationThemes.filter((t) => themes.includes(t)), figures: [...kept, ...added] };
}
