import { describe, expect, it } from 'vitest';
import { buildLinkSpec, DEFAULT_LINK_FORM, type LinkForm } from '../../renderer/views/fly/link-spec';

const form = (over: Partial<LinkForm>): LinkForm => ({ ...DEFAULT_LINK_FORM, ...over });

describe('link spec from the connect dialog', () => {
  it('builds each kind of spec', () => {
    expect(buildLinkSpec(DEFAULT_LINK_FORM)).toEqual({ ok: true, spec: 'udp:0.0.0.0:14550' });
    expect(buildLinkSpec(form({ kind: 'udpout', udpoutHost: ' 192.168.1.20 ', udpoutPort: '14555' }))).toEqual({ ok: true, spec: 'udpout:192.168.1.20:14555' });
    expect(buildLinkSpec(form({ kind: 'tcp' }))).toEqual({ ok: true, spec: 'tcp:127.0.0.1:5760' });
    expect(buildLinkSpec(form({ kind: 'tcp', tcpHost: 'sitl.local', tcpPort: '5762' }))).toEqual({ ok: true, spec: 'tcp:sitl.local:5762' });
    expect(buildLinkSpec(form({ kind: 'serial', serialPath: '/dev/ttyUSB0', baud: 115200 }))).toEqual({ ok: true, spec: 'serial:/dev/ttyUSB0:115200' });
    expect(buildLinkSpec(form({ kind: 'serial', serialPath: 'COM3' }))).toEqual({ ok: true, spec: 'serial:COM3:57600' });
  });

  it('refuses bad ports with the port message', () => {
    for (const p of ['', '0', '65536', '14550a', '-1', '1.5', '999999']) {
      expect(buildLinkSpec(form({ udpListenPort: p })), p).toEqual({ ok: false, error: 'connect.err.port' });
    }
    expect(buildLinkSpec(form({ kind: 'tcp', tcpPort: 'x' }))).toEqual({ ok: false, error: 'connect.err.port' });
  });

  it('refuses bad hosts, serial ports and baud rates', () => {
    for (const h of ['', '  ', 'a b', 'host:1', 'x'.repeat(300)]) {
      expect(buildLinkSpec(form({ kind: 'udpout', udpoutHost: h })), h).toEqual({ ok: false, error: 'connect.err.host' });
    }
    expect(buildLinkSpec(form({ kind: 'serial', serialPath: '' }))).toEqual({ ok: false, error: 'connect.err.serialPort' });
    expect(buildLinkSpec(form({ kind: 'serial', serialPath: '/dev/ttyS0', baud: 9600 }))).toEqual({ ok: false, error: 'connect.err.baud' });
  });
});
