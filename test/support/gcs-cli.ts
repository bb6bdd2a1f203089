// Runs `bin/gcs.mjs` as a user would, as its own process, and collects what it printed and its exit code.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const GCS = join(ROOT, 'bin', 'gcs.mjs');

export interface GcsRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runGcs(args: string[], timeoutMs = 30_000): Promise<GcsRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GCS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gcs ${args.join(' ')} hung\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface SimProcess {
  child: ChildProcess;
  /** The TCP port the simulator reports it listens on (asked for port 0, so there is no race for one). */
  tcpPort: number;
}

/** Starts the simulator as its own process listening on TCP port 0, and waits until it names its port. */
export async function startTcpSim(extraArgs: string[] = []): Promise<SimProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/core/sim/main.ts'), '--tcp-listen', '0', ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tcpPort = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /tcp listen [\d.]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', () => reject(new Error(`simulator exited: ${out}`)));
  });
  return { child, tcpPort };
}
