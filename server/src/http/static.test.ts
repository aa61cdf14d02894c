import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../test/test-app.js';

describe('serving the client', () => {
  let t: TestApp;
  const script = `console.log(${JSON.stringify('actionday '.repeat(500))});`;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actionday-client-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dir, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":["secret.ts"]}');
    t = await TestApp.create({ clientDir: dir });
  });
  afterAll(() => t.close());

  it('sends hashed assets gzipped and cacheable for good, and the page itself revalidated', async () => {
    const asset = await t.app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(gunzipSync(asset.rawPayload).toString()).toBe(script);
    expect(asset.rawPayload.length).toBeLessThan(script.length / 5);
    const page = await t.app.inject({ method: 'GET', url: '/operations/some-id/wall' });
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('unknown API paths are a JSON 404, not the page', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('request.not_found');
  });

  it('serves no source map, even one left in the build folder', async () => {
    for (const url of ['/assets/index-abc123.js.map', '/assets/index-abc123.js.map?x=1']) {
      const map = await t.app.inject({ method: 'GET', url });
      expect(map.statusCode, url).toBe(404);
      expect(map.body).not.toContain('secret.ts');
    }
  });

  it('answers about people are never stored by a browser, and pages connect to their own origin only', async () => {
    const w = await t.seed({ members: { nl: ['investigator', 'NL'] }, platforms: 1 });
    for (const path of ['/findings', '/graph', '/audit', '/platforms']) {
      const answer = await t.request(w.coordinator, 'GET', w.path(path));
      expect(answer.statusCode, path).toBe(200);
      expect(answer.headers['cache-control'], path).toBe('no-store');
    }
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { host: '10.0.0.5:3000' } });
    const connect = /connect-src ([^;]*)/.exec(String(page.headers['content-security-policy']))?.[1] ?? '';
    expect(connect.split(' ').sort()).toEqual(
      ["'self'", 'ws://10.0.0.5:3000', 'ws://localhost:3000', 'wss://10.0.0.5:3000', 'wss://localhost:3000'].sort(),
    );
    const odd = await t.app.inject({ method: 'GET', url: '/', headers: { host: 'evil.example.org; script-src *' } });
    expect(String(odd.headers['content-security-policy'])).not.toContain('evil');
  });
});
