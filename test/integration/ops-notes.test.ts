// Coordination notes through the real station and the server host, in a station process of its own:
// saved before the call answers (survives kill -9 right after), seen by every connection at once,
// and roles enforced in the station (a commander writes notes but cannot command a vehicle).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createClient, type StationClient } from '../../shared/contract/client';
import { ContractError } from '../../shared/contract/errors';
import type { Note } from '../../shared/contract/notes';
import { ROOT } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

interface Running {
  child: ChildProcess;
  port: number;
  token: string;
}

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function startStation(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/ops-station-child.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanup.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const info = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { port: number; token: string });
    });
    child.once('exit', (code) => reject(new Error(`station exited (${code}): ${out}`)));
  });
  return { child, ...info };
}

async function connect(s: Running, role: string): Promise<StationClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ws?token=${s.token}&role=${role}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const client = createClient({
    send: (text) => ws.send(text),
    onMessage: (h) => ws.on('message', (d) => h(d.toString())),
    onClose: (h) => ws.on('close', () => h()),
    close: () => ws.close(),
  });
  cleanup.push(() => client.close());
  return client;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gcs-ops-notes-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof ContractError ? e.code : String(e);
  }
  return 'accepted';
}

describe('notes across browsers, roles and a crash', () => {
  it('a note that answered "saved" is in the database after kill -9 of the station the next instant', async () => {
    const dir = tempDir();
    const s = await startStation(dir);
    const pilot = await connect(s, 'pilot');
    const saved = await pilot.call('addNote', { category: 'hazard', text: 'Crane at the night market, 60 m', pos: { lat: 46.08, lon: 122.09 }, callsign: 'uav1' });
    s.child.kill('SIGKILL');
    await new Promise((r) => s.child.once('exit', r));
    const db = new Database(join(dir, 'station.sqlite'), { readonly: true });
    const row = db.prepare('SELECT * FROM notes WHERE id = ?').get(saved.id) as Record<string, unknown> | undefined;
    db.close();
    expect(row).toMatchObject({ text: 'Crane at the night market, 60 m', category: 'hazard', role: 'pilot', callsign: 'UAV1', lat: 46.08, lon: 122.09 });
    // And a station restarted on the same folder lists it.
    const again = await startStation(dir);
    const reader = await connect(again, 'observer');
    const notes = await reader.call('listNotes', {});
    expect(notes.map((n) => n.id)).toEqual([saved.id]);
  }, 60_000);

  it('a commander and a pilot see each other\'s notes at once; the commander cannot command, an observer cannot write', async () => {
    const s = await startStation(tempDir());
    const pilot = await connect(s, 'pilot');
    const commander = await connect(s, 'commander');
    const observer = await connect(s, 'observer');
    const seen = { pilot: [] as Note[], commander: [] as Note[], observer: [] as Note[] };
    pilot.on('note', (n) => seen.pilot.push(n));
    commander.on('note', (n) => seen.commander.push(n));
    observer.on('note', (n) => seen.observer.push(n));

    const fromCommander = await commander.call('addNote', { category: 'tasking', text: 'UAV2 hold north of the bridge', author: 'Cmdr Wang', vehicleKey: '2:1' });
    expect(fromCommander).toMatchObject({ role: 'commander', author: 'Cmdr Wang', kind: 'crew', vehicleKey: '2:1' });
    const fromPilot = await pilot.call('addNote', { category: 'position', text: '直升机 B-7105 在大桥以东 400 米', callsign: 'B-7105' });
    await waitFor('both notes everywhere', () => [seen.pilot, seen.commander, seen.observer].every((l) => l.length === 2));
    for (const list of [seen.pilot, seen.commander, seen.observer]) expect(list.map((n) => n.id)).toEqual([fromCommander.id, fromPilot.id]);

    expect(await refusal(commander.call('command', { key: '1:1', action: 'arm' }))).toBe('forbidden');
    expect(await refusal(commander.call('command', { key: '1:1', action: 'rtl' }))).toBe('forbidden');
    expect(await refusal(observer.call('addNote', { category: 'other', text: 'hello' }))).toBe('forbidden');
    // Untrusted input: empty text, oversize text, a made-up category, a debrief from a pilot.
    expect(await refusal(pilot.call('addNote', { category: 'other', text: '   ' }))).toBe('bad_params');
    expect(await refusal(pilot.call('addNote', { category: 'other', text: 'x'.repeat(2001) }))).toBe('bad_params');
    expect(await refusal(pilot.call('addNote', { category: 'gossip' as 'other', text: 'x' }))).toBe('bad_params');
    expect(await refusal(pilot.call('addNote', { category: 'other', text: 'x', kind: 'debrief', tMs: 1 }))).toBe('forbidden');
    // End to end with a simulated drone: the same command is refused for the commander, flown for the pilot.
    await pilot.call('startSimulator', { vehicles: 1 });
    let key = '';
    pilot.on('vehicles', (e) => (key ||= e.vehicles[0]?.key ?? ''));
    await waitFor('a simulated vehicle', () => key, 30_000);
    expect(await refusal(commander.call('command', { key, action: 'setMode', mode: 'GUIDED' }))).toBe('forbidden');
    const flown = await pilot.call('command', { key, action: 'setMode', mode: 'GUIDED' });
    expect(flown.outcome).toBe('accepted');
    await pilot.call('stopSimulator', {});
    expect(await observer.call('listNotes', {})).toHaveLength(2);
  }, 60_000);
});
