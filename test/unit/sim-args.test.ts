import { describe, expect, it } from 'vitest';
import { parseSimArgs, SimArgError } from '../../electron/core/sim/args';

describe('gcs sim arguments', () => {
  it('defaults to one vehicle over UDP to 127.0.0.1:14550 at Ulanhot, 4 Hz default streams', () => {
    expect(parseSimArgs([])).toEqual({
      vehicles: 1, udp: { host: '127.0.0.1', port: 14550 }, tcpListen: null,
      home: { lat: 46.0726, lon: 122.0933, altMslM: 280 }, speedup: 1, streamDefaultHz: 4, demo: false, help: false,
    });
  });

  it('reads every option, in both --name value and --name=value forms', () => {
    const o = parseSimArgs(['--vehicles', '3', '--udp=10.0.0.2:14551', '--tcp-listen', '5760', '--home', '30.5,114.3,25', '--speedup', '4', '--stream-default=0']);
    expect(o).toMatchObject({ vehicles: 3, udp: { host: '10.0.0.2', port: 14551 }, tcpListen: { host: '127.0.0.1', port: 5760 }, speedup: 4, streamDefaultHz: 0 });
    expect(o.home).toEqual({ lat: 30.5, lon: 114.3, altMslM: 25 });
  });

  it('TCP only when --tcp-listen is given without --udp', () => {
    expect(parseSimArgs(['--tcp-listen', '0.0.0.0:5760'])).toMatchObject({ udp: null, tcpListen: { host: '0.0.0.0', port: 5760 } });
  });

  it.each([
    [['--udp', 'localhost'], 'is not host:port'],
    [['--udp', 'h:70000'], 'not a port number'],
    [['--udp', 'h:0'], 'not a port number'],
    [['--vehicles', '0'], '--vehicles'],
    [['--vehicles', '2.5'], 'whole number'],
    [['--home', '95,1,1'], '--home latitude'],
    [['--speedup', '0'], '--speedup'],
    [['--stream-default', 'fast'], '--stream-default'],
    [['--vehicles'], 'needs a value'],
    [['--what'], 'unknown option'],
  ])('%j is refused with a clear message', (args, text) => {
    expect(() => parseSimArgs(args)).toThrow(SimArgError);
    expect(() => parseSimArgs(args)).toThrow(text);
  });
});
