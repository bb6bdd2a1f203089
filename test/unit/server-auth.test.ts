// The server host's rules without sockets: tokens, cookies, roles, origins, the failure limiter and
// the `gcs serve` arguments.
import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  decideRole,
  FailureLimiter,
  hostAllowed,
  isLoopback,
  newToken,
  originAllowed,
  readCookie,
  tokenCookie,
  tokenMatches,
} from '../../electron/server/auth';
import { flightStartFromEnv } from '../../electron/core/recording/flight-tracker';
import { parseServeArgs } from '../../electron/server/cli';
import { mimeType } from '../../electron/server/static-files';

describe('tokens and cookies', () => {
  it('makes 24-byte base64url tokens, different every time', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newToken()).not.toBe(a);
  });

  it('matches only the exact token', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', '')).toBe(false);
    expect(tokenMatches('abc', null)).toBe(false);
    expect(tokenMatches('abc', 'x'.repeat(10_000))).toBe(false);
  });

  it('reads its cookie among others and writes it HttpOnly, SameSite=Strict', () => {
    expect(readCookie('a=1; gcs_token_8765=tok; b=2', 'gcs_token_8765')).toBe('tok');
    expect(readCookie('gcs_token_8766=tok', 'gcs_token_8765')).toBeNull();
    expect(readCookie(undefined, 'x')).toBeNull();
    expect(tokenCookie(8765, 'tok')).toBe('gcs_token_8765=tok; HttpOnly; SameSite=Strict; Path=/');
  });
});

describe('roles', () => {
  it('knows loopback addresses, including IPv4-mapped ones', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a), a).toBe(true);
    for (const a of ['192.168.1.5', '::ffff:10.0.0.1', 'fe80::1', '', undefined, '127.0.0.1.evil']) expect(isLoopback(a), String(a)).toBe(false);
  });

  it('makes a loopback peer pilot unless it asks for less', () => {
    expect(decideRole('127.0.0.1', null)).toEqual({ ok: true, role: 'pilot' });
    expect(decideRole('::1', 'commander')).toEqual({ ok: true, role: 'commander' });
    expect(decideRole('127.0.0.1', 'observer')).toEqual({ ok: true, role: 'observer' });
    expect(decideRole('127.0.0.1', 'trainer')).toEqual({ ok: true, role: 'trainer' });
  });

  it('never makes a network peer pilot', () => {
    expect(decideRole('192.168.1.20', 'pilot')).toEqual({ ok: true, role: 'observer' });
    expect(decideRole('192.168.1.20', null)).toEqual({ ok: true, role: 'observer' });
    expect(decideRole('192.168.1.20', 'commander')).toEqual({ ok: true, role: 'observer' });
  });

  it('refuses an unknown role', () => {
    expect(decideRole('127.0.0.1', 'root').ok).toBe(false);
  });
});

describe('hosts and origins', () => {
  const allowed = allowedHosts('127.0.0.1', 8765, false);

  it('accepts our own names only', () => {
    expect(hostAllowed('127.0.0.1:8765', allowed)).toBe(true);
    expect(hostAllowed('LOCALHOST:8765', allowed)).toBe(true);
    expect(hostAllowed('127.0.0.1:8766', allowed)).toBe(false);
    expect(hostAllowed('evil.example:8765', allowed)).toBe(false);
    expect(hostAllowed(undefined, allowed)).toBe(false);
  });

  it('accepts no Origin (non-browser) or our own; refuses any other site', () => {
    expect(originAllowed(undefined, allowed)).toBe(true);
    expect(originAllowed('http://127.0.0.1:8765', allowed)).toBe(true);
    expect(originAllowed('http://localhost:8765', allowed)).toBe(true);
    expect(originAllowed('https://127.0.0.1:8765', allowed)).toBe(false);
    expect(originAllowed('http://evil.example:8765', allowed)).toBe(false);
    expect(originAllowed('null', allowed)).toBe(false);
    expect(originAllowed('http://127.0.0.1:8765/x', allowed)).toBe(false);
  });
});

