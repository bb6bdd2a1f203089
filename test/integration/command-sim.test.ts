// Every pilot command through the contract against the simulator over real UDP, each answered by
// its COMMAND_ACK; a refused arm carries the vehicle's own reason (its STATUSTEXT).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCall } from '../../shared/contract/dispatch';
import type { VehicleCommandResult, VehicleSnapshot } from '../../shared/contract/types';
import { emptyPlan, MAV_CMD, MAV_FRAME, planItem } from '../../shared/plan';
import { GroundStation } from '../../electron/core/station';

const ROOT = join(__dirname, '..', '..');
const SIM = join(ROOT, 'electron/core/sim/main.ts');
const pilot = { role: 'pilot' as const, name: 'test' };
const commander = { role: 'commander' as const, name: 'watcher' };
const HOME = { lat: 46.0726, lon: 122.0933 };

let station: GroundStation;
let child: ChildProcess;

beforeAll(async () => {
  station = new GroundStation({ host: 'server', protocolTimings: { mission: { ackTimeoutMs: 300, itemTimeoutMs: 60, maxRetries: 10 }, command: { timeoutMs: 500, maxTries: 3 } } });
  await station.start();
  const link = await station.openLink({ spec: 'udp:127.0.0.1:0' });
  const port = Number(link.spec.slice(link.spec.lastIndexOf(':') + 1));
  child = spawn(process.execPath, ['--import', 'tsx', SIM, '--udp', `127.0.0.1:${port}`, '--speedup', '5'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  await until(() => vehicle()?.gpsFix !== undefined && (vehicle()?.gpsFix ?? 0) >= 3, 'a vehicle with a GPS fix');
}, 30_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  await station?.close();
});

function vehicle(): VehicleSnapshot | undefined {
  return station.getVehicles().find((v) => v.key === '1:1');
}

async function until(fn: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const command = (params: Record<string, unknown>) => handleCall(station, pilot, 'command', { key: '1:1', ...params }) as Promise<VehicleCommandResult>;

function expectAcked(r: VehicleCommandResult, outcome = 'accepted'): void {
  expect(r.mavResult, r.message.en).not.toBeNull();
  expect(r.outcome, r.message.en).toBe(outcome);
  expect(r.message.en.length).toBeGreaterThan(0);
  expect(r.message.zh.length).toBeGreaterThan(0);
}

describe('vehicle commands against the simulator', () => {
  it('a commander may not command a vehicle', async () => {
    await expect(handleCall(station, commander, 'command', { key: '1:1', action: 'arm' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('arm in a non-armable mode is refused with the vehicle reason', async () => {
    expectAcked(await command({ action: 'setMode', mode: 'LAND' }));
    await until(() => vehicle()?.mode === 'LAND', 'LAND mode');
    const r = await command({ action: 'arm' });
    expect(r.ok).toBe(false);
    expect(r.mavResult).not.toBeNull();
    expect(r.vehicleText).toMatch(/not armable/i);
    expect(r.message.en).toMatch(/not armable/i);
    expect(r.message.zh).toMatch(/not armable/i);
  });

  it('an unknown mode name is refused before anything is sent', async () => {
    const r = await command({ action: 'setMode', mode: 'WARP_DRIVE' });
    expect(r).toMatchObject({ ok: false, tries: 0, code: 'command_invalid_argument', mavResult: null });
  });

  it('runs the flight: mode, arm, takeoff, speed, goto, roi, mission start, pause, continue, rtl, land, disarm', async () => {
    // A mission to start: AUTO needs one.
    const plan = emptyPlan();
    plan.mission.plannedHome = { ...HOME, altMslM: 280 };
    const wp = (command: number, x: number, y: number, z: number) => planItem({ command, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x, y, z });
    plan.mission.items.push(wp(MAV_CMD.NAV_TAKEOFF, 0, 0, 20), wp(MAV_CMD.NAV_WAYPOINT, HOME.lat + 0.003, HOME.lon, 20), wp(MAV_CMD.NAV_WAYPOINT, HOME.lat + 0.003, HOME.lon + 0.003, 20));
    await expect(handleCall(station, pilot, 'uploadPlan', { key: '1:1', plan: JSON.parse(JSON.stringify(plan)), types: ['mission'] })).resolves.toMatchObject({ verified: true });

    expectAcked(await command({ action: 'setMode', mode: 'GUIDED' }));
    expectAcked(await command({ action: 'arm' }));
    await until(() => vehicle()?.armed === true, 'armed');
    expectAcked(await command({ action: 'takeoff', altM: 15 }));
    expectAcked(await command({ action: 'changeSpeed', speedMps: 6 }));
    expectAcked(await command({ action: 'goto', lat: HOME.lat + 0.001, lon: HOME.lon + 0.001, altM: 20 }));
    const roi = await command({ action: 'setRoi', lat: HOME.lat + 0.002, lon: HOME.lon, altM: 0 });
    expect(roi.mavResult, roi.message.en).not.toBeNull(); // answered, whichever way the firmware takes it

    expectAcked(await command({ action: 'missionStart' }));
    await until(() => vehicle()?.mode === 'AUTO', 'AUTO mode');
    for (const action of ['pause', 'continue']) {
      const r = await command({ action });
      expect(r.mavResult, `${action}: ${r.message.en}`).not.toBeNull();
    }
    expectAcked(await command({ action: 'rtl' }));
    await until(() => vehicle()?.mode === 'RTL', 'RTL mode');
    expectAcked(await command({ action: 'land' }));
    await until(() => vehicle()?.mode === 'LAND', 'LAND mode');

    // In the air, a normal disarm is refused; a forced one is not.
    const disarm = await command({ action: 'disarm' });
    expect(disarm.ok).toBe(false);
    expect(disarm.mavResult).not.toBeNull();
    expectAcked(await command({ action: 'forceDisarm' }));
    await until(() => vehicle()?.armed === false, 'disarmed');
  }, 40_000);
});
