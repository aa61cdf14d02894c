import type { FindingView, HitView } from '@actionday/shared';

/** A redacted view carries no version: any full copy is at least as new. */
export function versionOf(finding: FindingView): number {
  return finding.redacted ? 0 : finding.version;
}

/** The later of two copies of a finding: highest `version` wins, ties go to the incoming one. */
export function newerFinding(known: FindingView, incoming: FindingView): FindingView {
  return versionOf(incoming) >= versionOf(known) ? incoming : known;
}

/** A hit only moves from open to confirmed or dismissed: a resolved copy is never undone by an open one. */
export function newerHit(known: HitView, incoming: HitView): HitView {
  const rank = (hit: HitView) => (hit.status === 'open' ? 0 : 1);
  return rank(incoming) >= rank(known) ? incoming : known;
}
