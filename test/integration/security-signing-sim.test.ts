// MAVLink 2 signing end to end: the station against the simulator as its own process over TCP.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VehicleFault } from '../../shared/contract/areas/security';
import type { VehicleSnapshot } from '../../shared/contract/types';
import { GroundStation } from '../../electron/core/station';
import { startTcpSim, type SimProcess } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const pilot = { role: 'pilot' as const, name: 'test pilot' };
const PASSPHRASE = 'ulanhot-police-uav-07';
const KEY_HEX = createHash('sha256').update(PASSPHRASE, 'utf8').digest('hex');

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sim(args: string[]): Promise<SimProcess> {
  const s = await startTcpSim(args);
  cleanups.push(() => s.child.kill('SIGKILL'));
  return s;
}

async function station(fastCommands = false): Promise<{ st: GroundStation; latest: Map<string, VehicleSnapshot> }> {
  const dir = mkdtempSync(join(tmpdir(), 'gcs-sec-sim-'));
  const st = new GroundStation({ host: 'server', dataDir: dir, protocolTimings: fastCommands ? { command: { timeoutMs: 700, maxTries: 2 } } : undefined });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => st.close());
  await st.start();
  const latest = new Map<string, VehicleSnapshot>();
  st.subscribe((name, payload) => {
    if (name === 'vehicles') for (const v of (payload as { vehicles: VehicleSnapshot[] }).vehicles) latest.set(v.key, v);
  });
  return { st, latest };
}

describe('signing with the simulator process', () => {
  it('same key: vehicle marked signed, and commands (signed by us) are accepted by the vehicle', async () => {
    const s = await sim(['--signing-key', KEY_HEX]);
    const { st, latest } = await station();
    await st.setSigningKey({ sysid: 1, source: 'passphrase', passphrase: PASSPHRASE }, pilot);
    await st.setRequireSigned({ sysid: 1, require: true }, pilot);
    await st.openLink({ spec: `tcp:127.0.0.1:${s.tcpPort}` }, pilot);
    await waitFor('vehicle 1 signed', () => latest.get('1:1')?.signing === 'signed', 20_000);
    // The simulator drops unsigned frames: an accepted command proves ours were signed with its key.
    const result = await st.command({ key: '1:1', action: 'setMode', mode: 'GUIDED' }, pilot);
    expect(result).toMatchObject({ ok: true, outcome: 'accepted' });
    const status = (await st.getSigning({}, pilot)).find((a) => a.sysid === 1)!;
    expect(status).toMatchObject({ hasKey: true, requireSigned: true, state: 'signed', keyStore: 'keyFile', keySource: 'passphrase' });
    expect(status.counts.signedOk).toBeGreaterThan(0);
    expect(status.counts.badSignature).toBe(0);

    // Re-keying: SETUP_SIGNING goes out signed with the old key (the vehicle still checks it), then
    // both sides use the new one and commands still get through.
    const link = st.listLinks()[0];
    const rekeyed = await st.setSigningKey({ sysid: 1, source: 'random' }, pilot);
    expect(rekeyed.fingerprint).not.toBe(status.fingerprint);
    await st.sendSigningSetup({ sysid: 1, linkId: link.id }, pilot);
    await new Promise((r) => setTimeout(r, 500));
    const okBefore = (await st.getSigning({}, pilot))[0].counts.signedOk;
    await waitFor('frames verified with the new key', () => (st.getSigning({}, pilot) as typeof rekeyed[])[0].counts.signedOk > okBefore + 5, 10_000);
    expect(await st.command({ key: '1:1', action: 'setMode', mode: 'LOITER' }, pilot)).toMatchObject({ ok: true, outcome: 'accepted' });
  });

  it('no key at the station: the signed vehicle is shown unverified and ignores our unsigned commands', async () => {
    const s = await sim(['--signing-key', KEY_HEX]);
    const { st, latest } = await station(true);
    await st.openLink({ spec: `tcp:127.0.0.1:${s.tcpPort}` }, pilot);
    await waitFor('vehicle 1 unverified', () => latest.get('1:1')?.signing === 'unverified', 20_000);
    const result = await st.command({ key: '1:1', action: 'setMode', mode: 'GUIDED' }, pilot);
    expect(result).toMatchObject({ ok: false, mavResult: null });
  });

  it('wrong key: every frame is dropped as a bad signature and the aircraft never becomes a vehicle', async () => {
    const s = await sim(['--signing-key', KEY_HEX]);
    const { st } = await station();
    const faults: VehicleFault[] = [];
    st.subscribe((name, payload) => name === 'vehicleFault' && faults.push(payload as VehicleFault));
    await st.setSigningKey({ sysid: 1, source: 'passphrase', passphrase: 'not the right passphrase' }, pilot);
    await st.openLink({ spec: `tcp:127.0.0.1:${s.tcpPort}` }, pilot);
    const status = await waitFor(
      'bad signatures counted',
      () => {
        const a = st.getSigning({}, pilot) as Awaited<ReturnType<GroundStation['getSigning']>>;
        const one = a.find((x) => x.sysid === 1);
        return one && one.counts.badSignature >= 5 && one;
      },
      20_000,
    );
    expect(status.state).toBe('bad_signature');
    expect(status.counts.dropped).toBe(status.counts.badSignature);
    expect(st.getVehicles({}, pilot)).toEqual([]);
    // The pilot is told, once (not once per frame), and told what it means.
    expect(faults.filter((f) => f.kind === 'signature_rejected')).toHaveLength(1);
    expect(faults[0]).toMatchObject({ key: '1:1' });
    expect(faults[0].state.en).toMatch(/key differs/);
  });

  it('SETUP_SIGNING over the chosen link turns an unsigned vehicle into a signed one', async () => {
    const s = await sim([]);
    const { st, latest } = await station();
    const link = await st.openLink({ spec: `tcp:127.0.0.1:${s.tcpPort}` }, pilot);
    await waitFor('vehicle 1 unsigned', () => latest.get('1:1')?.signing === 'unsigned', 20_000);
    await expect(Promise.resolve().then(() => st.sendSigningSetup({ sysid: 1, linkId: link.id }, pilot))).rejects.toMatchObject({ code: 'no_signing_key' });
    await st.setSigningKey({ sysid: 1, source: 'random' }, pilot);
    await expect(Promise.resolve().then(() => st.sendSigningSetup({ sysid: 1, linkId: 'link-99' }, pilot))).rejects.toMatchObject({ code: 'no_such_link' });
    const after = await st.sendSigningSetup({ sysid: 1, linkId: link.id }, pilot);
    expect(after.setupSentMs).not.toBeNull();
    await waitFor('vehicle 1 signed after setup', () => latest.get('1:1')?.signing === 'signed', 20_000);
    await st.setRequireSigned({ sysid: 1, require: true }, pilot);
    const result = await st.command({ key: '1:1', action: 'setMode', mode: 'LOITER' }, pilot);
    expect(result).toMatchObject({ ok: true, outcome: 'accepted' });
  });
});
