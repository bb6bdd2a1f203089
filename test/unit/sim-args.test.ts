import { describe, expect, it } from 'vitest';
import { parseSimArgs, SimArgError } from '../../electron/core/sim/args';
import { simulatorArgs } from '../../electron/core/station-parts/simulator-process';
import { callSchemas } from '../../shared/contract/api';

describe('gcs sim arguments', () => {
  it('defaults to one vehicle over UDP to 127.0.0.1:14550 at Ulanhot, 4 Hz default streams', () => {
    expect(parseSimArgs([])).toEqual({
      vehicles: 1, udp: { host: '127.0.0.1', port: 14550 }, tcpListen: null,
      home: { lat: 46.0726, lon: 122.0933, altMslM: 280 }, speedup: 1, streamDefaultHz: 4, demo: false,
      capacity: { mission: 724, fence: 100, rally: 20 },
      faults: { loss: 0, dup: 0, reorder: 0, corrupt: 0, delayMs: 0, jitterMs: 0 }, seed: 1, help: false,
      helicopter: false, helicopterAltM: 90, sbsPort: null,
    });
  });

  it('reads mission capacities and link faults', () => {
    const o = parseSimArgs(['--mission-capacity', '50', '--fence-capacity=8', '--rally-capacity', '0', '--loss', '0.2', '--dup', '0.05',
      '--reorder', '0.1', '--corrupt=0.02', '--delay', '30', '--jitter', '10', '--seed', '42']);
    expect(o.capacity).toEqual({ mission: 50, fence: 8, rally: 0 });
    expect(o.faults).toEqual({ loss: 0.2, dup: 0.05, reorder: 0.1, corrupt: 0.02, delayMs: 30, jitterMs: 10 });
    expect(o.seed).toBe(42);
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
    [['--loss', '1.5'], '--loss: "1.5" must be a number from 0 to 1'],
    [['--loss', '1'], 'would drop every frame'],
    [['--dup', '-0.1'], '--dup'],
    [['--reorder', 'often'], '--reorder'],
    [['--corrupt', ''], '--corrupt'],
    [['--delay', '-5'], '--delay'],
    [['--jitter', '20000'], '--jitter'],
    [['--seed', '1.5'], '--seed: "1.5" must be a whole number'],
    [['--mission-capacity', '1'], '--mission-capacity'],
    [['--fence-capacity', '70000'], '--fence-capacity'],
  ])('%j is refused with a clear message', (args, text) => {
    expect(() => parseSimArgs(args)).toThrow(SimArgError);
    expect(() => parseSimArgs(args)).toThrow(text);
  });
});

describe("the station's simulator arguments", () => {
  it('adds --helicopter only when the pilot asks for it', () => {
    expect(simulatorArgs({ udpPort: 14555, vehicles: 3 })).toEqual(['--udp', '127.0.0.1:14555', '--vehicles', '3', '--demo']);
    expect(simulatorArgs({ udpPort: 14555, vehicles: 3, helicopter: true })).toContain('--helicopter');
    // What the station passes is what the simulator's own parser reads.
    expect(parseSimArgs(simulatorArgs({ udpPort: 14555, vehicles: 2, helicopter: true }))).toMatchObject({ helicopter: true, vehicles: 2, demo: true });
    expect(parseSimArgs(simulatorArgs({ udpPort: 14555, vehicles: 2 })).helicopter).toBe(false);
  });

  it('the contract takes a boolean helicopter and nothing else', () => {
    expect(callSchemas.startSimulator.safeParse({ vehicles: 2, helicopter: true }).success).toBe(true);
    expect(callSchemas.startSimulator.safeParse({ vehicles: 2 }).success).toBe(true);
    expect(callSchemas.startSimulator.safeParse({ vehicles: 2, helicopter: 'yes' }).success).toBe(false);
  });
});
