// The preload bridge and the renderer's Electron transport together, with fakes for Electron's
// ipcRenderer/contextBridge and real MessagePorts: the page asks, main answers with a port, the
// preload forwards it, and the renderer talks to a station over it.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { attachConnection } from '../../shared/contract/dispatch';
import { createClient } from '../../shared/contract/client';
import * as bridge from '../../electron/preload/bridge';
import * as security from '../../electron/main/security';
import { acquireElectronPort, messagePortChannel, PORT_MESSAGE, type GcsBridge } from '../../renderer/platform/channels';
import { FakeStation } from '../support/fake-station';

/** A window: EventTarget + postMessage that delivers to itself, as the isolated world's does. */
class FakeWindow extends EventTarget {
  postMessage(data: unknown, _origin: string, transfer: unknown[] = []) {
    queueMicrotask(() => this.deliver(data, this, transfer));
  }
  deliver(data: unknown, source: unknown, ports: unknown[]) {
    this.dispatchEvent(Object.assign(new Event('message'), { data, source, ports }));
  }
}

function setup() {
  const ipc = new EventEmitter() as EventEmitter & { sent: string[]; send(ch: string): void };
  ipc.sent = [];
  ipc.send = (ch: string) => ipc.sent.push(ch);
  const exposed: Record<string, Record<string, unknown>> = {};
  const win = new FakeWindow();
  bridge.installBridge({
    contextBridge: { exposeInMainWorld: (k, api) => (exposed[k] = api) },
    ipcRenderer: ipc as unknown as bridge.IpcRendererLike,
    window: win,
  });
  return { ipc, exposed, win };
}

describe('preload bridge', () => {
  it('uses the same channel names and message tag as main and the renderer', () => {
    expect(bridge.ACQUIRE_PORT_CHANNEL).toBe(security.ACQUIRE_PORT_CHANNEL);
    expect(bridge.PORT_CHANNEL).toBe(security.PORT_CHANNEL);
    expect(bridge.PORT_MESSAGE).toBe(PORT_MESSAGE);
  });

  it('exposes exactly one function, acquirePort, which sends no arguments', () => {
    const { ipc, exposed } = setup();
    expect(Object.keys(exposed)).toEqual(['gcsBridge']);
    expect(Object.keys(exposed.gcsBridge)).toEqual(['acquirePort']);
    (exposed.gcsBridge.acquirePort as (...a: unknown[]) => void)('evil', { x: 1 });
    expect(ipc.sent).toEqual(['gcs:acquire-port']);
  });

  it('gets the page a port that reaches the station, ignoring look-alike messages', async () => {
    const { ipc, exposed, win } = setup();
    const station = new FakeStation({ host: 'electron' });
    ipc.send = (ch: string) => {
      ipc.sent.push(ch);
      // Main's side: a channel, one end to the station, the other to the renderer.
      const { port1, port2 } = new MessageChannel();
      attachConnection(messagePortChannel(port1), station, { role: 'pilot', name: 'desktop window' });
      // Noise first: a message from another source, and one with the wrong tag.
      const decoy = new MessageChannel();
      win.deliver(PORT_MESSAGE, {}, [decoy.port1]);
      win.deliver('something-else', win, [decoy.port2]);
      ipc.emit('gcs:port', { ports: [port2] });
    };

    const port = await acquireElectronPort(exposed.gcsBridge as unknown as GcsBridge, win as unknown as Window, 2000);
    const client = createClient(messagePortChannel(port));
    const hello = await client.call('hello');
    expect(hello).toMatchObject({ host: 'electron', role: 'pilot' });
    client.close();
  });

  it('gives up with a clear error when main never answers', async () => {
    const { exposed, win } = setup();
    await expect(acquireElectronPort(exposed.gcsBridge as unknown as GcsBridge, win as unknown as Window, 50)).rejects.toThrow(/desktop app/);
  });
});

describe('Electron security rules', () => {
  const appUrl = 'app://gcs/index.html';

  it('trusts only the top frame of the app document on app://gcs', () => {
    expect(security.APP_INDEX_URL).toBe(appUrl);
    expect(security.isTrustedSender({ url: appUrl, parent: null })).toBe(true);
    expect(security.isTrustedSender({ url: `${appUrl}?x=1#fly`, parent: null })).toBe(true);
    expect(security.isTrustedSender({ url: appUrl, parent: {} })).toBe(false);
    // The app's own file loaded as file:// is not the app any more.
    expect(security.isTrustedSender({ url: 'file:///opt/police-gcs/resources/app.asar/dist/renderer/index.html', parent: null })).toBe(false);
    expect(security.isTrustedSender({ url: 'file:///tmp/index.html', parent: null })).toBe(false);
    expect(security.isTrustedSender({ url: 'http://127.0.0.1:8765/', parent: null })).toBe(false);
    expect(security.isTrustedSender({ url: 'not a url', parent: null })).toBe(false);
    expect(security.isTrustedSender(null)).toBe(false);
  });

  it('keeps the CSP strict', () => {
    expect(security.APP_CSP).toContain("script-src 'self'");
    expect(security.APP_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(security.withCsp(undefined)).toEqual({ 'Content-Security-Policy': [security.APP_CSP] });
  });
});
