import type { Browser, Page, Route } from 'playwright-core';
import { AppError } from '../../http/errors.js';
import { type Budget, type Fetched, browserHeaders, decodedBody, fetchChecked } from './captures.fetch.js';
import { type FetchPolicy, checkedAddresses } from './captures.guard.js';

/** What the browser saw of a page: its picture, its text, and every response the server fetched for it. */
export interface PageCapture {
  screenshot: Buffer;
  text: string;
  title: string;
  finalUrl: string;
  /** The main document's last response (after redirects). */
  document: Fetched;
  /** Every response in the order received, redirects included: the archive's records. */
  responses: Fetched[];
  /** Requests of the page that were not made, and why (a private address, a non-HTTP scheme, the limit). */
  refused: { url: string; reason: string }[];
  /** The time the page finished loading, on the server's clock. */
  loadedAt: Date;
  viewport: { width: number; height: number };
}

const MAX_REDIRECTS = 10;

/**
 * Through a proxy (`ACTIONDAY_CAPTURE_PROXY`: .onion, non-attributable browsing) the request goes out through the
 * browser context's own proxy (`route.fetch`, redirects not followed), never directly; literal addresses are
 * still checked, names are the proxy's to resolve. The body is counted against the budget once received.
 */
async function fetchThroughProxy(
  route: Route,
  request: { url: string; method: string; headers: Record<string, string>; body: Buffer | null },
  policy: FetchPolicy,
  budget: Budget,
  timeoutMs: number,
): Promise<Fetched> {
  await checkedAddresses(new URL(request.url), policy);
  const response = await route.fetch({
    url: request.url,
    method: request.method,
    headers: { ...request.headers, 'accept-encoding': 'identity' },
    ...(request.body ? { postData: request.body } : {}),
    maxRedirects: 0,
    timeout: Math.max(1, timeoutMs),
  });
  const body = await response.body();
  budget.left -= body.length;
  if (budget.left < 0)
    throw new AppError('captures.too_large', { params: { mb: Math.round(budget.limit / 1024 / 1024) } });
  return {
    url: request.url,
    method: request.method,
    requestHeaders: Object.entries(request.headers),
    requestBody: request.body,
    status: response.status(),
    statusText: response.statusText(),
    httpVersion: '1.1',
    headers: response.headersArray().map(({ name, value }): [string, string] => [name, value]),
    body,
    tls: null,
  };
}
const VIEWPORT = { width: 1280, height: 800 };
const isRedirect = (status: number) => [301, 302, 303, 307, 308].includes(status);
const locationOf = (fetched: Fetched) =>
  fetched.headers.find(([name]) => name.toLowerCase() === 'location')?.[1] ?? null;
const reasonOf = (error: unknown) => (error instanceof AppError ? error.message : 'failed');

/**
 * Loads a page in a fresh browser context of the shared Chromium, with every request the page makes fetched
 * by the server itself (`fetchChecked`: only allowed addresses, after DNS, each redirect checked again; or through
 * the configured proxy, `fetchThroughProxy`) and
 * handed to the browser; WebSockets and service workers are refused. The context holds no cookie or storage
 * of the app, and the app's own port is refused, so the page's scripts cannot reach the app.
 */
