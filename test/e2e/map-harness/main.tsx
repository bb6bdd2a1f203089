// A page that renders <MapView> with fake vehicles for the end-to-end test. The test drives it
// through window.__harness (set state, reach the map), so the page has no logic of its own.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MapView } from '../../../renderer/map/MapView';
import type { VehicleSnapshot } from '../../../shared/contract/types';

export interface HarnessState {
  vehicles: VehicleSnapshot[];
  trails: Record<string, Array<[number, number]>>;
  selectedKey: string | null;
  follow: boolean;
}

export interface Harness {
  set(patch: Partial<HarnessState>): void;
  state(): HarnessState;
  map(): MapLibreMap | null;
  /** Resolves once the map has rendered everything it has (no pending tiles or animation). */
  idle(): Promise<void>;
  selections: string[];
}

export function fakeVehicle(sysid: number, lat: number, lon: number, headingDeg: number | null): VehicleSnapshot {
  return {
    key: `${sysid}:1`, sysid, compid: 1, autopilot: 'ardupilot', type: 'multirotor', mavType: 2,
    mode: 'GUIDED', customMode: 4, baseMode: 217, armed: true, systemStatus: 4,
    lat, lon, altMslM: 300, altRelM: 120, headingDeg, rollDeg: 0, pitchDeg: 0,
    groundSpeedMps: 5, airSpeedMps: 5, climbMps: 0, throttlePct: 40,
    batteryV: 15.8, batteryA: 12, batteryPct: 80, gpsFix: 3, satellites: 14, hdop: 0.8,
    home: null, missionCurrent: null, missionCount: null, lastStatusText: null,
    linkQualityPct: 100, linkLost: false, lastHeartbeatMs: Date.now(), linkIds: ['udp:14550'], updatedMs: Date.now(),
  };
}

const initial: HarnessState = {
  vehicles: [fakeVehicle(1, 46.0726, 122.0933, 45), fakeVehicle(2, 46.0786, 122.1093, 200)],
  trails: {
    '1:1': [[122.075, 46.062], [122.082, 46.066], [122.088, 46.07], [122.0933, 46.0726]],
    '2:1': [[122.125, 46.085], [122.118, 46.082], [122.1093, 46.0786]],
  },
  selectedKey: null,
  follow: false,
};

let mapInstance: MapLibreMap | null = null;
const selections: string[] = [];
let setStateRef: ((patch: Partial<HarnessState>) => void) | null = null;
let current = initial;

function App() {
  const [state, setState] = useState(initial);
  current = state;
  setStateRef = (patch) => setState((prev) => ({ ...prev, ...patch }));
  return (
    <MapView
      vehicles={state.vehicles}
      trails={state.trails}
      selectedKey={state.selectedKey}
      follow={state.follow}
      labels={{ followOn: 'Following', followOff: 'Not following' }}
      onSelectVehicle={(key) => {
        selections.push(key);
        setState((prev) => ({ ...prev, selectedKey: key }));
      }}
      onMap={(m) => {
        mapInstance = m;
      }}
    />
  );
}

const harness: Harness = {
  set: (patch) => setStateRef?.(patch),
  state: () => current,
  map: () => mapInstance,
  idle: () =>
    new Promise<void>((resolve) => {
      const m = mapInstance;
      if (!m) return resolve();
      m.once('idle', () => resolve());
      m.triggerRepaint();
    }),
  selections,
};
(window as unknown as { __harness: Harness }).__harness = harness;

// StrictMode as the app is likely to use it (a production build does not double-run effects).
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
