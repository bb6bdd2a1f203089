// Vehicle faults against the simulator process: a reboot, a change of system id, and the link lost in
// the middle of an upload. Each time the station emits a 'vehicleFault' saying what happened and what
// state the vehicle is in, in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import type { VehicleFault } from '../../shared/contract/areas/security';
import { emptyPlan, MAV_CMD, MAV_FRAME, planItem, type Plan } from '../../shared/plan';
import { GroundStation } from '../../electron/core/station';
import { startTcpSim } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const pilot = { role: 'pilot' as const, name: 'test' };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function stationOn(tcpPort: number, fastMission = false) {
  const st = new GroundStation({
    host: 'server',
    protocolTimings: fastMission ? { mission: { ackTimeoutMs: 400, itemTimeoutMs: 200, maxRetries: 2 } } : undefined,
  });
  cleanups.push(() => st.close());
  await st.start();
  const faults: VehicleFault[] = [];
  st.subscribe((name, payload) => name === 'vehicleFault' && faults.push(payload as VehicleFault));
  await st.openLink({ spec: `tcp:127.0.0.1:${tcpPort}` }, pilot);
  return { st, faults };
}

function bilingual(f: VehicleFault): void {
  for (const m of [f.message, f.state]) {
    expect(m.en.length).toBeGreaterThan(20);
    expect(/[\u4e00-\u9fff]/.test(m.zh)).toBe(true);
  }
}

describe('vehicle faults with the simulator process', () => {
  it('a reboot is reported with the state before and after', async () => {
    const sim = await startTcpSim(['--reboot-after', '5']);
    cleanups.push(() => sim.child.kill('SIGKILL'));
    const { st, faults } = await stationOn(sim.tcpPort);
    await waitFor('vehicle', () => st.getVehicles().length > 0, 20_000);
    const f = await waitFor('reboot fault', () => faults.find((x) => x.kind === 'rebooted'), 20_000);
    expect(f.key).toBe('1:1');
    expect(f.message.en).toMatch(/rebooted.*Before: disarmed, STABILIZE/);
    expect(f.state.en).toMatch(/Now disarmed, mode STABILIZE/);
    bilingual(f);
    expect((await st.listVehicleFaults({}, pilot))[0]).toEqual(f);
  });

  it('a new system id on the same link is reported as the same aircraft', async () => {
    const sim = await startTcpSim(['--change-sysid-after', '3:7']);
    cleanups.push(() => sim.child.kill('SIGKILL'));
    const { st, faults } = await stationOn(sim.tcpPort);
    await waitFor('vehicle 1', () => st.getVehicles().some((v) => v.key === '1:1'), 20_000);
    const f = await waitFor('sysid fault', () => faults.find((x) => x.kind === 'sysid_changed'), 25_000);
    expect(f).toMatchObject({ key: '7:1', previousKey: '1:1' });
    bilingual(f);
  });

  it('link lost mid-upload: the upload fails and the pilot is told the mission may be partial', async () => {
    const sim = await startTcpSim([]);
    cleanups.push(() => sim.child.kill('SIGKILL'));
    const { st, faults } = await stationOn(sim.tcpPort, true);
    await waitFor('vehicle', () => st.getVehicles().length > 0, 20_000);
    const plan: Plan = emptyPlan();
    for (let i = 0; i < 600; i++) {
      plan.mission.items.push(
        planItem({ frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, command: MAV_CMD.NAV_WAYPOINT, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 46.07 + i * 1e-5, y: 122.09, z: 30 }),
      );
    }
    let progressed = false;
    st.subscribe((name) => {
      if (name === 'missionProgress' && !progressed) {
        progressed = true;
        sim.child.kill('SIGKILL'); // the radio dies under the upload
      }
    });
    await expect(st.uploadPlan({ key: '1:1', plan, types: ['mission'], verify: false }, pilot)).rejects.toBeDefined();
    expect(progressed).toBe(true);
    const f = await waitFor('upload fault', () => faults.find((x) => x.kind === 'link_lost_during_upload'), 15_000);
    expect(f.key).toBe('1:1');
    expect(f.state.en).toMatch(/partial mission/);
    bilingual(f);
  });
});
