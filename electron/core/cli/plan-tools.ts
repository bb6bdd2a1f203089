// `gcs plan-pattern` (add a search/patrol pattern to a .plan) and `gcs plan-check` (run the plan checks).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { checkPlan, insertPattern, patternSpecSchema, patternStats, readPlanFile as readPatternPlan, writePlanFile as patternPlanText, type CheckContext } from '../../../shared/planning';
import { emptyPlan } from '../../../shared/plan/types';
import { TerrainModel } from '../../../shared/terrain/model';
import { loadTerrainFolder } from '../maps/terrain-store';
import { errorText, parseOptions, UsageError } from './options';
import { PLAN_FILE_MAX_BYTES, writePlanFile } from './plan-files';

export const PATTERN_USAGE = `Usage: gcs plan-pattern SPEC.json --out FILE.plan [--into FILE.plan] [--home lat,lon,altMsl] [--id NAME] [--json]
  SPEC.json is one pattern: {"kind":"parallelTrack"|"patrolLine"|"patrolPerimeter"|"creepingLine"|
  "expandingSquare"|"sectorSearch"|"overwatch", ...}. It is added at the end of --into (else a new plan)
  and kept in the file so the pattern can be edited again. Exit 0 written, 2 bad arguments or input.
`;

export const CHECK_USAGE = `Usage: gcs plan-check FILE.plan [--terrain FOLDER] [--ceiling M] [--max-distance M] [--endurance S] [--reserve PCT] [--speed MPS] [--json]
  Lists the plan's problems (ceiling, fences, distance, flight time, jumps ...). With --terrain (a folder
  of SRTM .hgt / GeoTIFF tiles, like the station's terrain/) heights are measured above the ground and
  every leg is checked against it; without, the ceiling is measured above home. Exit 0 no errors,
  1 errors found, 2 bad arguments or unreadable file.
`;

/** The ground from a folder of tiles, as the station loads its own; tiles it cannot read are said on stderr. */
function terrainFrom(folder: string): CheckContext['groundElevationMslM'] {
  const model = new TerrainModel();
  const report = loadTerrainFolder(model, folder);
  for (const e of report.errors) process.stderr.write(`gcs plan-check: ${e.file}: ${e.message.en}\n`);
  if (report.tiles.length === 0) {
    process.stderr.write(`gcs plan-check: no terrain tiles in ${folder}; heights are measured above home\n`);
    return undefined;
  }
  return model.groundElevationMslM;
}

