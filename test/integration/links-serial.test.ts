// A serial link through a socat PTY pair: one end is "the radio" (our SerialLink), the other end
// is the vehicle, written and read with plain fs streams. Named links let socat come back with the
// same device path, so "cable pulled and plugged back" is a real reopen.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { LinkManager, SerialLink, listSerialPorts } from '../../electron/core/links';
import { Encoder, type Message } from '../../electron/core/mavlink';

// Non-blocking: a read with nothing to read must not freeze the event loop the link runs on.
const NONBLOCK_RW = constants.O_RDWR | constants.O_NONBLOCK;
const HAVE_SOCAT = spawnSync('socat', ['-V']).status === 0;
if (!HAVE_SOCAT) console.warn('links-serial: socat is not installed; skipping the serial PTY tests (apt-get install socat).');

const dir = mkdtempSync(join(tmpdir(), 'gcs-serial-'));
const RADIO = join(dir, 'radio');
const VEHICLE = join(dir, 'vehicle');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function waitFor<T>(fn: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** socat with two named PTYs; the /dev/pts paths it reports on stderr are parsed to check it is up. */
async function startSocat(): Promise<{ child: ChildProcess; pts: string[] }> {
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${RADIO}`, `pty,raw,echo=0,link=${VEHICLE}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await waitFor(() => /starting data transfer loop/.test(err) && existsSync(RADIO) && existsSync(VEHICLE));
  const pts = [...err.matchAll(/PTY is (\/dev\/pts\/\d+)/g)].map((m) => m[1]);
  return { child, pts };
}

function stopSocat(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe.skipIf(!HAVE_SOCAT)('serial link over a PTY pair', () => {
  it('lists ports without failing', async () => {
    expect(Array.isArray(await listSerialPorts())).toBe(true);
  });

  it('a missing device is a clear error', async () => {
    const mgr = new LinkManager();
    const err = await mgr.open(`serial:${join(dir, 'nope')}:57600`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractError);
    expect((err as ContractError).code).toBe('device_missing');
    expect((err as ContractError).userMessage.zh).toMatch(/不存在/);
  });

  it('carries MAVLink both ways and reopens the device when it comes back', async () => {
    const first = await startSocat();
    expect(first.pts).toHaveLength(2);
    const mgr = new LinkManager();
    const heard: Message[] = [];
    mgr.onMessage((m) => heard.push(m));
    const info = await mgr.open(`serial:${RADIO}:115200`);
    expect(info).toMatchObject({ kind: 'serial', state: 'open' });

    let fd = openSync(VEHICLE, NONBLOCK_RW);
    const enc = new Encoder({ sysid: 1, compid: 1 });
    writeSync(fd, enc.encode('HEARTBEAT', { type: 2, autopilot: 3, base_mode: 81, system_status: 4, mavlink_version: 3 }));
    await waitFor(() => heard.length === 1);
    expect(heard[0]).toMatchObject({ name: 'HEARTBEAT', sysid: 1 });

    mgr.send(info.id, 'HEARTBEAT', { type: 6, autopilot: 8 });
    const buf = Buffer.alloc(64);
    const n = await waitFor(() => {
      try {
        return readSync(fd, buf, 0, 64, null);
      } catch {
        return 0;
      }
    });
    expect(buf[0]).toBe(0xfd);
    expect(n).toBeGreaterThan(10);
    closeSync(fd);

    // Unplug: socat (and both PTYs) go away; the link waits for the device.
    await stopSocat(first.child);
    const link = mgr.get(info.id)!.link as SerialLink;
    await waitFor(() => link.state === 'reconnecting');
    expect(link.error).not.toBeNull();

    // Plug back in: same path, new PTY.
    await startSocat();
    await waitFor(() => link.state === 'open', 8000);
    expect(link.reconnects).toBe(1);
    fd = openSync(VEHICLE, NONBLOCK_RW);
    writeSync(fd, enc.encode('HEARTBEAT', { type: 2, autopilot: 3, base_mode: 81, system_status: 4, mavlink_version: 3 }));
    await waitFor(() => heard.length === 2);
    closeSync(fd);
    await mgr.closeAll();
  }, 30_000);
});
