// The plan area's benchmarks, run by bench/run.ts.
import { destinationPoint } from '../../shared/geo/bearing';
import { compilePattern, parallelTrack, type ParallelTrackSpec } from '../../shared/planning';
import type { BenchRow } from '../table';
import { planDragBenches } from './plan-drag';

/** A 2 km2 L-shaped field (concave) with a pond in it, near Hong Kong. */
function field(): ParallelTrackSpec {
  const sw = { lat: 22.3, lon: 114.17 };
  const at = (eM: number, nM: number) => destinationPoint(destinationPoint(sw, 90, eM), 0, nM);
  // 1600 x 1500 minus a 400 x 1000 bite = 2.0 km2, minus a 100 x 100 pond.
  const polygon = [at(0, 0), at(1600, 0), at(1600, 500), at(1200, 500), at(1200, 1500), at(0, 1500)];
  const hole = [at(300, 300), at(400, 300), at(400, 400), at(300, 400)];
  return { kind: 'parallelTrack', altM: 60, polygon, holes: [hole], spacing: { mode: 'direct', spacingM: 10 } };
}

function medianMs(run: () => void, reps: number): number {
  for (let i = 0; i < 5; i++) run(); // warm the JIT
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    run();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)];
}

async function benchParallelTrack(): Promise<BenchRow> {
  const spec = { ...field(), trackDeg: 90 };
  const ms = medianMs(() => parallelTrack(spec), 50);
  return { name: 'plan: parallel track, 2 km2 concave+hole, 10 m spacing (median)', value: ms, unit: 'ms', lowerIsBetter: true, target: '< 5 ms', pass: ms < 5 };
}

async function benchParallelTrackAuto(): Promise<BenchRow> {
  const spec = field();
  const ms = medianMs(() => compilePattern(spec, { firstSeq: 1 }), 50);
  // Baseline: the same track with its angle given, so the ratio is the cost of choosing the angle and compiling items.
  const base = medianMs(() => parallelTrack({ ...spec, trackDeg: 90 }), 50);
  return {
    name: 'plan: same, fewest-turns angle + compile to items',
    value: ms,
    unit: 'ms',
    baselineName: 'angle given, no compile',
    baseline: base,
    lowerIsBetter: true,
    target: '< 5 ms',
    pass: ms < 5,
  };
}

export const planBenches: Array<() => Promise<BenchRow>> = [benchParallelTrack, benchParallelTrackAuto, ...planDragBenches];
