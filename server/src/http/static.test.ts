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
});
