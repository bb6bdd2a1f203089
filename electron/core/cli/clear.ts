// `gcs clear --link LINK [--type mission|fence|rally|all] [--sysid N]`
//
// Exit codes: 0 the vehicle confirmed every clear; 1 it refused or never confirmed; 2 bad arguments
// or a link that cannot open.
import type { PlanPart } from '../../../shared/contract/types';
import { errorText, parseOptions, UsageError } from './options';
import { parseTypes } from './plan-files';
import { openVehicleSession, VEHICLE_OPTIONS, VEHICLE_OPTIONS_HELP, vehicleArgs } from './vehicle-session';

export const CLEAR_USAGE = `Usage: gcs clear --link LINK [--type mission|fence|rally|all] [--sysid N]

  --type T            which lists to clear on the vehicle (default: mission)
${VEHICLE_OPTIONS_HELP}`;

export async function runClear(argv: string[]): Promise<number> {
  let types: PlanPart[];
  let args: ReturnType<typeof vehicleArgs>;
  try {
    const parsed = parseOptions(argv, { ...VEHICLE_OPTIONS, '--type': 'string' });
    if (parsed === 'help') {
      process.stdout.write(CLEAR_USAGE);
      return 0;
    }
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals[0]}"`);
    args = vehicleArgs(parsed.values);
    types = parseTypes(parsed.values['--type'] as string | undefined, ['mission']);
  } catch (err) {
    process.stderr.write(`gcs clear: ${errorText(err)}\n${err instanceof UsageError ? `\n${CLEAR_USAGE}` : ''}`);
    return 2;
  }

  const vs = await openVehicleSession('clear', args);
  if (typeof vs === 'number') return vs;
  try {
    await vs.ops.clearPlan({ key: vs.vehicle.key, types });
    process.stdout.write(`vehicle ${vs.vehicle.key}: cleared ${types.join(', ')}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`gcs clear: ${errorText(err)}\n`);
    return 1;
  } finally {
    await vs.close();
  }
}