async function readText(path: string): Promise<string> {
  try {
    const bytes = await readFile(path);
    if (bytes.length > PLAN_FILE_MAX_BYTES) throw new UsageError(`${path} is too large`);
    return bytes.toString('utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

function parseHome(text: string): { lat: number; lon: number; altMslM: number } {
  const parts = text.split(',').map(Number);
  const [lat, lon, alt] = parts;
  if (parts.length !== 3 || !parts.every(Number.isFinite) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new UsageError(`--home: "${text}" must be lat,lon,altMsl`);
  }
  return { lat, lon, altMslM: alt };
}

export async function runPlanPattern(argv: string[]): Promise<number> {
  try {
    const parsed = parseOptions(argv, { '--out': 'string', '--into': 'string', '--home': 'string', '--id': 'string', '--json': 'flag' });
    if (parsed === 'help') {
      process.stdout.write(PATTERN_USAGE);
      return 0;
    }
    const [specPath, extra] = parsed.positionals;
    if (!specPath) throw new UsageError('SPEC.json is required');
    if (extra) throw new UsageError(`unexpected "${extra}"`);
    const out = parsed.values['--out'];
    if (typeof out !== 'string' || !out.toLowerCase().endsWith('.plan')) throw new UsageError('--out FILE.plan is required');
    let raw: unknown;
    try {
      raw = JSON.parse(await readText(specPath));
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`${specPath} is not JSON (${errorText(err)})`);
    }
    const spec = patternSpecSchema.safeParse(raw);
    if (!spec.success) throw new UsageError(`${specPath}: ${z.prettifyError(spec.error).replace(/\n/g, '; ')}`);
    const into = parsed.values['--into'];
    const base = typeof into === 'string' ? readPatternPlan(await readText(into)) : { plan: emptyPlan(), patterns: [], dropped: [] };
    for (const d of base.dropped) process.stderr.write(`gcs plan-pattern: ${d.reason.en}\n`);
    const home = parsed.values['--home'];
    if (typeof home === 'string') base.plan.mission.plannedHome = parseHome(home);
    const id = typeof parsed.values['--id'] === 'string' ? parsed.values['--id'] : `${spec.data.kind}-${base.patterns.length + 1}`;
    const r = insertPattern(base.plan, base.patterns, id, spec.data);
    await writePlanFile(out, patternPlanText(r.plan, r.patterns));
    const stats = patternStats(spec.data, r.plan.mission.cruiseSpeedMps ?? 10);
    const added = r.patterns.find((p) => p.id === id);
    if (parsed.values['--json']) process.stdout.write(`${JSON.stringify({ id, items: added?.itemCount ?? 0, totalItems: r.plan.mission.items.length, ...stats })}\n`);
    else process.stdout.write(`${id}: ${added?.itemCount ?? 0} items (plan now ${r.plan.mission.items.length}); track ${(stats.trackM / 1000).toFixed(2)} km, area ${(stats.areaM2 / 1e6).toFixed(3)} km2, about ${(stats.timeS / 60).toFixed(1)} min\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`gcs plan-pattern: ${errorText(err)}\n${err instanceof UsageError ? `\n${PATTERN_USAGE}` : ''}`);
    return 2;
  }
}

export async function runPlanCheck(argv: string[]): Promise<number> {
  let ctx: CheckContext;
  let text: string;
  let json = false;
  try {
    const parsed = parseOptions(argv, {
      '--ceiling': { number: [1, 10_000] },
      '--max-distance': { number: [1, 1_000_000] },
      '--endurance': { number: [1, 86_400] },
      '--reserve': { number: [0, 90] },
      '--speed': { number: [0.1, 100] },
      '--terrain': 'string',
      '--json': 'flag',
    });
    if (parsed === 'help') {
      process.stdout.write(CHECK_USAGE);
      return 0;
    }
    const [path, extra] = parsed.positionals;
    if (!path) throw new UsageError('FILE.plan is required');
    if (extra) throw new UsageError(`unexpected "${extra}"`);
    const v = parsed.values;
    const num = (k: string): number | undefined => (typeof v[k] === 'number' ? (v[k] as number) : undefined);
    ctx = { ceilingAglM: num('--ceiling'), maxDistanceFromHomeM: num('--max-distance'), enduranceS: num('--endurance'), reservePct: num('--reserve'), cruiseSpeedMps: num('--speed') };
    json = v['--json'] === true;
    text = await readText(path);
    if (typeof v['--terrain'] === 'string') ctx.groundElevationMslM = terrainFrom(v['--terrain']);
  } catch (err) {
    process.stderr.write(`gcs plan-check: ${errorText(err)}\n${err instanceof UsageError ? `\n${CHECK_USAGE}` : ''}`);
    return 2;
  }
  let issues;
  try {
    const read = readPatternPlan(text);
    // The same crowds the Plan view checks against: those of the file's overwatch patterns.
    const crowds = read.patterns.flatMap((p) => (p.spec.kind === 'overwatch' ? [p.spec.crowd] : []));
    issues = checkPlan(read.plan, { ...ctx, crowds });
  } catch (err) {
    process.stderr.write(`gcs plan-check: ${errorText(err)}\n`);
    return 2;
  }
  if (json) process.stdout.write(`${JSON.stringify(issues)}\n`);
  else if (issues.length === 0) process.stdout.write('no problems found\n');
  else for (const i of issues) process.stdout.write(`${i.severity.padEnd(7)} ${i.itemIndex === undefined ? 'plan    ' : `item ${String(i.itemIndex + 1).padEnd(3)}`} ${i.rule}: ${i.message.en}\n`);
  return issues.some((i) => i.severity === 'error') ? 1 : 0;
}
