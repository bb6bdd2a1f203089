// `gcs download --link LINK --out FILE(.plan|.waypoints) [--type mission|fence|rally|all] [--sysid N]`
//
// Exit codes: 0 every list asked for was read completely and written; 1 the vehicle refused or the
// transfer failed (nothing is written: no half file); 2 bad arguments or a link that cannot open.
import type { PlanPart } from '../../../shared/contract/types';
import { errorText, parseOptions, UsageError } from './options';
import { outputFormatOf, parseTypes, planText, writePlanFile, type OutputFormat } from './plan-files';
import { progressPrinter } from './progress';
import { openVehicleSession, VEHICLE_OPTIONS, VEHICLE_OPTIONS_HELP, vehicleArgs } from './vehicle-session';

export const DOWNLOAD_USAGE = `Usage: gcs download --link LINK --out FILE [--type mission|fence|rally|all] [--sysid N]

  --out FILE          .plan (QGroundControl; may hold all three lists) or .waypoints / .txt (QGC WPL 110; one list)
  --type T            which lists to read (default: all for .plan, mission for .waypoints)
  --quiet             no progress lines
${VEHICLE_OPTIONS_HELP}`;

const AUTOPILOT_NUMBER = { ardupilot: 3, px4: 12, generic: 0, unknown: 0 } as const;

export async function runDownload(argv: string[]): Promise<number> {
  let out: string;
  let format: OutputFormat;
  let types: PlanPart[];
  let quiet: boolean;
  let args: ReturnType<typeof vehicleArgs>;
  try {
    const parsed = parseOptions(argv, { ...VEHICLE_OPTIONS, '--out': 'string', '--type': 'string', '--quiet': 'flag' });
    if (parsed === 'help') {
      process.stdout.write(DOWNLOAD_USAGE);
      return 0;
    }
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals[0]}"`);
    args = vehicleArgs(parsed.values);
    quiet = parsed.values['--quiet'] === true;
    const o = parsed.values['--out'];
    if (typeof o !== 'string') throw new UsageError('--out FILE is required (.plan or .waypoints)');
    out = o;
    format = outputFormatOf(out);
    types = parseTypes(parsed.values['--type'] as string | undefined, format === 'plan' ? ['mission', 'fence', 'rally'] : ['mission']);
    if (format === 'wpl' && types.length !== 1) throw new UsageError('a .waypoints file holds one list: choose --type mission, fence or rally');
  } catch (err) {
    process.stderr.write(`gcs download: ${errorText(err)}\n${err instanceof UsageError ? `\n${DOWNLOAD_USAGE}` : ''}`);
    return 2;
  }

  const vs = await openVehicleSession('download', { ...args, onProgress: progressPrinter('download', quiet) });
  if (typeof vs === 'number') return vs;
  try {
    const plan = await vs.ops.downloadPlan({ key: vs.vehicle.key, types });
    const snap = vs.vehicle.snap;
    plan.mission.firmwareType = AUTOPILOT_NUMBER[snap.autopilot];
    plan.mission.vehicleType = snap.mavType;
    await writePlanFile(out, planText(plan, format, types[0]));
    const counts = types
      .map((t) => (t === 'mission' ? `mission ${plan.mission.items.length} items` : t === 'fence' ? `fence ${plan.fence.polygons.length} polygons, ${plan.fence.circles.length} circles` : `rally ${plan.rally.points.length} points`))
      .join(', ');
    process.stdout.write(`vehicle ${vs.vehicle.key}: downloaded ${counts} to ${out}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`gcs download: ${errorText(err)}\n`);
    return 1;
  } finally {
    await vs.close();
  }
}
