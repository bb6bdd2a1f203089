import { describe, expect, it } from 'vitest';
import { DemoPilot, patrolLoop } from '../../electron/core/sim/demo';
import { vehicleStart } from '../../electron/core/sim/fleet-layout';
import { distanceM } from '../../electron/core/sim/geo';
import { DEFAULT_SEPARATION } from '../../electron/core/traffic';
import { CopterMode } from '../../electron/core/sim/modes';
import { SimVehicle } from '../../electron/core/sim/vehicle';

const HOME = { lat: 46.0726, lon: 122.0933, altMslM: 280 };

function fly(vehicle: SimVehicle, demo: DemoPilot, seconds: number, onStep?: () => void): void {
  for (let t = 0; t < seconds; t += 0.02) {
    demo.step(0.02);
    vehicle.step(0.02);
    onStep?.();
  }
}

describe('demo patrol flight', () => {
  it('takes off, flies the patrol loop and keeps flying it', () => {
    const vehicle = new SimVehicle({ start: HOME, seed: 1 });
    const demo = new DemoPilot(vehicle, 0);
    const route = patrolLoop(HOME, 0);
    let maxAltRelM = 0;
    const visited = new Set<number>();
    fly(vehicle, demo, 400, () => {
      maxAltRelM = Math.max(maxAltRelM, vehicle.state.position.altMslM - HOME.altMslM);
      route.forEach((p, k) => distanceM(vehicle.state.position, p) < 15 && visited.add(k));
    });
    expect(vehicle.state.armed).toBe(true);
    expect(maxAltRelM).toBeGreaterThan(38);
    expect(visited.size).toBe(route.length);
  });

  it('hands the drone over as soon as someone else changes the mode', () => {
    const vehicle = new SimVehicle({ start: HOME, seed: 1 });
    const demo = new DemoPilot(vehicle, 0);
    fly(vehicle, demo, 30);
    expect(vehicle.state.mode).toBe(CopterMode.GUIDED);
    vehicle.setMode(CopterMode.LOITER);
    fly(vehicle, demo, 5);
    expect(demo.active).toBe(false);
    expect(vehicle.state.mode).toBe(CopterMode.LOITER);
  });

  it('gives each drone its own loop, radius and altitude', () => {
    const a = patrolLoop(HOME, 0);
    const b = patrolLoop(HOME, 1);
    expect(distanceM(HOME, b[0])).toBeGreaterThan(distanceM(HOME, a[0]) + 100);
    expect(b[0].altMslM).toBeGreaterThan(a[0].altMslM);
  });
});

describe('where the simulated drones stand', () => {
  it('every pair further apart than the drone-to-drone minimum, drone 1 on home', () => {
    const starts = Array.from({ length: 20 }, (_, i) => vehicleStart(HOME, i));
    expect(starts[0]).toEqual(HOME);
    for (let i = 0; i < starts.length; i++) {
      for (let j = i + 1; j < starts.length; j++) expect(distanceM(starts[i]!, starts[j]!), `${i} to ${j}`).toBeGreaterThan(DEFAULT_SEPARATION.byClass.drone.horizontalM);
    }
  });

  it('neighbouring patrol loops are further apart in height than the vertical minimum, all within 120 m', () => {
    const alts = Array.from({ length: 20 }, (_, i) => patrolLoop(HOME, i)[0]!.altMslM - HOME.altMslM);
    for (let i = 1; i < alts.length; i++) expect(Math.abs(alts[i]! - alts[i - 1]!)).toBeGreaterThan(DEFAULT_SEPARATION.byClass.drone.verticalM);
    expect(Math.max(...alts)).toBeLessThanOrEqual(120);
  });

  it('the demo loops go round the shared centre, not round each drone', () => {
    const away = vehicleStart(HOME, 1);
    const vehicle = new SimVehicle({ start: away, seed: 1 });
    const demo = new DemoPilot(vehicle, 1, HOME);
    const shared = patrolLoop(HOME, 1)[0]!;
    const own = patrolLoop(away, 1)[0]!;
    let nearShared = Infinity;
    let nearOwn = Infinity;
    fly(vehicle, demo, 150, () => {
      nearShared = Math.min(nearShared, distanceM(vehicle.state.position, shared));
      nearOwn = Math.min(nearOwn, distanceM(vehicle.state.position, own));
    });
    expect(nearShared).toBeLessThan(10);
    expect(nearOwn).toBeGreaterThan(30);
  });
});
