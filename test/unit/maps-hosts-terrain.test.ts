// The maps area's hooks into the hosts and the wire, on their own: the Electron app:// handler's
// /tiles/ route (Electron itself is not installed here; the handler is plain Request -> Response), and
// TERRAIN_CHECK answered with TERRAIN_REPORT per link.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import { TerrainResponder } from '../../electron/core/maps/terrain-responder';
import type { LinkManager } from '../../electron/core/links';
import type { Fields, Message } from '../../electron/core/mavlink';
import { FakeClock } from '../../electron/core/protocol/fake-clock';
import { solidPng } from '../support/png';

describe('app:// tiles', () => {
  it('routes /tiles/ to the station and everything else to the renderer files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maps-app-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    const png = solidPng(1, 2, 3, 4);
    const asked: string[] = [];
    const handler = createAppProtocolHandler(join(dir, 'renderer'), () => undefined, async (path) => {
      asked.push(path);
      return path.endsWith('/1/0/0') ? { status: 200, contentType: 'image/png', body: png, cacheControl: 'private' } : { status: 404, contentType: 'text/plain', body: 'not cached', cacheControl: 'no-store' };
    });
    const ok = await handler(new Request('app://gcs/tiles/osm/1/0/0'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(png);
    expect((await handler(new Request('app://gcs/tiles/osm/1/1/1'))).status).toBe(404);
    expect((await handler(new Request('app://gcs/index.html'))).status).toBe(200);
    expect(asked).toEqual(['/tiles/osm/1/0/0', '/tiles/osm/1/1/1']);
  });
});

describe('TERRAIN_CHECK', () => {
  it('is answered with TERRAIN_REPORT from the model, spacing 0 where there is no data', () => {
    const sent: Array<{ link: string; name: string; fields: Partial<Fields> }> = [];
    const links = { send: (link: string, name: string, fields: Partial<Fields>) => sent.push({ link, name, fields }), onMessage: () => () => undefined } as unknown as LinkManager;
    const responder = new TerrainResponder(links, (lat) => (lat > 46 ? 432.5 : null), new FakeClock());
    const check = (lat: number): Message => ({ msgid: 135, name: 'TERRAIN_CHECK', sysid: 1, compid: 1, seq: 0, fields: { lat: lat * 1e7, lon: 1220000000 } });
    responder.handle(check(46.5), 'link-1');
    responder.handle(check(40), 'link-2');
    expect(sent).toEqual([
      { link: 'link-1', name: 'TERRAIN_REPORT', fields: expect.objectContaining({ terrain_height: 432.5, spacing: 100, loaded: 1, pending: 0 }) },
      { link: 'link-2', name: 'TERRAIN_REPORT', fields: expect.objectContaining({ spacing: 0, loaded: 0 }) },
    ]);
    expect(responder.list()[0]).toMatchObject({ key: '1:1', checks: 2 });
  });
});
