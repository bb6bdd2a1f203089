// Shapes imported from map files (KML/KMZ, GeoJSON): the editor turns them into fences, search areas
// or routes. Altitudes are kept when the file has them; what they are relative to is the file's business.

export interface ShapePoint {
  lat: number;
  lon: number;
  altM?: number;
}

export type ImportedShape =
  | { kind: 'polygon'; name?: string; outer: ShapePoint[]; holes: ShapePoint[][] }
  | { kind: 'line'; name?: string; points: ShapePoint[] }
  | { kind: 'point'; name?: string; point: ShapePoint };

/** Rings in files repeat the first vertex at the end; the model stores each vertex once. */
export function openRing(ring: ShapePoint[]): ShapePoint[] {
  if (ring.length < 2) return ring;
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a.lat === b.lat && a.lon === b.lon ? ring.slice(0, -1) : ring;
}

export function validLatLon(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}
