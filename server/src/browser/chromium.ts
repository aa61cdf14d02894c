import { existsSync } from 'node:fs';
import { type Browser, type LaunchOptions, chromium } from 'playwright-core';

/**
 * CHROMIUM_PATH when set (a wrong path means no browser, not a silent
 * fallback), else Debian's /usr/bin/chromium; undefined when there is none.
 */
export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** The flags every headless Chromium of the server starts with (no updates, no sync, no background traffic). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts Debian's Chromium through playwright-core (the PDF report and the web captures); null when there is
 * none or it cannot start, so that callers answer their own 503.
 */
export async function launchChromium(options: Pick<LaunchOptions, 'proxy'> = {}): Promise<Browser | null> {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  try {
    return await chromium.launch({ executablePath, args: FLAGS, ...options });
  } catch {
    return null;
  }
}
