// Three simulated drones from "Start simulator" must not alarm the pilot about each other: their homes
// are apart by more than the drone-to-drone minimum (50 m; they stood 5 m apart and raised three
// separation alerts at takeoff), and their patrol loops by more than the vertical minimum (15 m; 10 m
// raised predicted conflicts on patrol). The demo's separation alerts are then the ones it is meant to
// show (the helicopter), not noise.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract/api';
import type { OpsAlert } from '../../shared/contract/ops-types';
import type { VehicleSnapshot } from '../../shared/contract/types';
import { distanceM } from '../../shared/geo/distance';
import { GroundStation } from '../../electron/core/station';
import { DEFAULT_SEPARATION } from '../../electron/core/traffic';
import { waitFor } from '../support/wait';

const ROOT = join(__dirname, '..', '..');
// Eight times real time: takeoff, climb and the first two minutes of patrol in under 20 s.
const SPEEDUP = 8;
const SIM = [process.execPath, '--import', 'tsx', join(ROOT, 'electron/core/sim/main.ts'), '--speedup', String(SPEEDUP)];
const pilot = { role: 'pilot' as const, name: 'test' };

const stations: GroundStation[] = [];
afterEach(async () => {
  for (const s of stations.splice(0)) await s.close();
});

describe('simulated drones start apart', () => {
  it('three demo drones take off, climb and patrol without a drone-to-drone separation alert', async () => {
    const station = new GroundStation({ host: 'server', simulatorCommand: SIM });
    stations.push(station);
    await station.start();
    const latest = new Map<string, VehicleSnapshot>();
    const alerts: OpsAlert[] = [];
    station.subscribe((name, payload) => {
      if (name === 'vehicles') for (const v of (payload as Events['vehicles']).vehicles) latest.set(v.key, v);
      if (name === 'alert') alerts.push(payload as OpsAlert);
    });
    await station.startSimulator({ vehicles: 3 }, pilot);
    const keys = ['1:1', '2:1', '3:1'];
    const homes = await waitFor('three homes', () => {
      const h = keys.map((k) => latest.get(k)?.home);
      return h.every(Boolean) && (h as NonNullable<VehicleSnapshot['home']>[]);
    }, 20_000);
    for (let i = 0; i < homes.length; i++) {
      for (let j = i + 1; j < homes.length; j++) expect(distanceM(homes[i]!, homes[j]!), `home ${i + 1} to ${j + 1}`).toBeGreaterThan(DEFAULT_SEPARATION.byClass.drone.horizontalM);
    }
    // Armed, all three, and well into the climb: the moment the old 5 m spacing alarmed.
    await waitFor('three drones armed and climbing', () => keys.every((k) => latest.get(k)?.armed && (latest.get(k)?.altRelM ?? 0) > 15), 30_000);
    // On patrol: the 10 m loops had predicted conflicts 70-150 simulated seconds after start.
    await new Promise((r) => setTimeout(r, (120 / SPEEDUP) * 1000));
    const between = alerts.filter((a) => (a.kind === 'separation' || a.kind === 'separationPredicted') && /UAV-\d.*UAV-\d/.test(a.message.en));
    expect(between.map((a) => a.message.en)).toEqual([]);
  }, 60_000);
});
