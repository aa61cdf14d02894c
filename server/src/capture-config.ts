import ipaddr from 'ipaddr.js';

/** How the server captures web pages (ACTIONDAY_CAPTURE_*), validated at boot. */
export interface CaptureConfig {
  /** CIDR ranges an administrator allows although they are private or local (tests allow 127.0.0.1/32). */
  allow: string[];
  /** Every capture goes through this proxy when set (required for .onion addresses). */
  proxy: string | undefined;
  /** Captures running at once. */
  concurrency: number;
  /** A capture that takes longer fails with `captures.timeout`. */
  timeoutMs: number;
  /**
   * Only the allowed ranges, no public address and no name lookup but `localhost` (the tests: nothing they
   * capture, even a fuzzed URL, leaves this machine). Not an environment setting.
   */
  allowedOnly?: boolean;
}

/** Whether a string is a CIDR range (`127.0.0.1/32`, `fd00::/8`). */
export function isCidr(range: string): boolean {
  try {
    ipaddr.parseCIDR(range);
    return true;
  } catch {
    return false;
  }
}

export const defaultCaptureConfig: CaptureConfig = { allow: [], proxy: undefined, concurrency: 2, timeoutMs: 60_000 };
