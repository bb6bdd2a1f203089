// `gcs serve` over a fake station: the printed address, a busy port, a missing UI build, clean stop.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../electron/server/cli';
import { FakeStation } from '../support/fake-station';

let root: string;
let staticDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gcs-cli-'));
  staticDir = join(root, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>GCS</title>');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('gcs serve', () => {
  it('prints the address with its token, serves it, and stops cleanly on shutdown', async () => {
    const { out, io } = capture();
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const station = new FakeStation();
    const done = serve(['--port', '0'], { ...io, createStation: () => station, staticDir, untilShutdown: () => stopped });
    await expect.poll(() => out.length).toBeGreaterThan(0);
    const line = out[0];
    expect(line).toMatch(/^Police GCS is running\. Open this address in a browser: http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect(out.join('\n')).toMatch(/loopback/);
    const url = line.slice(line.indexOf('http://'));
    expect((await fetch(url)).status).toBe(200);
    stop();
    expect(await done).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('says clearly when the port is in use and exits with code 2', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const { err, io } = capture();
    let closed = false;
    const station = new FakeStation();
    station.close = async () => {
      closed = true;
    };
    const code = await serve(['--port', String(port)], { ...io, createStation: () => station, staticDir, untilShutdown: () => new Promise(() => {}) });
    blocker.close();
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(new RegExp(`port ${port} .*already in use`));
    expect(closed).toBe(true);
  });

  it('tells to build the renderer when dist/renderer is missing', async () => {
    const { err, io } = capture();
    const code = await serve([], { ...io, createStation: () => new FakeStation(), staticDir: join(root, 'nope') });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('npm run build:renderer');
  });

  it('refuses bad arguments with exit code 2 and the usage', async () => {
    const { err, io } = capture();
    expect(await serve(['--port', 'x'], { ...io, createStation: () => new FakeStation(), staticDir })).toBe(2);
    expect(err.join('\n')).toContain('Usage: gcs serve');
  });
});
