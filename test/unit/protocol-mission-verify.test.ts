// verifyMission: ArduPilot's documented normalisation passes, anything else is named as corruption.
import { describe, expect, it } from 'vitest';
import { verifyMission, type ProtocolMissionItem } from '../../electron/core/protocol';

const base: ProtocolMissionItem = { command: 16, frame: 3, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: Number.NaN, param5: 22.3, param6: 114.17, param7: 40 };
const home: ProtocolMissionItem = { ...base, frame: 0, param4: 0, param7: 0 };
const loiter: ProtocolMissionItem = { ...base, command: 19, param1: 20, param3: 35 };
const rtl: ProtocolMissionItem = { ...base, command: 20, param4: 0, param5: 0, param6: 0, param7: 0 };
const sent = [home, base, loiter, rtl];

function mutate(i: number, patch: Partial<ProtocolMissionItem>): ProtocolMissionItem[] {
  return sent.map((it, k) => (k === i ? { ...it, ...patch } : { ...it }));
}

describe('verifyMission', () => {
  it('identical lists are verified', () => {
    expect(verifyMission(sent, sent.map((s) => ({ ...s })), 'generic')).toEqual({ ok: true, status: 'verified' });
  });

  it('ArduPilot: item 0 is home, so its position is ignored', () => {
    expect(verifyMission(sent, mutate(0, { param5: 10, param6: 20, param7: 55 }), 'ardupilot').ok).toBe(true);
    expect(verifyMission(sent, mutate(0, { param5: 10 }), 'px4').ok).toBe(false);
  });

  it('ArduPilot: LOITER_TIME param3 comes back as 0/1, but not as another number', () => {
    expect(verifyMission(sent, mutate(2, { param3: 1 }), 'ardupilot').ok).toBe(true);
    const bad = verifyMission(sent, mutate(2, { param3: 7 }), 'ardupilot');
    expect(bad.ok).toBe(false);
    expect(verifyMission(sent, mutate(2, { param3: 1 }), 'generic').ok).toBe(false);
  });

  it('ArduPilot: RTL frame comes back as 0; another command with frame 0 is a difference', () => {
    expect(verifyMission(sent, mutate(3, { frame: 0 }), 'ardupilot').ok).toBe(true);
    const bad = verifyMission(sent, mutate(1, { frame: 0 }), 'ardupilot');
    expect(bad).toMatchObject({ ok: false, difference: { seq: 1, field: 'frame', sent: 3, got: 0 } });
  });

  it('NaN and 0 are both "unused"; NaN vs a real value is a difference', () => {
    expect(verifyMission(sent, mutate(1, { param4: 0 }), 'generic').ok).toBe(true);
    expect(verifyMission(sent, mutate(1, { param4: 90 }), 'generic')).toMatchObject({ ok: false, difference: { seq: 1, field: 'param4', got: 90 } });
  });

  it('floats compare at float32 precision; lat/lon at 1e-7 degree', () => {
    const f32 = Math.fround(40.1);
    expect(verifyMission(mutate(1, { param7: 40.1 }), mutate(1, { param7: f32 }), 'generic').ok).toBe(true);
    expect(verifyMission(sent, mutate(1, { param7: 40.01 }), 'generic').ok).toBe(false);
    expect(verifyMission(sent, mutate(1, { param5: 22.3 + 0.4e-7 }), 'generic').ok).toBe(true);
    expect(verifyMission(sent, mutate(1, { param5: 22.3 + 3e-7 }), 'generic')).toMatchObject({ ok: false, difference: { seq: 1, field: 'param5' } });
  });

  it('names the FIRST difference with seq, field, sent and got, in both languages', () => {
    const back = mutate(2, { command: 17 });
    back[3] = { ...back[3], param7: 99 };
    const r = verifyMission(sent, back, 'ardupilot');
    expect(r).toMatchObject({ ok: false, code: 'mission_verify_mismatch', difference: { seq: 2, field: 'command', sent: 19, got: 17 } });
    if (r.ok) return;
    expect(r.message.en).toBe('Mission item 2 differs on the vehicle: command was sent as 19 but reads back as 17. Upload again before flying.');
    expect(r.message.zh).toContain('第 2 项');
  });

  it('a count difference is reported first', () => {
    const r = verifyMission(sent, sent.slice(0, 3), 'ardupilot');
    expect(r).toMatchObject({ ok: false, code: 'mission_verify_count', difference: { seq: 3, field: 'count', sent: 4, got: 3 } });
  });
});
