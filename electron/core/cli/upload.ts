// `gcs upload FILE --link LINK [--type mission|fence|rally|all] [--no-verify] [--sysid N]`
//
// Exit codes: 0 the vehicle holds exactly the file's lists (read back and compared), or with
// --no-verify, the vehicle accepted every list; 1 refused, failed, or not confirmed (the message
// says which list and why); 2 bad arguments, unreadable file, or a link that cannot open.
import type { PlanPart } from '../../../shared/contract/types';
import { errorText, parseOptions, UsageError } from './options';
import { parseTypes, readPlanFile } from './plan-files';
import { progressPrinter } from './progress';
import { openVehicleSession, VEHICLE_OPTIONS, VEHICLE_OPTIONS_HELP, vehicleArgs } from './vehicle-session';

export const UPLOAD_USAGE = `Usage: gcs upload FILE --link LINK [--type mission|fence|rally|all] [--no-verify] [--sysid N]

  FILE                a QGroundControl .plan, or a .waypoints / .txt (QGC WPL 110) mission, fence or rally file
  --type T            which lists to send (default: every list the file holds; a .plan holds all three,
                      and an empty list in it clears that list on the vehicle)
  --no-verify         do not read the lists back to compare (exit 0 once the vehicle accepts them)
  --quiet             no progress lines
${VEHICLE_OPTIONS_HELP}`;

export async function runUpload(argv: string[]): Promise<number> {
  let file: Awaited<ReturnType<typeof readPlanFile>>;
  let types: PlanPart[];
  let verify: boolean;
  let quiet: boolean;
  let args: ReturnType<typeof vehicleArgs>;
  try {
    const parsed = parseOptions(argv, { ...VEHICLE_OPTIONS, '--type': 'string', '--no-verify': 'flag', '--quiet': 'flag' });
    if (parsed === 'help') {
      process.stdout.write(UPLOAD_USAGE);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? 'which file? (gcs upload FILE --link LINK)' : `one file at a time (got ${parsed.positionals.join(' ')})`);
    args = vehicleArgs(parsed.values);
    verify = parsed.values['--no-verify'] !== true;
    quiet = parsed.values['--quiet'] === true;
    file = await readPlanFile(parsed.positionals[0]);
    types = parseTypes(parsed.values['--type'] as string | undefined, file.parts);
    const missing = types.filter((t) => !file.parts.includes(t));
    if (missing.length > 0) throw new UsageError(`${parsed.positionals[0]} holds a ${file.parts.join('/')} list, not ${missing.join('/')}`);
  } catch (err) {
    process.stderr.write(`gcs upload: ${errorText(err)}\n${err instanceof UsageError ? `\n${UPLOAD_USAGE}` : ''}`);
    return 2;
  }
  if (file.skipped > 0) process.stderr.write(`gcs upload: warning: ${file.skipped} item(s) in the file are not fence/rally shapes this program knows; they are not sent\n`);

  const vs = await openVehicleSession('upload', { ...args, onProgress: progressPrinter('upload', quiet, 'read-back') });
  if (typeof vs === 'number') return vs;
  try {
    const result = await vs.ops.uploadPlan({ key: vs.vehicle.key, plan: file.plan, types, verify });
    const counts = types.map((t) => `${t} ${result.counts[t] ?? 0} item${result.counts[t] === 1 ? '' : 's'}`).join(', ');
    const how = result.verified ? 'uploaded and verified by read-back' : 'uploaded and accepted by the vehicle (not read back: --no-verify)';
    process.stdout.write(`vehicle ${vs.vehicle.key}: ${how}: ${counts}\n`);
    return result.verified || !verify ? 0 : 1;
  } catch (err) {
    process.stderr.write(`gcs upload: ${errorText(err)}\n`);
    return 1;
  } finally {
    await vs.close();
  }
}
