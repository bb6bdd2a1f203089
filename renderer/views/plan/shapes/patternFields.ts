// The pattern form's fields per kind, with units and ranges, and reading/writing them in a spec.
// Pure, so the form is a loop over data and the ranges are testable. The ranges sit inside the
// pattern schema's (shared/planning/pattern-schema), which has the last word before anything is added.
import type { PatternSpec, TrackSpacing } from '../../../../shared/planning';
import type { MessageKey } from '../../../i18n/en';

export type Unit = 'm' | 'deg' | 's' | 'mm' | 'pct' | 'mps' | 'none';

export type Field =
  | { type: 'number'; key: string; label: MessageKey; unit: Unit; min: number; max: number; step: number; int?: boolean; optional?: boolean }
  | { type: 'choice'; key: string; label: MessageKey; choices: ReadonlyArray<{ value: string; label: MessageKey }> }
  | { type: 'bool'; key: string; label: MessageKey };

const num = (key: string, label: MessageKey, unit: Unit, min: number, max: number, step = 1, more: { int?: boolean; optional?: boolean } = {}): Field => ({ type: 'number', key, label, unit, min, max, step, ...more });
const LAP_MODE: Field = { type: 'choice', key: 'lapMode', label: 'plan.field.lapMode', choices: [{ value: 'doJump', label: 'plan.choice.doJump' }, { value: 'repeat', label: 'plan.choice.repeat' }] };
const LAPS = num('laps', 'plan.field.laps', 'none', 1, 100, 1, { int: true });
const COMMON: Field[] = [num('altM', 'plan.field.altM', 'm', 2, 1000), num('speedMps', 'plan.field.speedMps', 'mps', 0.5, 40, 0.5, { optional: true })];

export const CAMERA_DEFAULT: TrackSpacing = { mode: 'camera', sensorWidthMm: 13.2, focalLengthMm: 8.8, sideOverlapPct: 30 };
export const DIRECT_DEFAULT: TrackSpacing = { mode: 'direct', spacingM: 40 };

export function fieldsFor(spec: PatternSpec): Field[] {
  switch (spec.kind) {
    case 'parallelTrack':
      return [
        ...COMMON,
        { type: 'choice', key: 'spacing.mode', label: 'plan.field.spacingMode', choices: [{ value: 'direct', label: 'plan.choice.direct' }, { value: 'camera', label: 'plan.choice.camera' }] },
        ...(spec.spacing.mode === 'direct'
          ? [num('spacing.spacingM', 'plan.field.spacingM', 'm', 1, 2000)]
          : [num('spacing.sensorWidthMm', 'plan.field.sensorWidthMm', 'mm', 0.1, 100, 0.1), num('spacing.focalLengthMm', 'plan.field.focalLengthMm', 'mm', 0.1, 1000, 0.1), num('spacing.sideOverlapPct', 'plan.field.sideOverlapPct', 'pct', 0, 95)]),
        num('trackDeg', 'plan.field.trackDeg', 'deg', 0, 359, 1, { optional: true }),
      ];
    case 'patrolPerimeter':
      return [...COMMON, num('offsetM', 'plan.field.offsetM', 'm', -1000, 1000), { type: 'choice', key: 'direction', label: 'plan.field.direction', choices: [{ value: 'cw', label: 'plan.choice.cw' }, { value: 'ccw', label: 'plan.choice.ccw' }] }, LAPS, LAP_MODE];
    case 'overwatch':
      return [
        ...COMMON,
        num('orbitRadiusM', 'plan.field.orbitRadiusM', 'm', 0, 2000),
        num('standOffM', 'plan.field.standOffM', 'm', 0, 2000),
        num('minAltM', 'plan.field.minAltM', 'm', 0, 1000),
        num('timeOnStationS', 'plan.field.timeOnStationS', 's', 0, 7200, 10),
        num('rotations', 'plan.field.rotations', 'none', 1, 100, 1, { int: true }),
        LAP_MODE,
      ];
    case 'patrolLine':
      return [...COMMON, LAPS, LAP_MODE, { type: 'bool', key: 'outAndBack', label: 'plan.field.outAndBack' }];
    case 'expandingSquare':
      return [...COMMON, num('spacingM', 'plan.field.trackSpacingM', 'm', 1, 2000), num('legs', 'plan.field.legs', 'none', 1, 200, 1, { int: true }), num('firstLegDeg', 'plan.field.firstLegDeg', 'deg', 0, 359)];
    case 'sectorSearch':
      return [...COMMON, num('radiusM', 'plan.field.radiusM', 'm', 10, 10_000), num('passes', 'plan.field.passes', 'none', 1, 12, 1, { int: true }), num('firstLegDeg', 'plan.field.firstLegDeg', 'deg', 0, 359)];
    case 'creepingLine':
      return [
        ...COMMON,
        num('creepDeg', 'plan.field.creepDeg', 'deg', 0, 359),
        num('legLengthM', 'plan.field.legLengthM', 'm', 10, 20_000),
        num('spacingM', 'plan.field.trackSpacingM', 'm', 1, 2000),
        num('legs', 'plan.field.legs', 'none', 1, 200, 1, { int: true }),
        { type: 'choice', key: 'firstTurn', label: 'plan.field.firstTurn', choices: [{ value: 'right', label: 'plan.choice.right' }, { value: 'left', label: 'plan.choice.left' }] },
      ];
  }
}

type Bag = Record<string, unknown>;

export function getField(spec: PatternSpec, key: string): unknown {
  const [a, b] = key.split('.');
  const v = (spec as unknown as Bag)[a];
  return b === undefined ? v : (v as Bag | undefined)?.[b];
}

/**
 * The spec with one field changed. `undefined` removes an optional field (an empty speed keeps the
 * mission's cruise speed; an empty track angle lets the generator pick the fewest turns). Changing the
 * spacing mode starts that mode's fields from a typical camera or a 40 m spacing.
 */
export function setField(spec: PatternSpec, key: string, value: unknown): PatternSpec {
  const [a, b] = key.split('.');
  const out = { ...(spec as unknown as Bag) };
  if (key === 'spacing.mode') out.spacing = value === 'camera' ? { ...CAMERA_DEFAULT } : { ...DIRECT_DEFAULT };
  else if (b !== undefined) out[a] = { ...(out[a] as Bag), [b]: value };
  else if (value === undefined) delete out[a];
  else out[a] = value;
  return out as unknown as PatternSpec;
}

/** A typed number as the field's value: '' is "not set" for optional fields, anything unreadable is NaN (the form says so). */
export function parseNumber(text: string, f: Extract<Field, { type: 'number' }>): number | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return f.optional ? undefined : Number.NaN;
  const n = Number(t);
  if (!Number.isFinite(n) || n < f.min || n > f.max || (f.int && !Number.isInteger(n))) return Number.NaN;
  return n;
}
