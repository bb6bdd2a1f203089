// The app:// rules of the desktop host as plain functions (security.ts, app-protocol.ts), on a real
// temp directory: which URLs are the app, which files a request may reach, what headers go out.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import {
  APP_CSP,
  APP_HOST,
  APP_INDEX_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  appSchemeRegistration,
  isAppUrl,
  resolveAppRequestFile,
  shouldAllowNavigation,
} from '../../electron/main/security';

const ROOT = mkdtempSync(join(tmpdir(), 'gcs-app-protocol-'));
const RENDERER = join(ROOT, 'renderer');

beforeAll(() => {
  mkdirSync(join(RENDERER, 'assets'), { recursive: true });
  writeFileSync(join(RENDERER, 'index.html'), '<!doctype html>');
  writeFileSync(join(RENDERER, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(RENDERER, 'assets', 'style.json'), '{}');
  writeFileSync(join(ROOT, 'secret.txt'), 'secret');
  symlinkSync(join(ROOT, 'secret.txt'), join(RENDERER, 'assets', 'linked.txt'));
});
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is app://gcs with the privileges of a secure standard origin and nothing more', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('gcs');
    expect(APP_INDEX_URL).toBe('app://gcs/index.html');
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: false, bypassCSP: false });
    expect(appSchemeRegistration()).toEqual([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
  });

  it('knows the app document by scheme, host and path only', () => {
    expect(isAppUrl('app://gcs/index.html')).toBe(true);
    expect(isAppUrl('app://gcs/index.html?lang=zh#/fly')).toBe(true);
    expect(isAppUrl('https://gcs/index.html')).toBe(false); // scheme
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false); // host
    expect(isAppUrl('app://gcs:8080/index.html')).toBe(false); // port
    expect(isAppUrl('app://me@gcs/index.html')).toBe(false); // credentials
    expect(isAppUrl('app://gcs/other.html')).toBe(false); // path
    expect(isAppUrl('app://gcs/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(shouldAllowNavigation('app://gcs/index.html#/plan')).toBe(true);
    expect(shouldAllowNavigation('https://evil.example/index.html')).toBe(false);
  });
});

describe('resolveAppRequestFile', () => {
  it('maps app://gcs/ paths to files in the renderer directory', async () => {
    expect(await resolveAppRequestFile(RENDERER, 'app://gcs/index.html')).toMatch(/renderer[\\/]index\.html$/);
    expect(await resolveAppRequestFile(RENDERER, 'app://gcs/')).toMatch(/renderer[\\/]index\.html$/);
    expect(await resolveAppRequestFile(RENDERER, 'app://gcs/assets/index-abc.js?x=1#y')).toMatch(/assets[\\/]index-abc\.js$/);
  });

  it('refuses other schemes, hosts, ports, credentials, traversal, symlinks out and missing files', async () => {
    const refused = [
      'file:///' + join(RENDERER, 'index.html'),
      'https://gcs/index.html',
      'app://other/index.html',
      'app://gcs:1/index.html',
      'app://me:pw@gcs/index.html',
      'app://gcs/%2e%2e%2fsecret.txt',
      'app://gcs/..%2fsecret.txt',
      'app://gcs/assets/..%2f..%2fsecret.txt',
      'app://gcs/assets/linked.txt',
      'app://gcs/index.html%00',
      'app://gcs/%E0%A4%A',
      'app://gcs/missing.js',
      '',
      'garbage',
    ];
    for (const url of refused) expect(await resolveAppRequestFile(RENDERER, url), url).toBeNull();
  });
});

describe('app:// responses', () => {
  it('carry the CSP, nosniff and the MIME type of the file', () => {
    expect(appResponseHeaders('/x/index.html')).toEqual({
      'Content-Security-Policy': APP_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Content-Type': 'text/html; charset=utf-8',
    });
    expect(appResponseHeaders('/x/a.mjs')['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(appResponseHeaders(null)['Content-Security-Policy']).toBe(APP_CSP);
  });

  it('the handler answers 404 without throwing, even for a request it cannot parse', async () => {
    const lines: string[] = [];
    const handler = createAppProtocolHandler(RENDERER, (l) => lines.push(l));
    const odd = { method: 'GET', url: 'app://me:pw@gcs/index.html' } as Request; // Request() itself refuses credentials
    expect((await handler(odd)).status).toBe(404);
    expect((await handler(new Request('app://gcs/%2e%2e%2fsecret.txt'))).status).toBe(404);
    expect(lines).toHaveLength(2);
    const ok = await handler(new Request('app://gcs/assets/style.json'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(ok.headers.get('content-length')).toBe('2');
  });
});
