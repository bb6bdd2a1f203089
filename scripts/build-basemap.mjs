#!/usr/bin/env node
// Builds the offline basemap (resources/basemap/*.geojson) from Natural Earth via world-atlas.
// The output is committed, so the app never needs this step (or any network) at runtime.
// Run: node scripts/build-basemap.mjs
//
// Why GeoJSON and not the TopoJSON itself: MapLibre reads GeoJSON sources directly, so the renderer
// needs no decoder. Why rounding: Natural Earth 1:50m is accurate to roughly a kilometre, so five or
// more decimals (about a metre) only make the files bigger.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// topojson-client ships a UMD bundle as "main"; require() avoids guessing its ESM named exports.
const topojson = require('topojson-client');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ATLAS = join(ROOT, 'node_modules', 'world-atlas');
const OUT = join(ROOT, 'resources', 'basemap');

/** 4 decimals = about 11 m at the equator: far below the source's own accuracy. */
const DECIMALS = 4;
const SCALE = 10 ** DECIMALS;
/** Keep the bundle small: the app ships these files in every build. */
const MAX_TOTAL_BYTES = 2 * 1024 * 1024;

function round(v) {
  return Math.round(v * SCALE) / SCALE;
}

/** Rounds a line and drops points that rounding made identical to their predecessor. */
function roundLine(points) {
  const out = [];
  for (const [lon, lat] of points) {
    const p = [round(lon), round(lat)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out;
}

/** A ring must stay closed and have at least 4 positions, or MapLibre rejects/ignores it. */
function roundRing(ring) {
  const out = roundLine(ring);
  if (out.length < 4) return null;
  const first = out[0];
  const last = out[out.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  return out;
}

function roundPolygon(rings) {
  const outer = roundRing(rings[0]);
  if (!outer) return null;
  const holes = rings.slice(1).map(roundRing).filter(Boolean);
  return [outer, ...holes];
}

/** Flattens any polygonal geometry into one MultiPolygon's coordinates. */
function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

function linesOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

function readTopology(name) {
  return JSON.parse(readFileSync(join(ATLAS, name), 'utf8'));
}

/** Land as one feature per polygon: smaller tiles for geojson-vt than one huge MultiPolygon. */
function buildLand(topologyFile) {
  const topo = readTopology(topologyFile);
  const land = topojson.feature(topo, topo.objects.land);
  const geometries = land.type === 'FeatureCollection' ? land.features.map((f) => f.geometry) : [land.geometry];
  const features = geometries
    .flatMap(polygonsOf)
    .map(roundPolygon)
    .filter(Boolean)
    .map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }));
  return { type: 'FeatureCollection', features };
}

/** Shared borders only (a !== b): coastlines come from the land outline, not from here. */
function buildBorders(topologyFile) {
  const topo = readTopology(topologyFile);
  const mesh = topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b);
  const lines = linesOf(mesh)
    .map(roundLine)
    .filter((l) => l.length >= 2);
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: lines } }],
  };
}

function write(name, collection) {
  const text = JSON.stringify(collection);
  writeFileSync(join(OUT, name), text);
  return text.length;
}

mkdirSync(OUT, { recursive: true });
const sizes = {
  'land-50m.geojson': write('land-50m.geojson', buildLand('land-50m.json')),
  'borders-50m.geojson': write('borders-50m.geojson', buildBorders('countries-50m.json')),
};
const total = Object.values(sizes).reduce((a, b) => a + b, 0);
for (const [name, bytes] of Object.entries(sizes)) console.log(`${name}: ${(bytes / 1024).toFixed(0)} KiB`);
console.log(`total: ${(total / 1024).toFixed(0)} KiB`);
if (total > MAX_TOTAL_BYTES) {
  console.error(`basemap is ${total} bytes, over the ${MAX_TOTAL_BYTES} byte budget`);
  process.exit(1);
}
