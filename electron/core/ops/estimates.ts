// Figures the autopilot does not send but a crew asks for: how long each drone has been flying
// (since it armed, as the station saw it, so every browser shows the same) and how long its battery
// lasts at the rate it has been draining over the last minute or so.
import type { VehicleEstimate } from '../../../shared/contract/ops-types';
import type { VehicleSnapshot } from '../../../shared/contract/types';

/** Samples older than this are forgotten: the recent rate, not the climb-out's, predicts the rest. */
const WINDOW_MS = 90_000;
/** Below this span a percent or two of jitter would give wild estimates. */
const MIN_SPAN_MS = 20_000;

interface Track {
  armedSinceMs: number | null;
  samples: Array<{ tMs: number; pct: number }>;
}

export class FlightEstimates {
  private readonly byKey = new Map<string, Track>();

  update(vehicles: readonly VehicleSnapshot[], nowMs: number): VehicleEstimate[] {
    const out: VehicleEstimate[] = [];
    for (const v of vehicles) {
      let tr = this.byKey.get(v.key);
      if (!tr) this.byKey.set(v.key, (tr = { armedSinceMs: null, samples: [] }));
      if (v.armed && tr.armedSinceMs === null) tr.armedSinceMs = nowMs;
      if (!v.armed) {
        tr.armedSinceMs = null;
        tr.samples = [];
      }
      if (v.armed && v.batteryPct !== null && !v.linkLost) tr.samples.push({ tMs: nowMs, pct: v.batteryPct });
      while (tr.samples.length > 0 && nowMs - tr.samples[0].tMs > WINDOW_MS) tr.samples.shift();
      out.push({ key: v.key, armedSinceMs: tr.armedSinceMs, batteryTimeLeftS: timeLeftS(tr.samples) });
    }
    return out;
  }
}

/** Seconds until 0 % at the least-squares drain rate of the samples; null when it cannot be told. */
export function timeLeftS(samples: ReadonlyArray<{ tMs: number; pct: number }>): number | null {
  if (samples.length < 3) return null;
  const span = samples[samples.length - 1].tMs - samples[0].tMs;
  if (span < MIN_SPAN_MS) return null;
  const n = samples.length;
  const mt = samples.reduce((a, s) => a + s.tMs, 0) / n;
  const mp = samples.reduce((a, s) => a + s.pct, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.tMs - mt) * (s.pct - mp);
    den += (s.tMs - mt) ** 2;
  }
  const slopePerMs = den === 0 ? 0 : num / den;
  if (slopePerMs >= 0) return null;
  const last = samples[n - 1].pct;
  return Math.max(0, Math.round(last / -slopePerMs / 1000));
}
