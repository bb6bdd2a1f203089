// The ops area's benchmarks, run by bench/run.ts. 20 simulated drones (the demo patrol, their normal
// stream rates) against a whole station (publishers, the ops monitor with traffic and alerts):
//  - station CPU per second of telemetry, beside a bare LiveSession (links + decoding + reducers) on
//    the same simulator in the same run: the ratio is the station's own overhead;
//  - station heap growth over a run (OPS_BENCH_MINUTES, default 1; 10 for the soak figure);
//  - Chromium script time per frame (p95 over 100 ms windows) of the Fly view with the 20 drones and
//    the helicopter, beside the same page with no vehicles.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GroundStation } from '../../electron/core/station';
import { systemClock } from '../../electron/core/protocol/port';
import { LiveSession } from '../../electron/core/station-parts/live-session';
import { startServer } from '../../electron/server/server';
import { launchChromium } from '../../test/support/browser';
import type { BenchRow } from '../table';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const SIM = join(ROOT, 'electron/core/sim/main.ts');
const VEHICLES = 20;
const CPU_WINDOW_S = 10;
const SOAK_MINUTES = Number(process.env.OPS_BENCH_MINUTES ?? '1');
const pilot = { role: 'pilot' as const, name: 'bench' };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, probe: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** CPU (user + system) of this process over `seconds`, in ms per second. */
async function cpuMsPerS(seconds: number): Promise<number> {
  const before = process.cpuUsage();
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000 / ((performance.now() - t0) / 1000);
}

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

interface StationRun {
  stationCpu: number;
  baselineCpu: number;
  heapStartMb: number;
  heapEndMb: number;
}

let stationRun: Promise<StationRun> | null = null;

async function baselineCpu(): Promise<number> {
  // The same simulator the station would start (demo patrol, UDP), heard by a bare session.
  const session = new LiveSession({ sysid: 255, clock: systemClock });
  const link = await session.links.open('udp:127.0.0.1:0');
  const port = link.spec.slice(link.spec.lastIndexOf(':') + 1);
  session.start();
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', SIM, '--udp', `127.0.0.1:${port}`, '--vehicles', String(VEHICLES), '--demo'], { cwd: ROOT, stdio: 'ignore' });
  try {
    await until('20 vehicles (baseline)', () => session.fleet.size === VEHICLES);
    await sleep(3000);
    return await cpuMsPerS(CPU_WINDOW_S);
  } finally {
    child.kill('SIGKILL');
    await session.close();
  }
}

function runStation(): Promise<StationRun> {
  stationRun ??= (async () => {
    const baseline = await baselineCpu();
    const station = new GroundStation({ host: 'server' });
    await station.start();
    let vehicles = 0;
    station.subscribe((name, p) => {
      if (name === 'vehicles') vehicles = Math.max(vehicles, (p as { vehicles: unknown[] }).vehicles.length);
    });
    try {
      await station.startSimulator({ vehicles: VEHICLES }, pilot);
      await until('20 vehicles (station)', () => station.live.fleet.size === VEHICLES);
      await sleep(3000);
      const heapStartMb = heapMb();
      const stationCpu = await cpuMsPerS(CPU_WINDOW_S);
      await sleep(Math.max(0, SOAK_MINUTES * 60 - CPU_WINDOW_S) * 1000);
      const heapEndMb = heapMb();
      return { stationCpu, baselineCpu: baseline, heapStartMb, heapEndMb };
    } finally {
      await station.close();
    }
  })();
  return stationRun;
}

async function stationCpuRow(): Promise<BenchRow> {
  const r = await runStation();
  return {
    name: `ops: station CPU, ${VEHICLES} simulated drones`,
    value: r.stationCpu,
    unit: 'ms CPU/s',
    baselineName: 'bare LiveSession, same stream',
    baseline: r.baselineCpu,
    lowerIsBetter: true,
    target: '< 250 ms/s (a quarter of a core)',
    pass: r.stationCpu < 250,
  };
}

async function stationMemoryRow(): Promise<BenchRow> {
  const r = await runStation();
  const growth = r.heapEndMb - r.heapStartMb;
  return {
    name: `ops: station heap growth over ${SOAK_MINUTES} min, ${VEHICLES} drones`,
    value: growth,
    unit: 'MB',
    baselineName: 'heap after warm-up',
    baseline: r.heapStartMb,
    lowerIsBetter: true,
    target: '< 10 MB (flat)',
    pass: growth < 10,
  };
}

/** p95 over 100 ms windows of (script ms / frames), from CDP's cumulative ScriptDuration. */
async function scriptPerFrameP95(withVehicles: boolean): Promise<number> {
  const staticDir = join(ROOT, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first');
  const station = new GroundStation({ host: 'server', simulatorCommand: [process.execPath, '--import', 'tsx', SIM, '--helicopter'] });
  await station.start();
  const server = await startServer({ station, port: 0, staticDir });
  const browser = await launchChromium({ lang: 'en-US' });
  try {
    if (withVehicles) {
      await station.startSimulator({ vehicles: VEHICLES }, pilot);
      await until('20 vehicles (browser)', () => station.live.fleet.size === VEHICLES);
    }
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(server.url);
    if (withVehicles) await page.waitForFunction(`document.querySelectorAll('[data-testid="vehicle-marker"]').length === ${VEHICLES}`, undefined, { timeout: 30_000 });
    await sleep(3000);
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    await page.evaluate('window.frames_ = 0; (function tick() { window.frames_++; requestAnimationFrame(tick); })();');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const sample = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const script = metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
      const frames = (await page.evaluate('window.frames_')) as number;
      return { scriptMs: script * 1000, frames };
    };
    const perFrame: number[] = [];
    let prev = await sample();
    const end = Date.now() + 10_000;
    while (Date.now() < end) {
      await sleep(100);
      const cur = await sample();
      const frames = cur.frames - prev.frames;
      if (frames > 0) perFrame.push((cur.scriptMs - prev.scriptMs) / frames);
      prev = cur;
    }
    perFrame.sort((a, b) => a - b);
    return perFrame[Math.floor(perFrame.length * 0.95)] ?? Number.NaN;
  } finally {
    await browser.close();
    await server.close();
    await station.close();
  }
}

async function browserRow(): Promise<BenchRow> {
  const idle = await scriptPerFrameP95(false);
  const busy = await scriptPerFrameP95(true);
  return {
    name: `ops: Chromium script per frame p95, ${VEHICLES} drones + helicopter`,
    value: busy,
    unit: 'ms',
    baselineName: 'same page, no vehicles',
    baseline: idle,
    lowerIsBetter: true,
    target: '< 8 ms',
    pass: busy < 8,
  };
}

export const opsBenches: Array<() => Promise<BenchRow>> = [stationCpuRow, stationMemoryRow, browserRow];
