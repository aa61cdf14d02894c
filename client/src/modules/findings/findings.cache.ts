import type { FindingView } from '@actionday/shared';

/** A redacted view carries no version: any full copy is at least as new. */
export function versionOf(finding: FindingView): number {
  return finding.redacted ? 0 : finding.version;
}

/** The later of two copies of a finding: highest `version` wins, ties go to the incoming one. */
export function newerFinding(known: FindingView, incoming: FindingView): FindingView {
  return versionOf(incoming) >= versionOf(known) ? incoming : known;
}