describe('FailureLimiter', () => {
  it('blocks after 5 distinct wrong tokens in a minute, for a minute', () => {
    let now = 0;
    const lim = new FailureLimiter(5, 60_000, 60_000, () => now);
    for (let i = 0; i < 4; i++) expect(lim.recordFailure('1.2.3.4', `t${i}`)).toBe(false);
    expect(lim.isBlocked('1.2.3.4')).toBe(false);
    expect(lim.recordFailure('1.2.3.4', 't4')).toBe(true);
    expect(lim.isBlocked('1.2.3.4')).toBe(true);
    expect(lim.isBlocked('5.6.7.8')).toBe(false);
    now += 60_001;
    expect(lim.isBlocked('1.2.3.4')).toBe(false);
  });

  it('forgets failures older than the window, and counts a repeated token once', () => {
    let now = 0;
    const lim = new FailureLimiter(5, 60_000, 60_000, () => now);
    for (let i = 0; i < 4; i++) lim.recordFailure('a', `t${i}`);
    now += 61_000;
    expect(lim.recordFailure('a', 'x')).toBe(false);
    for (let i = 0; i < 20; i++) expect(lim.recordFailure('b', 'same-stale-token')).toBe(false);
  });
});

describe('gcs serve arguments', () => {
  it('defaults to loopback port 8765', () => {
    expect(parseServeArgs([])).toEqual({
      ok: true,
      args: { port: 8765, host: '127.0.0.1', allowLan: false, help: false, dataDir: expect.stringMatching(/police-gcs$/), flightStart: 'arm' },
    });
  });

  it('takes --flight-start arm|link, and refuses anything else', () => {
    expect(parseServeArgs(['--flight-start', 'link'])).toMatchObject({ ok: true, args: { flightStart: 'link' } });
    expect(parseServeArgs(['--flight-start=arm'])).toMatchObject({ ok: true, args: { flightStart: 'arm' } });
    expect(parseServeArgs(['--flight-start', 'takeoff'])).toMatchObject({ ok: false, error: expect.stringMatching(/arm or link/) });
    // The desktop host has no command line: GCS_FLIGHT_START does the same there (and is the serve default).
    expect(flightStartFromEnv({ GCS_FLIGHT_START: 'link' })).toBe('link');
    expect(flightStartFromEnv({ GCS_FLIGHT_START: 'takeoff' })).toBe('arm');
    expect(flightStartFromEnv({})).toBe('arm');
  });

  it('takes --data-dir, and refuses it without a folder', () => {
    expect(parseServeArgs(['--data-dir', '/srv/gcs'])).toMatchObject({ ok: true, args: { dataDir: '/srv/gcs' } });
    expect(parseServeArgs(['--data-dir'])).toMatchObject({ ok: false });
  });

  it('takes --port, --host and --lan (which listens on all interfaces unless --host is given)', () => {
    expect(parseServeArgs(['--port', '0'])).toMatchObject({ ok: true, args: { port: 0 } });
    expect(parseServeArgs(['--port=9000'])).toMatchObject({ ok: true, args: { port: 9000 } });
    expect(parseServeArgs(['--lan'])).toMatchObject({ ok: true, args: { host: '0.0.0.0', allowLan: true } });
    expect(parseServeArgs(['--lan', '--host', '192.168.1.2'])).toMatchObject({ ok: true, args: { host: '192.168.1.2', allowLan: true } });
    expect(parseServeArgs(['--host', 'localhost'])).toMatchObject({ ok: true, args: { host: 'localhost' } });
  });

  it('refuses bad values and a network host without --lan', () => {
    for (const argv of [['--port'], ['--port', '70000'], ['--port', 'abc'], ['--host'], ['--bogus'], ['--host', '0.0.0.0'], ['--host', '192.168.1.2']]) {
      expect(parseServeArgs(argv).ok, argv.join(' ')).toBe(false);
    }
  });
});

describe('MIME types', () => {
  it('knows the renderer build’s file types', () => {
    expect(mimeType('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('a.WASM')).toBe('application/wasm');
    expect(mimeType('a.geojson')).toBe('application/geo+json; charset=utf-8');
    expect(mimeType('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeType('a.svg')).toBe('image/svg+xml');
    expect(mimeType('a.unknown')).toBe('application/octet-stream');
  });
});
