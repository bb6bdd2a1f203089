// `gcs monitor` as a user runs it: the real CLI in its own process, against the simulator's process.
import type { ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGcs, startTcpSim } from '../support/gcs-cli';


describe('gcs monitor', () => {
  let sim: ChildProcess;
  let tcpPort = 0;

  beforeAll(async () => {
    // TCP listen on port 0: the simulator names the port it got, so there is no race for a free port.
    ({ child: sim, tcpPort } = await startTcpSim(['--vehicles', '2']));
  }, 30_000);

  afterAll(() => {
    sim?.kill('SIGTERM');
  });

  it('--json --duration 3 prints one JSON object per line with the telemetry fields, exit 0', async () => {
    const { code, stdout, stderr } = await runGcs(['monitor', '--link', `tcp:127.0.0.1:${tcpPort}`, '--json', '--duration', '3']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const fields = ['t', 'sysid', 'compid', 'autopilot', 'type', 'mode', 'armed', 'lat', 'lon', 'altMslM', 'altRelM', 'headingDeg',
      'groundSpeedMps', 'climbMps', 'batteryPct', 'batteryV', 'gpsFix', 'satellites', 'linkQualityPct'];
    for (const r of records) for (const f of fields) expect(r, f).toHaveProperty(f);
    expect(new Set(records.map((r) => r.sysid))).toEqual(new Set([1, 2]));
    const last = records.filter((r) => r.sysid === 1).at(-1)!;
    expect(last).toMatchObject({ compid: 1, autopilot: 'ardupilot', type: 'multirotor', mode: 'STABILIZE', armed: false, gpsFix: 3 });
    expect(last.lat as number).toBeCloseTo(46.0726, 3);
    expect(last.altMslM as number).toBeCloseTo(280, 0);
    expect(last.batteryV as number).toBeGreaterThan(10);
    expect(Math.abs((last.t as number) - Date.now())).toBeLessThan(10_000);
    // Rate-limited: at most ~4 lines a second per vehicle.
    for (const id of [1, 2]) expect(records.filter((r) => r.sysid === id).length).toBeLessThanOrEqual(14);
  }, 30_000);

  it('--sysid shows one vehicle; the text mode prints readable lines', async () => {
    const { code, stdout } = await runGcs(['monitor', '--link', `tcp:127.0.0.1:${tcpPort}`, '--duration', '2.5', '--sysid', '2']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[2:1\] .*ardupilot multirotor.*STABILIZE.*disarmed.*alt 280\.\d m MSL/);
    expect(stdout).not.toMatch(/\[1:1\]/);
  }, 30_000);

  it('a bad link string exits 2 with a message and no stack trace', async () => {
    const { code, stderr, stdout } = await runGcs(['monitor', '--link', 'udp:0.0.0.0:70000', '--duration', '1']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not a port number/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
    const missing = await runGcs(['monitor', '--link', 'serial:/dev/tty-does-not-exist:57600']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/is not there/);
  }, 30_000);

  it('a port in use exits 2', async () => {
    const socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    try {
      const { code, stderr } = await runGcs(['monitor', '--link', `udp:127.0.0.1:${socket.address().port}`, '--duration', '1']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/already in use/);
    } finally {
      socket.close();
    }
  }, 30_000);

  it('nothing heard exits 1 and says so', async () => {
    const { code, stderr, stdout } = await runGcs(['monitor', '--link', 'udp:127.0.0.1:0', '--json', '--duration', '1']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/nothing heard/);
    expect(stdout).toBe('');
  }, 30_000);
});
