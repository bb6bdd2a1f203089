// COMMAND_ACK results as values the UI can show. Nothing a pilot sends is fire-and-forget: every
// command ends in exactly one of these outcomes, with a sentence in both languages.
import { common } from 'mavlink-mappings';
import { msg } from '../../../shared/contract/errors';
import type { UserMessage } from '../../../shared/contract/types';

export type CommandOutcome = 'accepted' | 'temporarily_rejected' | 'denied' | 'unsupported' | 'failed' | 'timed_out' | 'cancelled';

export interface CommandResult {
  ok: boolean;
  outcome: CommandOutcome;
  /** MAV_CMD number. */
  command: number;
  /** MAV_RESULT from the vehicle; absent when it never answered. */
  mavResult?: number;
  /** Last progress reported with MAV_RESULT_IN_PROGRESS (0..100), if any. */
  progressPct?: number;
  /** COMMAND_ACK.result_param2: command-specific detail (e.g. ArduPilot's prearm failure index). */
  resultParam2?: number;
  /** How many times the command went out. */
  tries: number;
  code: string;
  message: UserMessage;
}

/** "COMPONENT_ARM_DISARM (400)": the spec name helps when someone reads a log or asks for support. */
export function commandLabel(command: number): string {
  const name = (common.MavCmd as unknown as Record<number, string | undefined>)[command];
  return name ? `${name} (${command})` : `command ${command}`;
}

const MAV_RESULT_OUTCOME: Record<number, CommandOutcome> = {
  0: 'accepted',
  1: 'temporarily_rejected',
  2: 'denied',
  3: 'unsupported',
  4: 'failed',
  6: 'cancelled',
  7: 'unsupported', // COMMAND_LONG_ONLY
  8: 'unsupported', // COMMAND_INT_ONLY
  9: 'unsupported', // COMMAND_UNSUPPORTED_MAV_FRAME
};

const REASONS: Record<number, { en: string; zh: string }> = {
  0: { en: 'accepted', zh: '已接受' },
  1: { en: 'temporarily rejected: the vehicle cannot do it right now (check its state and try again)', zh: '暂时被拒绝：飞行器当前无法执行（请检查状态后重试）' },
  2: { en: 'denied: the vehicle will not do it in its current state (check pre-arm messages and mode)', zh: '被拒绝：飞行器在当前状态下不执行（请检查预解锁信息和飞行模式）' },
  3: { en: 'not supported by this vehicle', zh: '该飞行器不支持此指令' },
  4: { en: 'failed: the vehicle tried and could not complete it', zh: '执行失败：飞行器尝试执行但未能完成' },
  6: { en: 'cancelled by the vehicle', zh: '已被飞行器取消' },
  7: { en: 'not supported in this form (the vehicle only accepts it as COMMAND_LONG)', zh: '此形式不受支持（飞行器仅接受 COMMAND_LONG）' },
  8: { en: 'not supported in this form (the vehicle only accepts it as COMMAND_INT)', zh: '此形式不受支持（飞行器仅接受 COMMAND_INT）' },
  9: { en: 'not supported: the vehicle does not accept this coordinate frame', zh: '不支持：飞行器不接受该坐标系' },
};

export function resultFromAck(command: number, mavResult: number, tries: number, extra: { progressPct?: number; resultParam2?: number }): CommandResult {
  const outcome = MAV_RESULT_OUTCOME[mavResult] ?? 'failed';
  const reason = REASONS[mavResult] ?? { en: `failed with unknown result code ${mavResult}`, zh: `失败，未知结果代码 ${mavResult}` };
  const label = commandLabel(command);
  return {
    ok: outcome === 'accepted',
    outcome,
    command,
    mavResult,
    tries,
    ...extra,
    code: `command_${outcome}`,
    message: msg(`${label}: ${reason.en}.`, `${label}：${reason.zh}。`),
  };
}

export function timedOutResult(command: number, tries: number, inProgress: boolean, progressPct?: number): CommandResult {
  const label = commandLabel(command);
  const message = inProgress
    ? msg(`${label}: the vehicle started it but stopped reporting progress.`, `${label}：飞行器已开始执行，但不再报告进度。`)
    : msg(`${label}: no answer from the vehicle after ${tries} tries. Check the link.`, `${label}：尝试 ${tries} 次后飞行器仍无应答，请检查数据链路。`);
  return { ok: false, outcome: 'timed_out', command, tries, progressPct, code: 'command_timed_out', message };
}

export function cancelledLocallyResult(command: number, tries: number): CommandResult {
  const label = commandLabel(command);
  return {
    ok: false,
    outcome: 'cancelled',
    command,
    tries,
    code: 'command_cancelled',
    message: msg(`${label}: cancelled at the ground station before the vehicle answered.`, `${label}：在飞行器应答前已于地面站取消。`),
  };
}
