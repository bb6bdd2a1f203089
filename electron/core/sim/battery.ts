// A LiPo pack: open-circuit voltage from state of charge, sag under load, remaining % from consumed
// mAh (ArduPilot's BATT_MONITOR=4 analog voltage+current monitor reports remaining the same way).

export interface BatteryState {
  voltageV: number;
  currentA: number;
  consumedMah: number;
  consumedWh: number;
  /** 0..100, from consumed charge against BATT_CAPACITY. */
  remainingPct: number;
  temperatureC: number;
}

const CELL_FULL_V = 4.2;
const PACK_RESISTANCE_OHM = 0.02; // a healthy 5 Ah 4S pack: ~0.3 V sag at hover current

/** Per-cell resting voltage: 4.2 V full, a long flat middle, a knee towards 3.3 V when empty. */
function cellVoltage(stateOfCharge: number): number {
  const soc = Math.min(1, Math.max(0, stateOfCharge));
  return 3.3 + 1.2 * soc - 1.3 * soc ** 2 + 1.0 * soc ** 3;
}

export function freshBattery(cells: number): BatteryState {
  return { voltageV: CELL_FULL_V * cells, currentA: 0, consumedMah: 0, consumedWh: 0, remainingPct: 100, temperatureC: 25 };
}

export function drainBattery(b: BatteryState, currentA: number, dtS: number, capacityMah: number, cells: number): BatteryState {
  const consumedMah = b.consumedMah + (currentA * dtS * 1000) / 3600;
  const soc = 1 - consumedMah / capacityMah;
  const voltageV = Math.max(0, cellVoltage(soc) * cells - currentA * PACK_RESISTANCE_OHM);
  const consumedWh = b.consumedWh + (voltageV * currentA * dtS) / 3600;
  const remainingPct = Math.max(0, Math.min(100, soc * 100));
  // Warms with load, cools back towards ambient: only for plausible BATTERY_STATUS temperatures.
  const temperatureC = b.temperatureC + ((25 + currentA * 0.8 - b.temperatureC) * dtS) / 120;
  return { voltageV, currentA, consumedMah, consumedWh, remainingPct, temperatureC };
}
