import { chromiumPath, launchChromium } from '../../browser/chromium.js';
import { fail } from '../../http/errors.js';
import { esc } from './reports.html.js';

export { chromiumPath };

/** At most this many Chromiums render at once (a machine has few cores; each render takes a second or two). */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Prints the report's HTML page to an A4 PDF with headless Chromium:
 * scripts off, no network (the page is self-contained), a footer with the
 * operation's name and page numbers. 503 `reports.pdf_unavailable` where no
 * Chromium is installed or it cannot start.
 */
export async function renderPdf(html: string, footerText: string): Promise<Uint8Array> {
  if (!chromiumPath())
    // Debian's `chromium` or CHROMIUM_PATH; the HTML version prints to PDF from any browser
    fail('reports.pdf_unavailable');
  return slot(async () => {
    const browser = await launchChromium();
    if (!browser) fail('reports.pdf_unavailable');
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font: 7.5pt 'Liberation Sans', Arial, sans-serif; color: #5b6675; width: 100%; padding: 0 13mm; display: flex; justify-content: space-between;"><span>${esc(
          footerText,
        )}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      });
      return new Uint8Array(pdf);
    } finally {
      await browser.close();
    }
  });
}
