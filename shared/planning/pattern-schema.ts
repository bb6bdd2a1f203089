// Zod schemas for pattern specs: a .plan file is untrusted input, so a pattern read back from one is
// checked field by field (finite numbers, sane ranges, bounded sizes) before anything is generated.

import { z } from 'zod';
import type { PatternInstance } from './patterns';

// Not strict: a vertex carrying extra keys (an altitude from a map file) is still a vertex; they are dropped.
const latLon = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
const ring = z.array(latLon).min(3).max(10_000);
const count = (max: number) => z.number().int().min(1).max(max);
const metres = (min: number, max: number) => z.number().min(min).max(max);
const lapMode = z.enum(['doJump', 'repeat']);
const deg = z.number().min(-360).max(360);

const common = {
  altM: metres(-500, 10_000),
  speedMps: metres(0.1, 100).optional(),
  roi: latLon.optional(),
};

const spacing = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('direct'), spacingM: metres(1, 10_000) }).strict(),
  z.object({ mode: z.literal('camera'), sensorWidthMm: metres(0.1, 100), focalLengthMm: metres(0.1, 1000), sideOverlapPct: metres(0, 95) }).strict(),
]);

export const patternSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patrolLine'), ...common, points: z.array(latLon).min(2).max(10_000), laps: count(1000), lapMode, outAndBack: z.boolean() }).strict(),
  z.object({ kind: z.literal('patrolPerimeter'), ...common, polygon: ring, offsetM: metres(-10_000, 10_000), direction: z.enum(['cw', 'ccw']), laps: count(1000), lapMode }).strict(),
  z.object({ kind: z.literal('parallelTrack'), ...common, polygon: ring, holes: z.array(ring).max(1000), spacing, trackDeg: deg.optional() }).strict(),
  z.object({ kind: z.literal('creepingLine'), ...common, start: latLon, creepDeg: deg, legLengthM: metres(1, 100_000), spacingM: metres(1, 10_000), legs: count(1000), firstTurn: z.enum(['left', 'right']) }).strict(),
  z.object({ kind: z.literal('expandingSquare'), ...common, datum: latLon, firstLegDeg: deg, spacingM: metres(1, 10_000), legs: count(1000) }).strict(),
  z.object({ kind: z.literal('sectorSearch'), ...common, datum: latLon, firstLegDeg: deg, radiusM: metres(1, 100_000), passes: count(12) }).strict(),
  z.object({
    kind: z.literal('overwatch'), ...common, crowd: ring, stations: z.array(latLon).min(1).max(1000),
    orbitRadiusM: metres(0, 10_000), standOffM: metres(0, 10_000), minAltM: metres(-500, 10_000),
    timeOnStationS: metres(0, 86_400), rotations: count(1000), lapMode,
  }).strict(),
]);

export const patternInstanceSchema: z.ZodType<PatternInstance> = z
  .object({
    id: z.string().min(1).max(100),
    spec: patternSpecSchema,
    firstIndex: z.number().int().min(0),
    itemCount: z.number().int().min(0),
  })
  .strict();
