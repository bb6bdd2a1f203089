// Map interactions of the drawing tools: areas, lines, points, fence circles and rally points.
import type { Map as MapLibreMap } from 'maplibre-gl';

export function useShapeDrawing(_map: MapLibreMap | null, _layersReady: boolean): void {}
