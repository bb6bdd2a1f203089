// The pilot's command actions (the contract's `command` call) on one vehicle's command engine, each
// ending in a VehicleCommandResult. When the vehicle refuses, its own STATUSTEXT ("Arm: Mode not
// armable", "PreArm: Need 3D Fix") is attached: ArduPilot's COMMAND_ACK only says FAILED, the text
// says why, and a pilot can act on the why.
import { msg } from '../../../shared/contract/errors';
import type { CommandAction, VehicleCommandResult } from '../../../shared/contract/types';
import type { CommandResult } from '../protocol/command-result';
import type { ModeNumbers, ResolveMode } from '../protocol/vehicle-commands';
import { modeNumber, modeTableFor } from '../vehicle';
import { px4Decode } from '../vehicle/modes';
import type { VehicleProtocol } from './vehicle-protocol';

export type CommandParams =
  | { action: 'arm' | 'disarm' | 'forceDisarm' | 'pause' | 'continue' | 'rtl' | 'land' }
  | { action: 'takeoff'; altM: number }
  | { action: 'setMode'; mode: string }
  | { action: 'missionStart'; firstItem?: number; lastItem?: number }
  | { action: 'goto' | 'setRoi'; lat: number; lon: number; altM: number }
  | { action: 'changeSpeed'; speedMps: number; speedType?: 'ground' | 'air' };

/** How long to wait after a refusal for the STATUSTEXT that explains it (it usually comes first). */
const REASON_GRACE_MS = 300;

function resolveModeFor(vp: VehicleProtocol): ResolveMode {
  const s = vp.vehicle.snap;
  return (name: string): ModeNumbers | undefined => {
    const n = modeNumber(s.autopilot, s.mavType, name.trim().toUpperCase().replace(/[\s-]+/g, '_'));
    if (n === undefined) return undefined;
    if (s.autopilot === 'px4') {
      // PX4's DO_SET_MODE takes main mode in param2 and sub mode in param3, not the packed custom_mode.
      const { main, sub } = px4Decode(n);
      return { baseMode: 0, customMode: main, customSubMode: sub };
    }
    return { baseMode: 0, customMode: n };
  };
}

/** Mode names this vehicle knows, for a message when a name is not one of them. */
export function modeNames(vp: VehicleProtocol): string[] {
  const s = vp.vehicle.snap;
  return modeTableFor(s.autopilot, s.mavType)?.names() ?? [];
}

function send(vp: VehicleProtocol, p: CommandParams): Promise<CommandResult> {
  const c = vp.commands;
  switch (p.action) {
    case 'arm':
      return c.arm();
    case 'disarm':
      return c.disarm();
    case 'forceDisarm':
      return c.forceDisarm();
    case 'takeoff':
      return c.takeoff(p.altM);
    case 'setMode':
      return c.setMode(p.mode, resolveModeFor(vp));
    case 'missionStart':
      return c.missionStart(p.firstItem ?? 0, p.lastItem ?? 0);
    case 'pause':
      return c.pause();
    case 'continue':
      return c.resume();
    case 'rtl':
      return c.returnToLaunch();
    case 'land':
      return c.land();
    case 'goto':
      return c.goTo(p.lat, p.lon, p.altM);
    case 'setRoi':
      return c.setRoi(p.lat, p.lon, p.altM);
    case 'changeSpeed':
      return c.changeSpeed(p.speedMps, p.speedType ?? 'ground');
  }
}

const REFUSALS = new Set(['temporarily_rejected', 'denied', 'failed', 'unsupported']);

export async function runCommand(vp: VehicleProtocol, p: CommandParams, clockNow: () => number): Promise<VehicleCommandResult> {
  const startedMs = clockNow();
  const r = await send(vp, p);
  let vehicleText: string | null = null;
  if (!r.ok && r.tries > 0 && REFUSALS.has(r.outcome)) {
    if (vp.textsSince(startedMs).length === 0) await vp.nextText(REASON_GRACE_MS);
    const texts = vp.textsSince(startedMs);
    // The most severe text wins (lowest MAV_SEVERITY); "Arming motors" (info) never explains a refusal.
    const best = [...texts].sort((a, b) => a.severity - b.severity)[0];
    if (best) vehicleText = best.text;
  }
  let message = vehicleText
    ? msg(`${r.message.en} The vehicle says: "${vehicleText}".`, `${r.message.zh}飞行器提示：“${vehicleText}”。`)
    : r.message;
  const known = p.action === 'setMode' && r.code === 'command_invalid_argument' ? modeNames(vp) : [];
  if (known.length > 0) message = msg(`${message.en} Modes of this vehicle: ${known.join(', ')}.`, `${message.zh}该飞行器的模式：${known.join('、')}。`);
  return {
    ok: r.ok,
    outcome: r.outcome,
    command: r.command,
    mavResult: r.mavResult ?? null,
    tries: r.tries,
    code: r.code,
    message,
    vehicleText,
  };
}

export const COMMAND_ACTIONS: readonly CommandAction[] = [
  'arm', 'disarm', 'forceDisarm', 'takeoff', 'setMode', 'missionStart', 'pause', 'continue', 'rtl', 'land', 'goto', 'setRoi', 'changeSpeed',
];
