import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { CDXIndexer, WARCRecord, WARCSerializer } from 'warcio';
import type { Fetched } from './captures.fetch.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const encoder = new TextEncoder();

function statusLine(fetched: Fetched) {
  return `HTTP/${fetched.httpVersion || '1.1'} ${fetched.status} ${fetched.statusText}`.trim();
}

function requestLine(fetched: Fetched) {
  const url = new URL(fetched.url);
  return `${fetched.method} ${url.pathname}${url.search} HTTP/1.1`;
}

/** The request line's Host header and the headers sent, as the archive records them. */
function sentHeaders(fetched: Fetched): [string, string][] {
  return [['Host', new URL(fetched.url).host], ...fetched.requestHeaders];
}

// the body is stored whole, as received: a chunked transfer is no longer chunked
const archivedHeaders = (fetched: Fetched): [string, string][] =>
  fetched.headers.filter(([name]) => name.toLowerCase() !== 'transfer-encoding');

/**
 * The responses as a WARC 1.1 file (one gzip member per record, the `.warc.gz` form replay tools read): a
 * `warcinfo` record, then for each fetch its `request` and `response` records with the headers and the body
 * as the server received them.
 */
export async function buildWarc(responses: Fetched[], info: Record<string, string>, at: Date): Promise<Uint8Array> {
  const date = at.toISOString();
  const chunks: Uint8Array[] = [];
  const serialize = async (record: WARCRecord) => chunks.push(await WARCSerializer.serialize(record, { gzip: true }));
  await serialize(WARCRecord.createWARCInfo({ filename: 'data.warc.gz', warcVersion: 'WARC/1.1' }, info));
  for (const fetched of responses) {
    await serialize(
      WARCRecord.create(
        {
          url: fetched.url,
          date,
          type: 'request',
          warcVersion: 'WARC/1.1',
          statusline: requestLine(fetched),
          httpHeaders: sentHeaders(fetched),
        },
        [fetched.requestBody ? new Uint8Array(fetched.requestBody) : new Uint8Array()],
      ),
    );
    await serialize(
      WARCRecord.create(
        {
          url: fetched.url,
          date,
          type: 'response',
          warcVersion: 'WARC/1.1',
          statusline: statusLine(fetched),
          httpHeaders: archivedHeaders(fetched),
        },
        [new Uint8Array(fetched.body)],
      ),
    );
  }
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/** The CDXJ index of a WARC (sorted), with the WARC's name as the WACZ holds it. */
async function cdxj(warc: Uint8Array, filename: string): Promise<string> {
  const indexer = new CDXIndexer({ format: 'cdxj' });
  const lines: string[] = [];
  for await (const entry of indexer.iterIndex([{ reader: once(warc), filename }]))
    lines.push(indexer.serializeCDXJ(entry));
  return lines.sort().join('');
}

/**
 * A WACZ 1.1.1 package of one page (the Webrecorder format that replay tools open): the WARC, its CDXJ index,
 * the page list and `datapackage.json` with each file's SHA-256 and size, plus the digest of that file. Stored
 * uncompressed inside the zip, as the format asks (the WARC is gzipped already).
 */
export async function buildWacz(
  warc: Uint8Array,
  page: { url: string; title: string; at: Date; text: string },
  software: string,
): Promise<Uint8Array> {
  const ts = page.at.toISOString();
  const files: Record<string, Uint8Array> = {
    'archive/data.warc.gz': warc,
    'indexes/index.cdx': encoder.encode(await cdxj(warc, 'data.warc.gz')),
    'pages/pages.jsonl': encoder.encode(
      `${JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' })}\n${JSON.stringify({
        id: sha256(encoder.encode(`${page.url} ${ts}`)).slice(0, 32),
        url: page.url,
        ts,
        title: page.title,
        text: page.text.slice(0, 100_000),
      })}\n`,
    ),
  };
  const datapackage = encoder.encode(
    JSON.stringify(
      {
        profile: 'data-package',
        wacz_version: '1.1.1',
        title: page.title || page.url,
        created: ts,
        modified: ts,
        software,
        mainPageUrl: page.url,
        mainPageDate: ts,
        resources: Object.entries(files).map(([path, bytes]) => ({
          name: path.split('/').pop(),
          path,
          hash: `sha256:${sha256(bytes)}`,
          bytes: bytes.length,
        })),
      },
      null,
      2,
    ),
  );
  const digest = encoder.encode(
    JSON.stringify({ path: 'datapackage.json', hash: `sha256:${sha256(datapackage)}` }, null, 2),
  );
  const entries = { ...files, 'datapackage.json': datapackage, 'datapackage-digest.json': digest };
  return zipSync(Object.fromEntries(Object.entries(entries).map(([path, bytes]) => [path, [bytes, { level: 0 }]])), {
    mtime: page.at,
  });
}
