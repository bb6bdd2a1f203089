// SYS_STATUS and BATTERY_STATUS: the main battery. voltage mV (UINT16_MAX = unknown), current cA
// (-1 = unknown), remaining % (-1 = unknown). BATTERY_STATUS sends per-cell mV; its sum is the pack.
import { num, UINT16_MAX, type Reducer } from './types';
import type { Fields } from '../../mavlink';

function setCurrentAndRemaining(model: Parameters<Reducer>[0], f: Fields): void {
  const s = model.snap;
  const cA = num(f, 'current_battery');
  if (cA !== -1 && Number.isFinite(cA)) s.batteryA = cA / 100;
  const pct = num(f, 'battery_remaining');
  if (pct !== -1 && Number.isFinite(pct)) s.batteryPct = pct;
}

export const reduceSysStatus: Reducer = (model, f) => {
  const mV = num(f, 'voltage_battery');
  if (mV !== UINT16_MAX && Number.isFinite(mV) && mV > 0) model.snap.batteryV = mV / 1000;
  setCurrentAndRemaining(model, f);
};

export const reduceBatteryStatus: Reducer = (model, f) => {
  // Only the first battery feeds the snapshot; more packs are for a later battery panel.
  if (num(f, 'id') > 0) return;
  const cells = f.voltages;
  if (Array.isArray(cells)) {
    let mV = 0;
    for (const c of cells) if (c !== UINT16_MAX && c > 0) mV += c;
    if (mV > 0) model.snap.batteryV = mV / 1000;
  }
  setCurrentAndRemaining(model, f);
};