export async function capturePage(
  browser: Browser,
  start: URL,
  options: { policy: FetchPolicy; budget: Budget; timeoutMs: number; now: () => Date; signal: AbortSignal },
): Promise<PageCapture> {
  const { policy, budget, signal } = options;
  const deadline = Date.now() + options.timeoutMs;
  const timeout = new AppError('captures.timeout', { params: { seconds: Math.round(options.timeoutMs / 1000) } });
  const responses: Fetched[] = [];
  const refused: PageCapture['refused'] = [];
  const state: {
    document: Fetched | null;
    /** The main document's redirect, followed by a new navigation so that the page's address is the new one. */
    redirect: URL | null;
    /** Why the main document could not be loaded (a refusal, the limit, an unreachable host). */
    failure: AppError | null;
  } = { document: null, redirect: null, failure: null };

  const context = await browser.newContext({
    viewport: VIEWPORT,
    serviceWorkers: 'block',
    acceptDownloads: false,
    ignoreHTTPSErrors: false,
    ...(policy.proxy ? { proxy: { server: policy.proxy } } : {}),
  });
  const onAbort = () => void context.close().catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await context.routeWebSocket(/.*/, (socket) => {
      refused.push({ url: socket.url(), reason: 'WebSockets are not captured' });
      void socket.close();
    });
    let page: Page | null = null;
    await context.route('**/*', async (route: Route) => {
      const request = route.request();
      const isDocument = request.isNavigationRequest() && page !== null && request.frame() === page.mainFrame();
      try {
        let url = request.url();
        const scheme = new URL(url).protocol;
        if (scheme !== 'http:' && scheme !== 'https:') throw new AppError('captures.bad_url');
        const fetch = (one: { url: string; method: string; headers: Record<string, string>; body: Buffer | null }) =>
          policy.proxy
            ? fetchThroughProxy(route, one, policy, budget, deadline - Date.now())
            : fetchChecked(one, policy, budget, signal);
        let fetched = await fetch({
          url,
          method: request.method(),
          headers: await request.allHeaders(),
          body: request.postDataBuffer(),
        });
        responses.push(fetched);
        for (let hop = 0; isRedirect(fetched.status) && hop < MAX_REDIRECTS; hop++) {
          const location = locationOf(fetched);
          if (!location) break;
          const next = new URL(location, url);
          if (isDocument) {
            state.redirect = next;
            await route.abort('aborted');
            return;
          }
          url = next.href;
          fetched = await fetch({ url, method: 'GET', headers: {}, body: null });
          responses.push(fetched);
        }
        if (isDocument) state.document = fetched;
        await route.fulfill({ status: fetched.status, headers: browserHeaders(fetched), body: decodedBody(fetched) });
      } catch (error) {
        refused.push({ url: request.url(), reason: reasonOf(error) });
        if (isDocument) state.failure = error instanceof AppError ? error : null;
        await route.abort('blockedbyclient').catch(() => {});
      }
    });
    page = await context.newPage();
    let target: URL = start;
    for (let hop = 0; ; hop++) {
      state.redirect = null;
      state.failure = null;
      const left = deadline - Date.now();
      if (left <= 0) throw timeout;
      try {
        await page.goto(target.href, { waitUntil: 'load', timeout: left });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (state.redirect && hop < MAX_REDIRECTS) {
          target = state.redirect;
          continue;
        }
        if (state.failure) throw state.failure;
        if (error instanceof Error && error.name === 'TimeoutError') throw timeout;
        throw new AppError('captures.unreachable', {
          params: { reason: error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'failed' },
        });
      }
      break;
    }
    const { document } = state;
    if (!document) throw new AppError('captures.unreachable', { params: { reason: 'no document was received' } });
    const loadedAt = options.now();
    // a moment for what the page loads after `load` (ads, lazy pictures), never past the deadline
    await page
      .waitForLoadState('networkidle', { timeout: Math.max(1, Math.min(1000, deadline - Date.now())) })
      .catch(() => {});
    const left = () => Math.max(1, deadline - Date.now());
    const screenshot = await page.screenshot({ fullPage: true, type: 'png', timeout: left() });
    const text = await page
      .locator('body')
      .innerText({ timeout: left() })
      .catch(() => '');
    const title = await page.title();
    return {
      screenshot,
      text,
      title,
      finalUrl: page.url(),
      document,
      responses,
      refused,
      loadedAt,
      viewport: VIEWPORT,
    };
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (error instanceof AppError) throw error;
    if (error instanceof Error && error.name === 'TimeoutError') throw timeout;
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    await context.close().catch(() => {});
  }
}
