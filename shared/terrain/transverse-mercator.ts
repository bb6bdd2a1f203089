// Transverse Mercator both ways, by Krüger's series to fourth order in n (the form in Karney 2011 and
// PROJ's etmerc): sub-millimetre within a 6-degree zone, well under a metre several zones out, which
// is all a DEM needs. UTM and China's Gauss-Krüger grids are both this projection with different
// central meridians, scale and false easting. Web Mercator is here too, for DEMs cut from web maps.
const DEG = Math.PI / 180;

export interface TmParams {
  /** Ellipsoid: semi-major axis (m) and flattening. */
  a: number;
  f: number;
  lon0Deg: number;
  lat0Deg: number;
  k0: number;
  falseEastingM: number;
  falseNorthingM: number;
}

export interface Projection {
  /** Degrees -> grid metres. */
  forward(latDeg: number, lonDeg: number): { x: number; y: number };
  /** Grid metres -> degrees. */
  inverse(x: number, y: number): { lat: number; lon: number };
}

export const WGS84 = { a: 6378137, f: 1 / 298.257223563 };
/** CGCS2000 uses the GRS80 ellipsoid: 0.1 mm from WGS-84 at our scale, kept exact anyway. */
export const CGCS2000 = { a: 6378137, f: 1 / 298.257222101 };

export function transverseMercator(p: TmParams): Projection {
  const n = p.f / (2 - p.f);
  const n2 = n * n;
  const n3 = n2 * n;
  const n4 = n3 * n;
  const A = (p.a / (1 + n)) * (1 + n2 / 4 + n4 / 64);
  const alpha = [n / 2 - (2 * n2) / 3 + (5 * n3) / 16 + (41 * n4) / 180, (13 * n2) / 48 - (3 * n3) / 5 + (557 * n4) / 1440, (61 * n3) / 240 - (103 * n4) / 140, (49561 * n4) / 161280];
  const beta = [n / 2 - (2 * n2) / 3 + (37 * n3) / 96 - n4 / 360, n2 / 48 + n3 / 15 - (437 * n4) / 1440, (17 * n3) / 480 - (37 * n4) / 840, (4397 * n4) / 161280];
  const delta = [2 * n - (2 * n2) / 3 - 2 * n3 + (116 * n4) / 45, (7 * n2) / 3 - (8 * n3) / 5 - (227 * n4) / 45, (56 * n3) / 15 - (136 * n4) / 35, (4279 * n4) / 630];
  const e2n = (2 * Math.sqrt(n)) / (1 + n);
  const kA = p.k0 * A;
  const lon0 = p.lon0Deg * DEG;

  const xiEta = (latDeg: number, lonDeg: number): [number, number] => {
    const phi = latDeg * DEG;
    const dl = lonDeg * DEG - lon0;
    const s = Math.sin(phi);
    const t = Math.sinh(Math.atanh(s) - e2n * Math.atanh(e2n * s));
    const xi1 = Math.atan2(t, Math.cos(dl));
    const eta1 = Math.atanh(Math.sin(dl) / Math.sqrt(1 + t * t));
    let xi = xi1;
    let eta = eta1;
    for (let j = 1; j <= 4; j++) {
      xi += alpha[j - 1]! * Math.sin(2 * j * xi1) * Math.cosh(2 * j * eta1);
      eta += alpha[j - 1]! * Math.cos(2 * j * xi1) * Math.sinh(2 * j * eta1);
    }
    return [xi, eta];
  };
  // Northing of the origin latitude: zero for UTM and Gauss-Krüger, not for every user-defined grid.
  const y0 = kA * xiEta(p.lat0Deg, p.lon0Deg)[0];

  return {
    forward(latDeg, lonDeg) {
      const [xi, eta] = xiEta(latDeg, lonDeg);
      return { x: p.falseEastingM + kA * eta, y: p.falseNorthingM + kA * xi - y0 };
    },
    inverse(x, y) {
      const xi = (y - p.falseNorthingM + y0) / kA;
      const eta = (x - p.falseEastingM) / kA;
      let xi1 = xi;
      let eta1 = eta;
      for (let j = 1; j <= 4; j++) {
        xi1 -= beta[j - 1]! * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
        eta1 -= beta[j - 1]! * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
      }
      const chi = Math.asin(Math.sin(xi1) / Math.cosh(eta1));
      let phi = chi;
      for (let j = 1; j <= 4; j++) phi += delta[j - 1]! * Math.sin(2 * j * chi);
      return { lat: phi / DEG, lon: (lon0 + Math.atan2(Math.sinh(eta1), Math.cos(xi1))) / DEG };
    },
  };
}

/** EPSG:3857, the spherical Mercator of web maps (heights cut from web tiles come in it). */
export const webMercator: Projection = {
  forward: (lat, lon) => ({ x: 6378137 * lon * DEG, y: 6378137 * Math.log(Math.tan(Math.PI / 4 + (lat * DEG) / 2)) }),
  inverse: (x, y) => ({ lat: (2 * Math.atan(Math.exp(y / 6378137)) - Math.PI / 2) / DEG, lon: x / 6378137 / DEG }),
};
