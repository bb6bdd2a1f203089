// The command line over the core: `gcs <command> ...`. Each command lives in its own module and is
// loaded only when used, so `gcs sim` does not pay for the server host and vice versa.
import type { CliArea } from './cli/areas/types';
import { planCli } from './cli/areas/plan';
import { opsCli } from './cli/areas/ops';
import { replayCli } from './cli/areas/replay';
import { mapsCli } from './cli/areas/maps';
import { securityCli } from './cli/areas/security';

const cliAreas: CliArea[] = [planCli, opsCli, replayCli, mapsCli, securityCli];

const CORE_USAGE = `Usage: gcs <command> [options]

Commands:
  sim      [--vehicles N] [--udp host:port] [--tcp-listen port] [--home lat,lon,alt]
           Run simulated ArduCopter drones speaking MAVLink 2 (default: 1 drone -> udp 127.0.0.1:14550).
  monitor  --link LINK [--json] [--duration S] [--sysid N]
           Print live telemetry of the vehicles on a link.
           LINK: udp:0.0.0.0:14550 | udpout:host:port | tcp:host:port | serial:/dev/ttyUSB0:57600
  upload   FILE --link LINK [--type mission|fence|rally|all] [--no-verify] [--sysid N]
           Send a .plan or .waypoints file to a vehicle and read it back to verify.
  download --link LINK --out FILE(.plan|.waypoints) [--type mission|fence|rally|all] [--sysid N]
           Read the vehicle's mission, fence and rally points into a file.
  clear    --link LINK [--type mission|fence|rally|all] [--sysid N]
           Clear lists on the vehicle.
  command  --link LINK [--sysid N] arm|disarm|takeoff ALT|mode NAME|rtl|land|start|pause|continue
           Send one command and wait for the vehicle's answer.
           Exit codes of these four: 0 done (and verified), 1 refused/failed/unconfirmed, 2 bad arguments or link.
  serve    [--port P] [--host 127.0.0.1] [--lan]
           Serve the ground station UI to browsers (the server host).
`;
const USAGE = `${CORE_USAGE}${cliAreas.map((a) => a.usage).join('')}  help     Show this text.\n`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sim': {
        const { runSim } = await import('./sim/cli');
        await runSim(rest);
        return 0;
      }
      case 'monitor': {
        const { runMonitor } = await import('./cli/monitor');
        return await runMonitor(rest);
      }
      case 'upload': {
        const { runUpload } = await import('./cli/upload');
        return await runUpload(rest);
      }
      case 'download': {
        const { runDownload } = await import('./cli/download');
        return await runDownload(rest);
      }
      case 'clear': {
        const { runClear } = await import('./cli/clear');
        return await runClear(rest);
      }
      case 'command': {
        const { runCommand } = await import('./cli/command');
        return await runCommand(rest);
      }
      case 'serve': {
        const { runServe } = await import('../server/cli');
        await runServe(rest);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default: {
        const area = cliAreas.find((a) => command !== undefined && Object.prototype.hasOwnProperty.call(a.commands, command));
        if (area && command) return await area.commands[command](rest);
        process.stderr.write(`gcs: unknown command "${command}"\n\n${USAGE}`);
        return 2;
      }
    }
  } catch (err) {
    // Commands report their own expected failures; anything reaching here is a bug, said plainly.
    process.stderr.write(`gcs ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
