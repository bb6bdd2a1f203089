// Links come back after a station restart: a station process with the pilot's link to a simulator
// process is killed with SIGKILL; a new station on the same data folder reopens that link (and not
// the simulator's own), and the vehicle is heard again. A link the pilot closed stays closed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkManager } from '../../electron/core/links';
import { openStationDb } from '../../electron/core/recording/station-db';
import { LinkRestore } from '../../electron/core/security/link-restore';
import { GroundStation } from '../../electron/core/station';
import { ROOT, startTcpSim } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const pilot = { role: 'pilot' as const, name: 'test' };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'gcs-links-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** A station in its own process that opens `spec` as the pilot would, then says so and waits. */
const CHILD = `
const { GroundStation } = await import(${JSON.stringify(join(ROOT, 'electron/core/station.ts'))});
const [dataDir, spec] = process.argv.slice(-2);
const st = new GroundStation({ host: 'server', dataDir });
await st.start();
await st.openLink({ spec }, { role: 'pilot', name: 'child' });
process.stdout.write('opened\\n');
setInterval(() => {}, 1000);
`;

describe('links after a restart', () => {
  it('kill -9 of the station: the next start reopens the pilot link and hears the vehicle again', async () => {
    const sim = await startTcpSim([]);
    cleanups.push(() => sim.child.kill('SIGKILL'));
    const dir = tmp();
    const spec = `tcp:127.0.0.1:${sim.tcpPort}`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, dir, spec], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(() => child.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('opened')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`station child exited ${code}: ${out}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const st = new GroundStation({ host: 'server', dataDir: dir });
    cleanups.push(() => st.close());
    const restoredEvents: unknown[] = [];
    st.subscribe((name, payload) => name === 'linksRestored' && restoredEvents.push(payload));
    await st.start();
    expect(st.listLinks().map((l) => l.spec)).toEqual([spec]);
    const report = await st.getLinkRestore({}, pilot);
    expect(report.restored.map((l) => l.spec)).toEqual([spec]);
    expect(report.failed).toEqual([]);
    expect(restoredEvents).toHaveLength(1);
    await waitFor('the vehicle heard again', () => st.getVehicles().some((v) => v.key === '1:1'), 20_000);

    // The pilot closes it: it does not come back next time. A normal shutdown keeps open ones.
    await st.closeLink({ id: st.listLinks()[0].id }, pilot);
    await st.close();
    const again = new GroundStation({ host: 'server', dataDir: dir });
    cleanups.push(() => again.close());
    await again.start();
    expect(again.listLinks()).toEqual([]);
  });

  it('a link that cannot be reopened is reported with why, and the station still starts', async () => {
    const dir = tmp();
    const db = openStationDb(join(dir, 'station.sqlite'));
    const links = new LinkManager();
    const restore = new LinkRestore(db, links, () => 1);
    await restore.start();
    const held = await links.open('udp:127.0.0.1:0');
    // The simulator's kind of link (the station's own) is never persisted.
    await links.open('udp:127.0.0.1:0', { restorable: false });
    expect(db.prepare('SELECT spec FROM security_open_links').all()).toEqual([{ spec: held.spec }]);
    restore.stop();
    // Keep the port busy with another socket so the reopen fails.
    const other = new LinkManager();
    await links.closeAll();
    const blocker = await other.open(held.spec);
    cleanups.push(() => other.closeAll());
    const links2 = new LinkManager();
    cleanups.push(() => links2.closeAll());
    const report = await new LinkRestore(db, links2, () => 2).start();
    expect(report.restored).toEqual([]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0].spec).toBe(blocker.spec);
    expect(report.failed[0].error.en.length).toBeGreaterThan(10);
    db.close();
  });
});
