// Every way a mission/fence/rally transfer can fail, as an error a pilot can act on (en + zh).
import { ContractError, msg } from '../../../shared/contract/errors';
import type { UserMessage } from '../../../shared/contract/types';

export interface MissionErrorDetail {
  missionType?: number;
  /** MAV_MISSION_RESULT from the vehicle's MISSION_ACK, when the vehicle said no. */
  missionResult?: number;
  seq?: number;
}

export class MissionTransferError extends ContractError {
  constructor(code: string, message: UserMessage, readonly detail: MissionErrorDetail = {}) {
    super(code, message);
    this.name = 'MissionTransferError';
  }
}

const KIND_EN = ['mission', 'geofence', 'rally points'];
const KIND_ZH = ['航线', '电子围栏', '集结点'];

export function kindEn(missionType: number): string {
  return KIND_EN[missionType] ?? `mission type ${missionType}`;
}
export function kindZh(missionType: number): string {
  return KIND_ZH[missionType] ?? `任务类型 ${missionType}`;
}

// MAV_MISSION_RESULT (common.xml). 10..12 are INVALID_PARAM5_X, INVALID_PARAM6_Y, INVALID_PARAM7.
const RESULTS: Record<number, { code: string; en: string; zh: string }> = {
  1: { code: 'error', en: 'the vehicle reported a general error and is not accepting mission commands right now', zh: '飞行器报告一般错误，目前不接受任务指令' },
  2: { code: 'unsupported_frame', en: 'an item uses a coordinate frame this vehicle does not support', zh: '有航点使用了飞行器不支持的坐标系' },
  3: { code: 'unsupported', en: 'an item uses a command this vehicle does not support', zh: '有航点使用了飞行器不支持的指令' },
  4: { code: 'no_space', en: 'the vehicle has no room for this many items; shorten the plan', zh: '飞行器存储空间不足，请减少航点数量' },
  5: { code: 'invalid', en: 'an item has a parameter the vehicle considers invalid', zh: '有航点的参数被飞行器判定为无效' },
  6: { code: 'invalid_param1', en: 'an item has an invalid parameter 1', zh: '有航点的参数1无效' },
  7: { code: 'invalid_param2', en: 'an item has an invalid parameter 2', zh: '有航点的参数2无效' },
  8: { code: 'invalid_param3', en: 'an item has an invalid parameter 3', zh: '有航点的参数3无效' },
  9: { code: 'invalid_param4', en: 'an item has an invalid parameter 4', zh: '有航点的参数4无效' },
  10: { code: 'invalid_param5_x', en: 'an item has an invalid latitude / parameter 5', zh: '有航点的纬度（参数5）无效' },
  11: { code: 'invalid_param6_y', en: 'an item has an invalid longitude / parameter 6', zh: '有航点的经度（参数6）无效' },
  12: { code: 'invalid_param7', en: 'an item has an invalid altitude / parameter 7', zh: '有航点的高度（参数7）无效' },
  13: { code: 'invalid_sequence', en: 'items arrived out of order and the vehicle gave up', zh: '航点顺序错乱，飞行器已放弃接收' },
  14: { code: 'denied', en: 'the vehicle refuses mission commands from this ground station', zh: '飞行器拒绝来自本地面站的任务指令' },
  15: { code: 'operation_cancelled', en: 'the vehicle cancelled the transfer (it may have timed out)', zh: '飞行器取消了传输（可能已超时）' },
};

/** The vehicle's MISSION_ACK said no: e.g. "Upload of the mission failed: the vehicle has no room ...". */
export function vehicleRejected(op: 'upload' | 'download' | 'clear', missionType: number, result: number): MissionTransferError {
  const r = RESULTS[result] ?? { code: `result_${result}`, en: `the vehicle answered with unknown error code ${result}`, zh: `飞行器返回未知错误代码 ${result}` };
  const opEn = { upload: 'Upload', download: 'Download', clear: 'Clearing' }[op];
  const of = op === 'clear' ? '' : ' of';
  const opZh = { upload: '上传', download: '下载', clear: '清除' }[op];
  return new MissionTransferError(
    `mission_${r.code}`,
    msg(`${opEn}${of} the ${kindEn(missionType)} failed: ${r.en}.`, `${kindZh(missionType)}${opZh}失败：${r.zh}。`),
    { missionType, missionResult: result },
  );
}

export function missionResultCode(result: number): string {
  return RESULTS[result]?.code ?? `result_${result}`;
}

export function busyError(missionType: number, running: string): MissionTransferError {
  return new MissionTransferError(
    'mission_busy',
    msg(
      `Cannot start a ${kindEn(missionType)} transfer: a ${running} is still in progress with this vehicle. Wait for it to finish.`,
      `无法开始${kindZh(missionType)}传输：与该飞行器的${running}仍在进行中，请等待完成。`,
    ),
    { missionType },
  );
}

export function timeoutError(what: { en: string; zh: string }, missionType: number, seq?: number): MissionTransferError {
  return new MissionTransferError(
    'mission_timeout',
    msg(
      `The ${kindEn(missionType)} transfer stopped: ${what.en}, even after retries. Check the link and try again.`,
      `${kindZh(missionType)}传输中断：${what.zh}（已多次重试）。请检查数据链路后重试。`,
    ),
    { missionType, seq },
  );
}

export function protocolError(code: string, what: { en: string; zh: string }, missionType: number, seq?: number): MissionTransferError {
  return new MissionTransferError(
    code,
    msg(`The ${kindEn(missionType)} transfer failed: ${what.en}.`, `${kindZh(missionType)}传输失败：${what.zh}。`),
    { missionType, seq },
  );
}

export function cancelledError(missionType: number): MissionTransferError {
  return new MissionTransferError(
    'mission_cancelled',
    msg(`The ${kindEn(missionType)} transfer was cancelled.`, `${kindZh(missionType)}传输已取消。`),
    { missionType },
  );
}
