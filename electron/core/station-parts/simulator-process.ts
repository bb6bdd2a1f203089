// The simulator as a child process, so a demo or training flight cannot take the station down with
// it, and stopping it is one signal. The station opens a UDP port first (port 0: the system picks a
// free one, no race) and tells the simulator to send there.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ContractError, msg } from '../../../shared/contract/errors';
import { repoRoot, SIM_ENTRY } from './repo-root';

const READY_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 3000;
const STDERR_TAIL = 2000;

export interface SimulatorChild {
  readonly pid: number;
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** The command line that runs the simulator; `command` (from the station's options) replaces the default. */
export function simulatorArgv(command: string[] | undefined): [string, string[]] {
  if (command && command.length > 0) return [command[0], command.slice(1)];
  const root = repoRoot();
  if (!root) {
    throw new ContractError('simulator_missing', msg('The simulator is not part of this installation.', '此安装不包含模拟器。'));
  }
  return [process.execPath, ['--import', 'tsx', join(root, SIM_ENTRY)]];
}

export interface SimulatorSpawn {
  command?: string[];
  udpPort: number;
  vehicles: number;
  /** `--helicopter`: a police helicopter's ADS-B on the same link, for separation training. */
  helicopter?: boolean;
  onExit: (code: number | null) => void;
}

/** The simulator's own arguments after the command: where to send, how many, what flies. */
export function simulatorArgs(opts: Pick<SimulatorSpawn, 'udpPort' | 'vehicles' | 'helicopter'>): string[] {
  // --demo: the UI's simulator is for seeing the station work (and for training), so its drones fly a
  // patrol on their own until a pilot changes their mode.
  const args = ['--udp', `127.0.0.1:${opts.udpPort}`, '--vehicles', String(opts.vehicles), '--demo'];
  if (opts.helicopter) args.push('--helicopter');
  return args;
}

export async function spawnSimulator(opts: SimulatorSpawn): Promise<SimulatorChild> {
  const [cmd, baseArgs] = simulatorArgv(opts.command);
  const args = [...baseArgs, ...simulatorArgs(opts)];
  const env = { ...process.env };
  // Inside Electron, process.execPath is the app itself: this makes it behave as plain Node.
  if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
  let child: ChildProcess;
  try {
    child = spawn(cmd, args, { cwd: repoRoot() ?? undefined, env, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw failed(err instanceof Error ? err.message : String(err));
  }
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-STDERR_TAIL);
  });
  // Never let a parent exit leave the simulator running on its own.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      process.off('exit', killOnExit);
      resolve(code);
    });
    child.once('error', () => {
      process.off('exit', killOnExit);
      resolve(null);
    });
  });

  // Ready when it prints its banner line; failed when it exits (bad arguments) or says nothing.
  const ready = await new Promise<'ready' | 'exited' | 'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS);
    child.stdout?.once('data', () => {
      clearTimeout(timer);
      resolve('ready');
    });
    void exited.then(() => {
      clearTimeout(timer);
      resolve('exited');
    });
  });
  child.stdout?.resume(); // keep draining: a full pipe would stall the simulator
  if (ready !== 'ready') {
    child.kill('SIGKILL');
    await exited;
    throw failed(stderr.trim().split('\n').slice(-3).join(' ') || (ready === 'timeout' ? 'did not start in time' : 'exited'));
  }
  void exited.then((code) => opts.onExit(code));

  return {
    pid: child.pid ?? 0,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

function failed(detail: string): ContractError {
  return new ContractError('simulator_failed', msg(`The simulator could not start: ${detail}`, `模拟器无法启动：${detail}`));
}
