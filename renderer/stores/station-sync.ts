// Feeds the stores from one StationClient: its events, plus a first full read so the UI is right
// even before anything changes.
import type { StationClient } from '../../shared/contract/client';
import type { SimulatorInfo, StatusTextEvent } from '../../shared/contract/types';
import { useConnectionStore } from './connection';
import { bindPlan } from './sync/plan';
import { bindOps } from './sync/ops';
import { bindReplay } from './sync/replay';
import { bindMaps } from './sync/maps';
import { bindSecurity } from './sync/security';
import { useLinksStore } from './links';
import { useSelectionStore } from './selection';
import { useSimulatorStore } from './simulator';
import { useTrailsStore } from './trails';
import { isVehicleSnapshot, useVehiclesStore } from './vehicles';

function vehiclesArrived(vehicles: unknown, replace: boolean): void {
  if (!Array.isArray(vehicles)) return;
  const store = useVehiclesStore.getState();
  if (replace) store.replaced(vehicles);
  else store.received(vehicles);
  // Trails only from what just arrived, so an unchanged vehicle adds nothing.
  useTrailsStore.getState().received(vehicles.filter(isVehicleSnapshot));
  useSelectionStore.getState().vehiclesSeen(useVehiclesStore.getState().list);
}

function isSimulatorInfo(x: unknown): x is SimulatorInfo {
  return typeof x === 'object' && x !== null && typeof (x as SimulatorInfo).running === 'boolean';
}

/** Subscribes and loads; returns the unsubscribe. Failures of the first read are left to the events. */
export function bindStationClient(client: StationClient): () => void {
  const offs = [
    client.on('vehicles', (p) => vehiclesArrived(p?.vehicles, false)),
    client.on('links', (p) => useLinksStore.getState().replaced(p?.links)),
    client.on('simulator', (p) => isSimulatorInfo(p) && useSimulatorStore.getState().received(p)),
    client.on('statustext', (p: StatusTextEvent) => typeof p?.key === 'string' && useVehiclesStore.getState().statusText(p)),
    ...bindPlan(client),
    ...bindOps(client),
    ...bindReplay(client),
    ...bindMaps(client),
    ...bindSecurity(client),
  ];
  const ignore = (): void => undefined;
  client.call('hello').then((hello) => useConnectionStore.setState({ hello }), ignore);
  client.call('getVehicles').then((vehicles) => vehiclesArrived(vehicles, true), ignore);
  client.call('listLinks').then((links) => useLinksStore.getState().replaced(links), ignore);
  client.call('getSimulator').then((info) => isSimulatorInfo(info) && useSimulatorStore.getState().received(info), ignore);
  return () => offs.forEach((off) => off());
}
