import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { parseLinkSpec } from '../../electron/core/links';

function errorOf(spec: string): ContractError {
  try {
    parseLinkSpec(spec);
  } catch (err) {
    if (err instanceof ContractError) return err;
    throw err;
  }
  throw new Error(`"${spec}" was accepted`);
}

describe('link strings', () => {
  it('parses every kind', () => {
    expect(parseLinkSpec('udp:0.0.0.0:14550')).toEqual({ kind: 'udp', spec: 'udp:0.0.0.0:14550', host: '0.0.0.0', port: 14550 });
    expect(parseLinkSpec('udpin:127.0.0.1:0')).toMatchObject({ kind: 'udp', host: '127.0.0.1', port: 0 });
    expect(parseLinkSpec('udp:14550')).toMatchObject({ kind: 'udp', host: '0.0.0.0', port: 14550 });
    expect(parseLinkSpec('udpout:192.168.4.1:14550')).toMatchObject({ kind: 'udpout', host: '192.168.4.1', port: 14550 });
    expect(parseLinkSpec(' tcp:localhost:5760 ')).toMatchObject({ kind: 'tcp', host: 'localhost', port: 5760, spec: 'tcp:localhost:5760' });
    expect(parseLinkSpec('tcp:[::1]:5760')).toMatchObject({ kind: 'tcp', host: '::1', port: 5760 });
    expect(parseLinkSpec('serial:/dev/ttyUSB0:57600')).toEqual({ kind: 'serial', spec: 'serial:/dev/ttyUSB0:57600', path: '/dev/ttyUSB0', baud: 57600 });
    expect(parseLinkSpec('serial:/dev/ttyACM0:115200')).toMatchObject({ path: '/dev/ttyACM0', baud: 115200 });
    expect(parseLinkSpec('serial:/dev/ttyACM0:921600')).toMatchObject({ baud: 921600 });
    expect(parseLinkSpec('SERIAL:COM3')).toMatchObject({ kind: 'serial', path: 'COM3', baud: 57600 });
    expect(parseLinkSpec('serial:/dev/ttyUSB0')).toMatchObject({ path: '/dev/ttyUSB0', baud: 57600 });
  });

  it('refuses bad strings with a sentence in both languages', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['http:1.2.3.4:80', /"http" is not a link type/],
      ['14550', /"14550" is not a link type/],
      ['udp:0.0.0.0:99999', /not a port number/],
      ['udp:0.0.0.0:abc', /not a port number/],
      ['tcp:host:0', /not a port number/],
      ['tcp:host', /needs host:port/],
      ['tcp::5760', /needs host:port|no host/],
      ['udpout:1.2.3.4', /needs host:port/],
      ['serial:', /no device path/],
      ['serial:/dev/ttyUSB0:', /no baud rate/],
      ['serial:/dev/ttyUSB0:fast', /not a baud rate/],
      ['serial:/dev/ttyUSB0:12345', /not a standard baud rate/],
    ];
    for (const [spec, re] of cases) {
      const err = errorOf(spec);
      expect(err.code, spec).toBe('bad_link_spec');
      expect(err.userMessage.en, spec).toMatch(re);
      expect(err.userMessage.zh, spec).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
