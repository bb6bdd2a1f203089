// The alert conditions through the real pipeline: a scripted vehicle over UDP (real MAVLink frames)
// to a station, whose ops area raises and clears each alert and publishes it.
import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpsAlert } from '../../shared/contract/ops-types';
import { Encoder } from '../../electron/core/mavlink';
import { GroundStation } from '../../electron/core/station';
import { waitFor } from '../support/wait';

const pilot = { role: 'pilot' as const, name: 'pilot' };
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

// An ArduCopter quad, armed (MAV_MODE_FLAG_SAFETY_ARMED), active.
const HB = { type: 2, autopilot: 3, base_mode: 128 | 1, custom_mode: 4, system_status: 4, mavlink_version: 3 };

describe('alerts from a vehicle on the wire', () => {
  it('battery (two levels), GPS lost, fence breach, STATUSTEXT warning, link lost: raised once, cleared when over', async () => {
    const station = new GroundStation({ host: 'server' });
    cleanup.push(() => station.close());
    await station.start();
    const alerts: OpsAlert[] = [];
    station.subscribe((name, p) => name === 'alert' && alerts.push(p as OpsAlert));
    const link = await station.openLink({ spec: 'udp:127.0.0.1:0' }, pilot);
    const port = Number(link.spec.split(':')[2]);
    const sock = createSocket('udp4');
    cleanup.push(() => sock.close());
    const enc = new Encoder({ sysid: 7, compid: 1 });
    const send = (name: string, fields: Record<string, number | string>) => sock.send(enc.encode(name, fields), port, '127.0.0.1');
    const state = { pct: 80, fix: 3, breach: 0, beating: true };
    const timer = setInterval(() => {
      if (!state.beating) return;
      send('HEARTBEAT', HB);
      send('SYS_STATUS', { voltage_battery: 15_000, current_battery: 1000, battery_remaining: state.pct });
      send('GPS_RAW_INT', { fix_type: state.fix, lat: 460726000, lon: 1220933000, satellites_visible: 12, eph: 80 });
      send('FENCE_STATUS', { breach_status: state.breach, breach_count: state.breach, breach_type: 0, breach_time: 0 });
    }, 200);
    cleanup.push(() => clearInterval(timer));
    const active = (kind: string) => alerts.some((a) => a.kind === kind && a.active && a.subject === '7:1');
    const ended = (kind: string) => alerts.some((a) => a.kind === kind && !a.active);

    await waitFor('the vehicle', () => station.live.fleet.get('7:1'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(alerts.filter((a) => a.subject === '7:1')).toEqual([]);

    state.pct = 25;
    await waitFor('battery low', () => active('batteryLow'), 5000);
    state.pct = 12;
    await waitFor('battery critical', () => active('batteryCritical') && ended('batteryLow'), 5000);
    state.fix = 1;
    await waitFor('GPS lost', () => active('gpsLost'), 5000);
    state.fix = 3;
    await waitFor('GPS back', () => ended('gpsLost'), 5000);
    state.breach = 1;
    await waitFor('fence breach', () => active('fenceBreach'), 5000);
    send('STATUSTEXT', { severity: 4, text: 'EKF variance', id: 0, chunk_seq: 0 });
    send('STATUSTEXT', { severity: 6, text: 'just info', id: 0, chunk_seq: 0 });
    await waitFor('STATUSTEXT warning', () => alerts.some((a) => a.kind === 'statustext' && a.message.en === 'UAV-7: EKF variance'), 5000);
    state.beating = false;
    await waitFor('link lost', () => active('linkLost'), 10_000);
    // Each condition alerted once (no repeats every second), and the picture keeps them all.
    expect(alerts.filter((a) => a.kind === 'fenceBreach' && a.active)).toHaveLength(1);
    expect(alerts.some((a) => a.message.en === 'UAV-7: just info')).toBe(false);
    const kept = (await station.getOpsPicture({}, pilot)).alerts.map((a) => a.kind);
    expect(kept).toEqual(expect.arrayContaining(['batteryLow', 'batteryCritical', 'gpsLost', 'fenceBreach', 'statustext', 'linkLost']));
  }, 60_000);
});
