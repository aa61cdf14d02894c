import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { CaptureTls } from '@actionday/shared';
import { AppError } from '../../http/errors.js';
import { type FetchPolicy, checkedAddresses } from './captures.guard.js';

/** One response as the server received it, before the browser sees it. */
export interface Fetched {
  url: string;
  method: string;
  requestHeaders: [string, string][];
  requestBody: Buffer | null;
  status: number;
  statusText: string;
  httpVersion: string;
  /** The headers in the order and case they came, repeated names kept. */
  headers: [string, string][];
  /** The body as it came over the wire (still compressed when the server compressed it). */
  body: Buffer;
  tls: CaptureTls | null;
}

/** The byte budget of a whole capture, shared by all its requests. */
export interface Budget {
  left: number;
  readonly limit: number;
}

// hop-by-hop headers are the connection's, not the request's
const dropped = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host']);

const certName = (name: Record<string, string | string[]> | undefined) =>
  Object.entries(name ?? {})
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');

function tlsOf(response: IncomingMessage): CaptureTls | null {
  const socket = response.socket as TLSSocket | null;
  if (!socket || typeof socket.getPeerCertificate !== 'function') return null;
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.fingerprint256) return null;
  return {
    subject: certName(cert.subject as unknown as Record<string, string>),
    issuer: certName(cert.issuer as unknown as Record<string, string>),
    fingerprint256: cert.fingerprint256,
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    protocol: socket.getProtocol?.() ?? null,
  };
}

/**
 * Fetches one request of the capture on the server: the URL checked after DNS (`checkedAddresses`), the
 * connection pinned to the checked address, redirects not followed (the caller checks each hop), the body
 * counted against the capture's budget (past it: `captures.too_large`, the connection cut).
 */
export async function fetchChecked(
  request: { url: string; method: string; headers: Record<string, string>; body: Buffer | null },
  policy: FetchPolicy,
  budget: Budget,
  signal: AbortSignal,
): Promise<Fetched> {
  const url = new URL(request.url);
  const [address] = await checkedAddresses(url, policy);
  const requestHeaders = Object.entries(request.headers).filter(([name]) => !dropped.has(name.toLowerCase()));
  // the archive keeps the bodies as sent; asking for no compression keeps them readable for the browser too
  const headers = Object.fromEntries([
    ...requestHeaders.filter(([name]) => name.toLowerCase() !== 'accept-encoding'),
    ['accept-encoding', 'identity'],
  ]);
  const pinned: LookupFunction = (_host, options, callback) => {
    if (!address) return callback(new Error('no checked address'), '', 4);
    const family = address.includes(':') ? 6 : 4;
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: object[]) => void)(null, [{ address, family }]);
    callback(null, address, family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Fetched>((resolve, reject) => {
    const outgoing = client.request(
      url,
      { method: request.method, headers, signal, ...(address ? { lookup: pinned } : {}) },
      (response) => {
        // the socket is read now: by the end of the body it may be handed back to the pool
        const tls = tlsOf(response);
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          budget.left -= chunk.length;
          if (budget.left < 0) {
            response.destroy();
            reject(new AppError('captures.too_large', { params: { mb: Math.round(budget.limit / 1024 / 1024) } }));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          const raw = response.rawHeaders;
          const pairs: [string, string][] = [];
          for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] ?? '', raw[i + 1] ?? '']);
          resolve({
            url: request.url,
            method: request.method,
            requestHeaders: Object.entries(headers),
            requestBody: request.body,
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            httpVersion: response.httpVersion,
            headers: pairs,
            body: Buffer.concat(chunks),
            tls,
          });
        });
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (signal.aborted) reject(signal.reason);
      else reject(new AppError('captures.unreachable', { params: { reason: error.code ?? error.message } }));
    });
    if (request.body) outgoing.end(request.body);
    else outgoing.end();
  });
}

/** The body as the browser must get it: decompressed where the server compressed it anyway. */
export function decodedBody(fetched: Fetched): Buffer {
  const encoding = fetched.headers.find(([name]) => name.toLowerCase() === 'content-encoding')?.[1]?.trim();
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(fetched.body);
    if (encoding === 'deflate') return inflateSync(fetched.body);
    if (encoding === 'br') return brotliDecompressSync(fetched.body);
  } catch {
    return fetched.body;
  }
  return fetched.body;
}

/** The headers the browser gets: as received, less those of the transfer (the body is whole and decoded). */
export function browserHeaders(fetched: Fetched): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of fetched.headers) {
    const key = name.toLowerCase();
    if (dropped.has(key) || key === 'content-encoding' || key === 'content-length') continue;
    out[key] = out[key] ? `${out[key]}\n${value}` : value;
  }
  return out;
}
