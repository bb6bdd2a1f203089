// A mission as KML for Google Earth or a helicopter crew's moving map: the route as one LineString,
// a placemark per waypoint (extruded to the ground so height reads at a glance), home, fence, rally.

import { circleVertices } from '../geo/bearing';
import { altMslM, commandName, routePoints, type RoutePoint } from './route';
import type { Plan } from './types';

type KmlAltitudeMode = 'absolute' | 'relativeToGround' | 'clampToGround';

function esc(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/**
 * One altitude mode for the whole route (KML has one per LineString): absolute when every point's
 * MSL altitude is known, otherwise height above ground (relative-to-home read as above-ground is the
 * usual and honest approximation when home is unknown).
 */
function routeAltitudes(points: RoutePoint[], plan: Plan): { mode: KmlAltitudeMode; alts: number[] } {
  const msl = points.map((p) => altMslM(p, plan));
  if (msl.every((a) => a !== undefined)) return { mode: 'absolute', alts: msl as number[] };
  return { mode: 'relativeToGround', alts: points.map((p) => p.altM) };
}

const coord = (lat: number, lon: number, alt: number): string => `${lon},${lat},${alt}`;

function ringKml(vertices: Array<{ lat: number; lon: number }>): string {
  const closed = [...vertices, vertices[0]];
  return `<Polygon><tessellate>1</tessellate><altitudeMode>clampToGround</altitudeMode><outerBoundaryIs><LinearRing><coordinates>${closed
    .map((v) => coord(v.lat, v.lon, 0))
    .join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon>`;
}

function fenceFolder(plan: Plan): string[] {
  const shapes: string[] = [];
  plan.fence.polygons.forEach((p, i) => {
    if (p.vertices.length < 3) return;
    const kind = p.inclusion ? 'inclusion' : 'exclusion';
    shapes.push(`<Placemark><name>Fence ${i + 1} (${kind})</name><styleUrl>#fence-${kind}</styleUrl>${ringKml(p.vertices)}</Placemark>`);
  });
  plan.fence.circles.forEach((c, i) => {
    const kind = c.inclusion ? 'inclusion' : 'exclusion';
    shapes.push(
      `<Placemark><name>Fence circle ${i + 1} (${kind}, ${c.radiusM} m)</name><styleUrl>#fence-${kind}</styleUrl>${ringKml(circleVertices(c.center, c.radiusM))}</Placemark>`,
    );
  });
  if (shapes.length === 0) return [];
  return ['<Folder><name>Geofence</name>', ...shapes, '</Folder>'];
}

function rallyFolder(plan: Plan): string[] {
  if (plan.rally.points.length === 0) return [];
  const marks = plan.rally.points.map(
    (p, i) => `<Placemark><name>Rally ${i + 1}</name><Point><altitudeMode>relativeToGround</altitudeMode><coordinates>${coord(p.lat, p.lon, p.altM)}</coordinates></Point></Placemark>`,
  );
  return ['<Folder><name>Rally points</name>', ...marks, '</Folder>'];
}

const STYLES = [
  '<Style id="route"><LineStyle><color>ff00a5ff</color><width>3</width></LineStyle></Style>',
  '<Style id="waypoint"><IconStyle><scale>0.8</scale></IconStyle><LineStyle><color>7f00a5ff</color></LineStyle></Style>',
  '<Style id="fence-inclusion"><LineStyle><color>ff00ff00</color><width>2</width></LineStyle><PolyStyle><fill>0</fill></PolyStyle></Style>',
  '<Style id="fence-exclusion"><LineStyle><color>ff0000ff</color><width>2</width></LineStyle><PolyStyle><color>400000ff</color></PolyStyle></Style>',
];

export function writeMissionKml(plan: Plan, opts: { name?: string } = {}): string {
  const points = routePoints(plan);
  const { mode, alts } = routeAltitudes(points, plan);
  const body: string[] = [...STYLES];
  const home = plan.mission.plannedHome;
  if (home) {
    body.push(`<Placemark><name>Home</name><Point><altitudeMode>absolute</altitudeMode><coordinates>${coord(home.lat, home.lon, home.altMslM)}</coordinates></Point></Placemark>`);
  }
  if (points.length >= 2) {
    body.push(
      `<Placemark><name>Route</name><styleUrl>#route</styleUrl><LineString><extrude>0</extrude><tessellate>1</tessellate><altitudeMode>${mode}</altitudeMode><coordinates>${points
        .map((p, i) => coord(p.lat, p.lon, alts[i]))
        .join(' ')}</coordinates></LineString></Placemark>`,
    );
  }
  if (points.length > 0) {
    body.push('<Folder><name>Waypoints</name>');
    points.forEach((p, i) => {
      const refText = p.altRef === 'msl' ? 'MSL' : p.altRef === 'terrain' ? 'above terrain' : 'above home';
      const desc = `${commandName(p.command)}, ${p.altM} m ${refText}`;
      body.push(
        `<Placemark><name>${p.index + 1}</name><description>${esc(desc)}</description><styleUrl>#waypoint</styleUrl><Point><extrude>1</extrude><altitudeMode>${mode}</altitudeMode><coordinates>${coord(p.lat, p.lon, alts[i])}</coordinates></Point></Placemark>`,
      );
    });
    body.push('</Folder>');
  }
  body.push(...fenceFolder(plan), ...rallyFolder(plan));
  const name = esc(opts.name ?? 'Mission');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n<name>${name}</name>\n${body.join('\n')}\n</Document>\n</kml>\n`;
}
