// Screen geometry of the altitude profile: the scales and the SVG path strings, kept out of the
// component so the drawing is plain data (and the component stays small).
import type { PlanProfile, PlanProfileSample, ProfileStatus } from '../../../../shared/terrain/plan-profile';

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Scales {
  x(distanceM: number): number;
  y(m: number): number;
  minM: number;
  maxM: number;
}

export function scalesFor(p: PlanProfile, box: ChartBox): Scales {
  const values: number[] = [];
  for (const s of p.samples) for (const v of [s.groundM, s.altM, s.ceilingM]) if (v !== null) values.push(v);
  let minM = values.length ? Math.min(...values) : 0;
  let maxM = values.length ? Math.max(...values) : 1;
  // A little air above and below, and never a zero range (a flat route over flat ground).
  const pad = Math.max(5, (maxM - minM) * 0.06);
  minM -= pad;
  maxM += pad;
  const w = Math.max(1, box.width - box.left - box.right);
  const h = Math.max(1, box.height - box.top - box.bottom);
  const total = p.totalM > 0 ? p.totalM : 1;
  return { x: (d) => box.left + (d / total) * w, y: (m) => box.top + (1 - (m - minM) / (maxM - minM)) * h, minM, maxM };
}

const f1 = (n: number): string => n.toFixed(1);

/** A line through the samples' values, broken where a value is unknown. */
export function linePath(samples: readonly PlanProfileSample[], value: (s: PlanProfileSample) => number | null, sc: Scales): string {
  let d = '';
  let pen = false;
  for (const s of samples) {
    const v = value(s);
    if (v === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${f1(sc.x(s.distanceM))},${f1(sc.y(v))}`;
    pen = true;
  }
  return d;
}

/** The ground as filled areas down to the chart's floor, one per stretch with data. */
export function groundPath(samples: readonly PlanProfileSample[], sc: Scales, floorY: number): string {
  let d = '';
  let run: PlanProfileSample[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const x0 = f1(sc.x(run[0]!.distanceM));
    const x1 = f1(sc.x(run[run.length - 1]!.distanceM));
    d += `M${x0},${f1(floorY)}` + run.map((s) => `L${f1(sc.x(s.distanceM))},${f1(sc.y(s.groundM!))}`).join('') + `L${x1},${f1(floorY)}Z`;
    run = [];
  };
  for (const s of samples) {
    if (s.groundM === null) flush();
    else run.push(s);
  }
  flush();
  return d;
}

/** The planned altitude split into stretches of one status: a segment is in violation when either end is. */
export function routePaths(samples: readonly PlanProfileSample[], sc: Scales): Array<{ status: ProfileStatus; d: string }> {
  const out: Array<{ status: ProfileStatus; d: string; end: number }> = [];
  for (let k = 1; k < samples.length; k++) {
    const a = samples[k - 1]!;
    const b = samples[k]!;
    if (a.altM === null || b.altM === null) continue;
    const status: ProfileStatus = a.status !== 'ok' ? a.status : b.status;
    const seg = `L${f1(sc.x(b.distanceM))},${f1(sc.y(b.altM))}`;
    const last = out[out.length - 1];
    if (last && last.status === status && last.end === k - 1) {
      last.d += seg;
      last.end = k;
    } else out.push({ status, d: `M${f1(sc.x(a.distanceM))},${f1(sc.y(a.altM))}${seg}`, end: k });
  }
  return out.map(({ status, d }) => ({ status, d }));
}

/**
 * Which item labels fit: every one in violation, the others when they clear the last label drawn.
 * `widths` are the labels' widths in pixels (centred on their x).
 */
export function labelled(xs: readonly number[], important: readonly boolean[], widths: readonly number[]): boolean[] {
  let lastRight = -Infinity;
  return xs.map((x, i) => {
    const half = (widths[i] ?? 0) / 2;
    if (important[i] || x - half >= lastRight + 4) {
      lastRight = x + half;
      return true;
    }
    return false;
  });
}

/** The sample nearest a distance along the route (samples are in distance order). */
export function nearestSample(samples: readonly PlanProfileSample[], distanceM: number): PlanProfileSample | undefined {
  let lo = 0;
  let hi = samples.length - 1;
  if (hi < 0) return undefined;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.distanceM < distanceM) lo = mid;
    else hi = mid;
  }
  const a = samples[lo]!;
  const b = samples[hi]!;
  return Math.abs(a.distanceM - distanceM) <= Math.abs(b.distanceM - distanceM) ? a : b;
}
