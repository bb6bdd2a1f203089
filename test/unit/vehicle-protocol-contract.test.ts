// The plan and command calls as the contract carries them: who may call them, what the schemas let
// through (a Plan's NaN travels as null), and that the station answers through the dispatcher.
import { describe, expect, it } from 'vitest';
import { callSchemas, type Caller, type StationApi } from '../../shared/contract/api';
import { handleCall } from '../../shared/contract/dispatch';
import { emptyPlan, MAV_CMD, MAV_FRAME, planItem } from '../../shared/plan';

const calls = ['uploadPlan', 'downloadPlan', 'clearPlan', 'command'] as const;

/** Every call answers "reached"; what matters here is what the dispatcher lets through. */
const api = new Proxy({}, { get: () => (p: unknown) => ({ reached: true, params: p }) }) as unknown as StationApi;
const who = (role: Caller['role']): Caller => ({ role, name: `a ${role}` });

function jsonPlan() {
  const plan = emptyPlan();
  plan.mission.items.push(planItem({ command: MAV_CMD.NAV_TAKEOFF, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: NaN, x: 46.07, y: 122.09, z: 30 }));
  plan.fence.polygons.push({ inclusion: true, vertices: [{ lat: 46, lon: 122 }, { lat: 46.1, lon: 122 }, { lat: 46.1, lon: 122.1 }] });
  // What a WebSocket/MessagePort carries: NaN becomes null.
  return JSON.parse(JSON.stringify(plan)) as unknown;
}

const params: Record<(typeof calls)[number], unknown> = {
  uploadPlan: { key: '1:1', plan: jsonPlan(), types: ['mission', 'fence'] },
  downloadPlan: { key: '1:1', types: ['mission'] },
  clearPlan: { key: '1:1', types: ['rally'] },
  command: { key: '1:1', action: 'takeoff', altM: 20 },
};

describe('plan and command calls on the contract', () => {
  for (const role of ['commander', 'observer', 'trainer'] as const) {
    it(`refuses every plan/command call to a ${role} with 'forbidden'`, async () => {
      for (const method of calls) {
        await expect(handleCall(api, who(role), method, params[method])).rejects.toMatchObject({ code: 'forbidden', userMessage: { en: expect.stringContaining(method), zh: expect.any(String) } });
      }
    });
  }

  it('lets a pilot through, with verify defaulting to true and null params read as NaN', async () => {
    for (const method of calls) await expect(handleCall(api, who('pilot'), method, params[method])).resolves.toMatchObject({ reached: true });
    const r = (await handleCall(api, who('pilot'), 'uploadPlan', params.uploadPlan)) as { params: { verify: boolean; plan: { mission: { items: Array<{ param4: number }> } } } };
    expect(r.params.verify).toBe(true);
    expect(Number.isNaN(r.params.plan.mission.items[0].param4)).toBe(true);
  });

  it('rejects bad params with bad_params before the station sees them', async () => {
    const bad: Array<[string, unknown]> = [
      ['uploadPlan', { key: '1:1', plan: { mission: {} }, types: ['mission'] }],
      ['uploadPlan', { key: '1:1', plan: jsonPlan(), types: [] }],
      ['uploadPlan', { key: 'one', plan: jsonPlan(), types: ['mission'] }],
      ['downloadPlan', { key: '1:1', types: ['mission', 'waypoints'] }],
      ['command', { key: '1:1', action: 'selfDestruct' }],
      ['command', { key: '1:1', action: 'takeoff' }],
      ['command', { key: '1:1', action: 'takeoff', altM: -5 }],
      ['command', { key: '1:1', action: 'goto', lat: 91, lon: 0, altM: 10 }],
      ['command', { key: '1:1', action: 'arm', extra: 1 }],
    ];
    for (const [method, p] of bad) await expect(handleCall(api, who('pilot'), method, p), `${method} ${JSON.stringify(p).slice(0, 60)}`).rejects.toMatchObject({ code: 'bad_params' });
  });

  it('has a schema for every command action', () => {
    for (const action of ['arm', 'disarm', 'forceDisarm', 'missionStart', 'pause', 'continue', 'rtl', 'land']) {
      expect(callSchemas.command.safeParse({ key: '1:1', action }).success, action).toBe(true);
    }
    expect(callSchemas.command.safeParse({ key: '1:1', action: 'setMode', mode: 'GUIDED' }).success).toBe(true);
    expect(callSchemas.command.safeParse({ key: '1:1', action: 'setRoi', lat: 46, lon: 122, altM: 0 }).success).toBe(true);
    expect(callSchemas.command.safeParse({ key: '1:1', action: 'changeSpeed', speedMps: 5, speedType: 'air' }).success).toBe(true);
  });
});
