// The security area's state in the UI: each aircraft's signing, the vehicle faults the pilot has not
// dismissed yet, and what the station reopened at start. Fed by renderer/stores/sync/security.ts.
import { create } from 'zustand';
import type { AircraftSigning, LinkRestoreReport, VehicleFault } from '../../shared/contract/areas/security';

/** Banners at once, at most: older ones stay in the station's list (listVehicleFaults). */
const MAX_BANNERS = 4;

interface SecurityState {
  signing: Readonly<Record<number, AircraftSigning>>;
  faults: readonly VehicleFault[];
  restore: LinkRestoreReport | null;
  signingReceived(list: readonly AircraftSigning[]): void;
  signingChanged(one: AircraftSigning): void;
  faultArrived(f: VehicleFault): void;
  dismissFault(id: number): void;
  restoreArrived(r: LinkRestoreReport): void;
}

function isAircraftSigning(x: unknown): x is AircraftSigning {
  return typeof x === 'object' && x !== null && typeof (x as AircraftSigning).sysid === 'number' && typeof (x as AircraftSigning).state === 'string';
}

export function isVehicleFault(x: unknown): x is VehicleFault {
  const f = x as VehicleFault;
  return typeof x === 'object' && x !== null && typeof f.id === 'number' && typeof f.key === 'string' && typeof f.message?.en === 'string';
}

export const useSecurityStore = create<SecurityState>()((set) => ({
  signing: {},
  faults: [],
  restore: null,
  signingReceived: (list) =>
    Array.isArray(list) && set({ signing: Object.fromEntries(list.filter(isAircraftSigning).map((a) => [a.sysid, a])) }),
  signingChanged: (one) => set((s) => (isAircraftSigning(one) ? { signing: { ...s.signing, [one.sysid]: one } } : s)),
  faultArrived: (f) =>
    set((s) => (isVehicleFault(f) && !s.faults.some((x) => x.id === f.id) ? { faults: [f, ...s.faults].slice(0, MAX_BANNERS) } : s)),
  dismissFault: (id) => set((s) => ({ faults: s.faults.filter((f) => f.id !== id) })),
  restoreArrived: (r) => set({ restore: r }),
}));
