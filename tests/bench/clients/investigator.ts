import type { CreateFinding, FindingView, Platform, VerdictBody } from '@actionday/shared';
import { type Answer, ApiClient, type RequestOptions } from './http.js';
import { Screen } from './screen.js';

/**
 * A simulated investigator working through the public API as the board does:
 * claim a platform, keep the claim alive with heartbeats, log findings, give
 * a verdict. Every call answers what came back (status, error code, latency)
 * instead of throwing, so load runs can count refusals. `connect` opens the
 * socket and joins the operation's room, as the open board does.
 */
export class Investigator {
  readonly api: ApiClient;
  private screen: Screen | null = null;

  constructor(
    readonly baseUrl: string,
    readonly operationId: string,
    readonly memberId: string,
    cookie: string,
  ) {
    this.api = new ApiClient(baseUrl, cookie);
  }

  /** Opens the live connection and joins the operation (online for the others). */
  async connect(timeoutMs = 30_000): Promise<Screen> {
    this.screen ??= new Screen({ url: this.baseUrl, cookie: this.api.cookie, operationId: this.operationId });
    await this.screen.opened(timeoutMs);
    return this.screen;
  }

  claim(platformId: string, options?: RequestOptions): Promise<Answer<Platform>> {
    return this.api.send('POST', `/api/platforms/${platformId}/claim`, undefined, options);
  }

  release(platformId: string, options?: RequestOptions): Promise<Answer<Platform>> {
    return this.api.send('POST', `/api/platforms/${platformId}/release`, undefined, options);
  }

  heartbeat(platformId: string, options?: RequestOptions): Promise<Answer<{ lastActivityAt: string }>> {
    return this.api.send('POST', `/api/platforms/${platformId}/heartbeat`, undefined, options);
  }

  logFinding(finding: CreateFinding, options?: RequestOptions): Promise<Answer<{ finding: FindingView }>> {
    return this.api.send('POST', `/api/operations/${this.operationId}/findings`, finding, options);
  }

  verdict(platformId: string, body: VerdictBody, options?: RequestOptions): Promise<Answer<Platform>> {
    return this.api.send('POST', `/api/platforms/${platformId}/verdict`, body, options);
  }

  close(): void {
    this.screen?.close();
    this.api.close();
  }
}
