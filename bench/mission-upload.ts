// Rows: uploading a 700-item mission to the simulator over loopback UDP, clean and at 20 % loss,
// beside the round-trip lower bound measured on the same link in the same run: the vehicle asks for
// each item (MISSION_REQUEST) and we answer (MISSION_ITEM_INT), so 700 items cannot take less than
// 700 round trips. The round trip is the median COMMAND_LONG -> COMMAND_ACK time (a command the
// simulator answers at once with UNSUPPORTED), which is the same two hops through the same code.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../electron/core/protocol/port';
import { LiveSession } from '../electron/core/station-parts/live-session';
import { VehicleOperations } from '../electron/core/station-parts/vehicle-operations';
import { emptyPlan, MAV_CMD, MAV_FRAME, planItem, type Plan } from '../shared/plan';
import type { BenchRow } from './table';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const SIM = join(ROOT, 'electron/core/sim/main.ts');
const ITEMS = 700;
const RTT_SAMPLES = 60;
/** A MAV_CMD number no autopilot implements: answered UNSUPPORTED straight away. */
const UNKNOWN_COMMAND = 31_999;

function mission(n: number): Plan {
  const plan = emptyPlan();
  plan.mission.plannedHome = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
  plan.mission.items.push(planItem({ command: MAV_CMD.NAV_TAKEOFF, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 0, y: 0, z: 30 }));
  for (let i = 1; i < n; i++) {
    plan.mission.items.push(planItem({ command: MAV_CMD.NAV_WAYPOINT, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 46.07 + i * 1e-5, y: 122.09 + (i % 40) * 1e-5, z: 30 }));
  }
  return plan;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Measured {
  uploadMs: number;
  rttMs: number;
}

async function measure(faults: string[], warmUp: boolean): Promise<Measured> {
  const session = new LiveSession({ sysid: 255, clock: systemClock });
  const link = await session.links.open('udp:127.0.0.1:0');
  const port = link.spec.slice(link.spec.lastIndexOf(':') + 1);
  session.start();
  // Lossy runs recover mostly by the vehicle's re-requests; our re-send wait is a few round trips.
  const ops = new VehicleOperations({ session, clock: systemClock, timings: { mission: { ackTimeoutMs: 250, itemTimeoutMs: 60, maxRetries: 20 }, command: { timeoutMs: 250, maxTries: 1 } } });
  const child = spawn(process.execPath, ['--import', 'tsx', SIM, '--udp', `127.0.0.1:${port}`, '--speedup', '10', ...faults], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    const end = Date.now() + 20_000;
    while (!session.fleet.get('1:1')) {
      if (Date.now() > end) throw new Error('simulator never heard');
      await new Promise((r) => setTimeout(r, 50));
    }
    const vp = ops.protocols.get('1:1')!;
    const plan = mission(ITEMS);
    // One untimed upload first, so both figures are steady-state (JIT-compiled) code paths. Not under
    // loss: there the waits for re-requests dwarf compilation, and a second lossy upload doubles the run.
    if (warmUp) await ops.uploadPlan({ key: '1:1', plan, types: ['mission'], verify: false });
    const rtts: number[] = [];
    for (let i = 0; i < RTT_SAMPLES; i++) {
      const t0 = performance.now();
      const r = await vp.commandEngine.sendLong(UNKNOWN_COMMAND);
      if (r.mavResult !== undefined) rtts.push(performance.now() - t0);
    }
    if (rtts.length < RTT_SAMPLES / 4) throw new Error('too few command round trips answered');
    const t0 = performance.now();
    // Upload only (no read-back): the figure the lower bound is about.
    await ops.uploadPlan({ key: '1:1', plan, types: ['mission'], verify: false });
    return { uploadMs: performance.now() - t0, rttMs: median(rtts) };
  } finally {
    child.kill('SIGKILL');
    ops.close();
    await session.close();
  }
}

export async function benchMissionUpload(): Promise<BenchRow> {
  const m = await measure([], true);
  const baseline = ITEMS * m.rttMs;
  return {
    name: `mission upload ${ITEMS} items, loopback UDP to the simulator`,
    value: m.uploadMs,
    unit: 'ms',
    baselineName: `${ITEMS} x median round trip ${m.rttMs.toFixed(3)} ms`,
    baseline,
    lowerIsBetter: true,
    target: '<= 1.5x',
    pass: m.uploadMs <= 1.5 * baseline,
  };
}

export async function benchMissionUploadLossy(): Promise<BenchRow> {
  const m = await measure(['--loss', '0.2', '--seed', '5'], false);
  const baseline = ITEMS * m.rttMs;
  return {
    name: `mission upload ${ITEMS} items, 20 % loss each way`,
    value: m.uploadMs,
    unit: 'ms',
    baselineName: `${ITEMS} x median round trip ${m.rttMs.toFixed(3)} ms`,
    baseline,
    lowerIsBetter: true,
    // Loss costs re-requests (the vehicle's wait, not the link's speed): reported, no ratio target.
    target: 'completes (figure only)',
    pass: true,
  };
}
