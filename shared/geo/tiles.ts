// Web-mercator tile arithmetic (XYZ, y from the north; TMS and MBTiles count rows from the south) and
// the set of tiles an area needs at a zoom: the bounding box's tiles, kept when the tile touches the
// polygon (a corner inside, the tile centre inside it, or an edge crossing). A prefetch of a long thin
// search strip then fetches the strip, not its whole bounding box.

export interface TileXyz {
  z: number;
  x: number;
  y: number;
}

export interface LatLonPoint {
  lat: number;
  lon: number;
}

export const MAX_MERCATOR_LAT = 85.0511287798066;
export const MAX_TILE_ZOOM = 22;

export function lonToTileX(lon: number, z: number): number {
  const n = 2 ** z;
  return Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
}

export function latToTileY(lat: number, z: number): number {
  const n = 2 ** z;
  const φ = (Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * Math.PI) / 180;
  return Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(φ) + 1 / Math.cos(φ)) / Math.PI) / 2) * n)));
}

/** The tile's edges in degrees. */
export function tileBounds(t: TileXyz): { west: number; east: number; north: number; south: number } {
  const n = 2 ** t.z;
  const lat = (y: number): number => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return { west: (t.x / n) * 360 - 180, east: ((t.x + 1) / n) * 360 - 180, north: lat(t.y), south: lat(t.y + 1) };
}

/** XYZ row <-> TMS row (the same flip both ways). */
export function flipY(z: number, y: number): number {
  return 2 ** z - 1 - y;
}

export function validTile(t: TileXyz): boolean {
  return Number.isInteger(t.z) && Number.isInteger(t.x) && Number.isInteger(t.y) && t.z >= 0 && t.z <= MAX_TILE_ZOOM && t.x >= 0 && t.y >= 0 && t.x < 2 ** t.z && t.y < 2 ** t.z;
}

export function pointInPolygon(p: LatLonPoint, poly: readonly LatLonPoint[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.lat > p.lat !== b.lat > p.lat && p.lon < ((b.lon - a.lon) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lon) inside = !inside;
  }
  return inside;
}

function segmentsCross(p1: LatLonPoint, p2: LatLonPoint, p3: LatLonPoint, p4: LatLonPoint): boolean {
  const d = (a: LatLonPoint, b: LatLonPoint, c: LatLonPoint): number => (b.lon - a.lon) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lon - a.lon);
  const d1 = d(p3, p4, p1);
  const d2 = d(p3, p4, p2);
  const d3 = d(p1, p2, p3);
  const d4 = d(p1, p2, p4);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function tileTouchesPolygon(t: TileXyz, poly: readonly LatLonPoint[]): boolean {
  const b = tileBounds(t);
  const corners = [
    { lat: b.north, lon: b.west },
    { lat: b.north, lon: b.east },
    { lat: b.south, lon: b.east },
    { lat: b.south, lon: b.west },
  ];
  if (corners.some((c) => pointInPolygon(c, poly))) return true;
  if (poly.some((p) => p.lat <= b.north && p.lat >= b.south && p.lon >= b.west && p.lon <= b.east)) return true;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const c = poly[(i + 1) % poly.length]!;
    for (let k = 0; k < 4; k++) if (segmentsCross(a, c, corners[k]!, corners[(k + 1) % 4]!)) return true;
  }
  return false;
}

/** Tiles of an area (polygon of at least 3 vertices) at zoom z, in row order. */
export function* tilesForArea(poly: readonly LatLonPoint[], z: number): Generator<TileXyz> {
  const lats = poly.map((p) => p.lat);
  const lons = poly.map((p) => p.lon);
  const x0 = lonToTileX(Math.min(...lons), z);
  const x1 = lonToTileX(Math.max(...lons), z);
  const y0 = latToTileY(Math.max(...lats), z);
  const y1 = latToTileY(Math.min(...lats), z);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const t = { z, x, y };
      if (tileTouchesPolygon(t, poly)) yield t;
    }
  }
}

export function countTilesForArea(poly: readonly LatLonPoint[], minZoom: number, maxZoom: number, limit = Number.POSITIVE_INFINITY): number {
  let n = 0;
  for (let z = minZoom; z <= maxZoom; z++) {
    for (const _t of tilesForArea(poly, z)) {
      if (++n >= limit) return n;
    }
  }
  return n;
}

/** A view's bounds as the polygon the prefetch takes. */
export function boundsPolygon(b: { west: number; south: number; east: number; north: number }): LatLonPoint[] {
  return [
    { lat: b.south, lon: b.west },
    { lat: b.north, lon: b.west },
    { lat: b.north, lon: b.east },
    { lat: b.south, lon: b.east },
  ];
}
