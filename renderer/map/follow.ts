// Follow mode: keep the selected vehicle centred with short eases. jumpTo on every telemetry frame
// looks like stutter; a long ease never catches up with a moving vehicle.

/** Closer than this to the centre, moving the camera is not worth a repaint. */
export const FOLLOW_DEADBAND_PX = 2;
/** About one telemetry interval at 5 Hz, so each ease ends as the next position arrives. */
export const FOLLOW_EASE_MS = 200;
/** A first jump across the map (follow just turned on, far away) gets a longer, readable ease. */
export const FOLLOW_LONG_EASE_MS = 600;

export type FollowAction = { kind: 'none' } | { kind: 'ease'; durationMs: number };

/**
 * What the camera should do for a vehicle `distancePx` from the centre of a `viewportPx`-wide view.
 * `userMoving` is true while a person drags or zooms: never fight their hand.
 */
export function followAction(distancePx: number, viewportPx: number, userMoving: boolean): FollowAction {
  if (userMoving || !Number.isFinite(distancePx) || distancePx < FOLLOW_DEADBAND_PX) return { kind: 'none' };
  const far = distancePx > viewportPx / 2;
  return { kind: 'ease', durationMs: far ? FOLLOW_LONG_EASE_MS : FOLLOW_EASE_MS };
}
