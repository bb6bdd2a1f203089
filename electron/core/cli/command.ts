// `gcs command --link LINK [--sysid N] ACTION [ARGS]`: one command to one vehicle, with its ACK.
//
// Exit codes: 0 the vehicle accepted it; 1 refused (the vehicle's reason is printed), failed or no
// answer; 2 bad arguments or a link that cannot open.
import { errorText, parseOptions, positionalNumber, UsageError } from './options';
import { openVehicleSession, VEHICLE_OPTIONS, VEHICLE_OPTIONS_HELP, vehicleArgs } from './vehicle-session';
import type { CommandParams } from '../vehicle-protocol';

export const COMMAND_USAGE = `Usage: gcs command --link LINK [--sysid N] ACTION [ARGS]

Actions:
  arm | disarm | force-disarm          (force-disarm stops the motors even in flight)
  takeoff ALT                          climb to ALT metres above home (GUIDED, armed)
  mode NAME                            flight mode by name (e.g. GUIDED, LOITER, AUTO, RTL)
  start                                start the mission (AUTO)
  pause | continue                     hold / resume the mission
  rtl | land
  goto LAT LON ALT                     fly there now (GUIDED), ALT above home
  roi LAT LON ALT                      point at a location
  speed MPS                            change the ground speed
${VEHICLE_OPTIONS_HELP}`;

function commandFrom(positionals: string[]): CommandParams {
  const [action, ...rest] = positionals;
  const arity = (n: number) => {
    if (rest.length !== n) throw new UsageError(`${action} takes ${n === 0 ? 'no arguments' : `${n} argument${n > 1 ? 's' : ''}`} (got ${rest.length})`);
  };
  const position = () => ({
    lat: positionalNumber(rest[0], `${action} latitude`, -90, 90),
    lon: positionalNumber(rest[1], `${action} longitude`, -180, 180),
    altM: positionalNumber(rest[2], `${action} altitude`, -1000, 10_000),
  });
  switch (action) {
    case undefined:
      throw new UsageError('which action? (arm, disarm, takeoff ALT, mode NAME, rtl, land, start, pause, continue ...)');
    case 'arm':
    case 'disarm':
    case 'rtl':
    case 'land':
    case 'pause':
    case 'continue':
      arity(0);
      return { action };
    case 'force-disarm':
      arity(0);
      return { action: 'forceDisarm' };
    case 'start':
      arity(0);
      return { action: 'missionStart' };
    case 'takeoff':
      arity(1);
      return { action: 'takeoff', altM: positionalNumber(rest[0], 'takeoff altitude', 0.1, 10_000) };
    case 'mode':
      arity(1);
      if (!/^[A-Za-z_][A-Za-z0-9_ -]{0,31}$/.test(rest[0])) throw new UsageError(`mode: "${rest[0]}" is not a mode name`);
      return { action: 'setMode', mode: rest[0] };
    case 'goto':
      arity(3);
      return { action: 'goto', ...position() };
    case 'roi':
      arity(3);
      return { action: 'setRoi', ...position() };
    case 'speed':
      arity(1);
      return { action: 'changeSpeed', speedMps: positionalNumber(rest[0], 'speed', 0.1, 100) };
    default:
      throw new UsageError(`unknown action "${action}"`);
  }
}

export async function runCommand(argv: string[]): Promise<number> {
  let cmd: CommandParams;
  let args: ReturnType<typeof vehicleArgs>;
  try {
    const parsed = parseOptions(argv, VEHICLE_OPTIONS);
    if (parsed === 'help') {
      process.stdout.write(COMMAND_USAGE);
      return 0;
    }
    args = vehicleArgs(parsed.values);
    cmd = commandFrom(parsed.positionals);
  } catch (err) {
    process.stderr.write(`gcs command: ${errorText(err)}\n${err instanceof UsageError ? `\n${COMMAND_USAGE}` : ''}`);
    return 2;
  }

  const vs = await openVehicleSession('command', args);
  if (typeof vs === 'number') return vs;
  try {
    const r = await vs.ops.command({ key: vs.vehicle.key, ...cmd });
    if (r.ok) {
      process.stdout.write(`vehicle ${vs.vehicle.key}: ${r.message.en}\n`);
      return 0;
    }
    process.stderr.write(`gcs command: vehicle ${vs.vehicle.key}: ${r.message.en}\n`);
    return r.code === 'command_invalid_argument' ? 2 : 1;
  } catch (err) {
    process.stderr.write(`gcs command: ${errorText(err)}\n`);
    return 1;
  } finally {
    await vs.close();
  }
}
