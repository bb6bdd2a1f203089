// Map interactions of the 'select' and 'addWaypoint' tools: pick, drag, add, insert.
import type { Map as MapLibreMap } from 'maplibre-gl';

export function useMapEditing(_map: MapLibreMap | null, _layersReady: boolean): void {}
