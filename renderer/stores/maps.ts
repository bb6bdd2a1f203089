// The maps area's state in the UI: sources (drawing order), airspace zones, terrain status and the
// running prefetch, all as the station last reported them; plus whether the layer panel is open.
import { create } from 'zustand';
import type { AirspaceZone } from '../../shared/airspace/zone';
import type { PrefetchProgress, TerrainStatus } from '../../shared/contract/areas/maps';
import type { MapSource } from '../../shared/maps/sources';

interface MapsState {
  sources: MapSource[];
  zones: AirspaceZone[];
  terrain: TerrainStatus | null;
  prefetch: PrefetchProgress | null;
  panelOpen: boolean;
  /** Vertices of a zone being drawn on the map; null when not drawing. */
  drawing: Array<{ lat: number; lon: number }> | null;
  setDrawing(points: Array<{ lat: number; lon: number }> | null): void;
  sourcesReceived(sources: MapSource[]): void;
  zonesReceived(zones: AirspaceZone[]): void;
  terrainReceived(terrain: TerrainStatus): void;
  prefetchReceived(p: PrefetchProgress): void;
  togglePanel(): void;
}

export const useMapsStore = create<MapsState>()((set) => ({
  sources: [],
  zones: [],
  terrain: null,
  prefetch: null,
  panelOpen: false,
  drawing: null,
  setDrawing: (drawing) => set({ drawing }),
  sourcesReceived: (sources) => Array.isArray(sources) && set({ sources: [...sources].sort((a, b) => a.order - b.order) }),
  zonesReceived: (zones) => set({ zones }),
  terrainReceived: (terrain) => set({ terrain }),
  prefetchReceived: (prefetch) => set({ prefetch }),
  togglePanel: () => set((s) => ({ panelOpen: !s.panelOpen })),
}));

export const selectSources = (s: MapsState): MapSource[] => s.sources;
export const selectZones = (s: MapsState): AirspaceZone[] => s.zones;
